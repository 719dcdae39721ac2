package vn.gov.bca.platform.dossier.sample;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.gov.bca.platform.dossier.attachment.Attachment;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.testkit.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Attachments in GridFS: accepted by content, limited, and downloadable only by those entitled. */
@IntegrationTest
class AttachmentTests {

	private static final Caller APPLICANT = new Caller("citizen-an", "001085012345", 2, Set.of(Caller.CITIZEN), null,
			null, "vneid-mobile");

	private static final Caller OTHER_CITIZEN = new Caller("citizen-bich", "079192004567", 2, Set.of(Caller.CITIZEN),
			null, null, "vneid-mobile");

	private static final Caller OFFICER = new Caller("officer-hn", "001080001111", 2, Set.of(Caller.OFFICER), "PA08-HN",
			"01", "officer-console");

	private static final Caller OFFICER_HCM = new Caller("officer-hcm", "079187002222", 2, Set.of(Caller.OFFICER),
			"PA08-HCM", "79", "officer-console");

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F' };

	/** The start of a Windows executable. */
	private static final byte[] EXE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0 };

	@Autowired
	private Attachments attachments;

	@Test
	void pdfPngAndJpegAreKeptAndTheApplicantAndTheUnitsOfficersDownloadThem() {
		SampleDossier dossier = new SampleDossier("PA08-HN-260401-0001", "du lịch", Instant.now());
		Attachment form = this.attachments.store(dossier, "TK01", "C:\\Users\\an\\to-khai.pdf", PDF, APPLICANT).block();
		this.attachments.store(dossier, "PHOTO_4X6", "anh.png", PNG, APPLICANT).block();
		this.attachments.store(dossier, "BIRTH_CERTIFICATE", "giay-khai-sinh.jpg", JPEG, OFFICER).block();

		assertThat(form.mediaType()).isEqualTo("application/pdf");
		assertThat(form.filename()).isEqualTo("to-khai.pdf");
		assertThat(this.attachments.list(dossier.code()).collectList().block()).extracting(Attachment::mediaType)
			.containsExactly("application/pdf", "image/png", "image/jpeg");
		assertThat(this.attachments.download(dossier, form.id(), APPLICANT).block().content()).isEqualTo(PDF);
		assertThat(this.attachments.download(dossier, form.id(), OFFICER).block().attachment().kind()).isEqualTo("TK01");
		assertThatThrownBy(() -> this.attachments.download(dossier, form.id(), OTHER_CITIZEN).block())
			.isInstanceOfSatisfying(ApiException.class, (refused) -> assertThat(refused.type().status().value()).isEqualTo(404));
		assertThatThrownBy(() -> this.attachments.download(dossier, form.id(), OFFICER_HCM).block())
			.isInstanceOfSatisfying(ApiException.class, (refused) -> assertThat(refused.type().status().value()).isEqualTo(403));
	}

	@Test
	void anExecutableNamedPdfIsRefusedAsAnUnsupportedMediaType() {
		SampleDossier dossier = new SampleDossier("PA08-HN-260401-0002", "du lịch", Instant.now());
		assertThatThrownBy(() -> this.attachments.store(dossier, "TK01", "to-khai.pdf", EXE, APPLICANT).block())
			.isInstanceOfSatisfying(ApiException.class, (refused) -> assertThat(refused.type().status().value()).isEqualTo(415));
		assertThat(this.attachments.list(dossier.code()).collectList().block()).isEmpty();
	}

	@Test
	void tooLargeAndTooManyAreRefused() {
		SampleDossier dossier = new SampleDossier("PA08-HN-260401-0003", "du lịch", Instant.now());
		byte[] large = Arrays.copyOf(PDF, (int) this.attachments.maxSize() + 1);
		assertThatThrownBy(() -> this.attachments.store(dossier, "TK01", "big.pdf", large, APPLICANT).block())
			.isInstanceOfSatisfying(ApiException.class, (refused) -> assertThat(refused.type().status().value()).isEqualTo(413));
		for (int i = 0; i < 20; i++) {
			this.attachments.store(dossier, "OTHER", "page-" + i + ".png", PNG, APPLICANT).block();
		}
		assertThatThrownBy(() -> this.attachments.store(dossier, "OTHER", "page-21.png", PNG, APPLICANT).block())
			.isInstanceOfSatisfying(ApiException.class, (refused) -> assertThat(refused.type().status().value()).isEqualTo(422));
	}

	@Test
	void anAttachmentOfAnotherDossierIsNotFound() {
		SampleDossier mine = new SampleDossier("PA08-HN-260401-0004", "du lịch", Instant.now());
		SampleDossier other = new SampleDossier("PA08-HN-260401-0005", "du lịch", Instant.now());
		Attachment file = this.attachments.store(other, "TK01", "a.pdf", PDF, APPLICANT).block();
		assertThatThrownBy(() -> this.attachments.download(mine, file.id(), APPLICANT).block())
			.isInstanceOfSatisfying(ApiException.class, (refused) -> assertThat(refused.type().status().value()).isEqualTo(404));
		assertThatThrownBy(() -> this.attachments.download(mine, "not-an-id", APPLICANT).block())
			.isInstanceOf(ApiException.class);
	}

	@Test
	void aKindIsADocumentCodeOfTheProcedureOrOtherAndNothingElseIsStored() {
		SampleDossier dossier = new SampleDossier("PA08-HN-260402-0001", "du lịch", Instant.now());
		for (String kind : new String[] { "A".repeat(3_000), "tk01", "TK 01", "<script>", "" }) {
			assertThatThrownBy(() -> this.attachments.store(dossier, kind, "x.pdf", PDF, APPLICANT).block())
				.isInstanceOfSatisfying(ApiException.class, (refused) -> {
					assertThat(refused.type().status().value()).isEqualTo(422);
					assertThat(refused.errors()).extracting(ApiException.FieldProblem::field).containsExactly("kind");
				});
		}
		vn.gov.bca.platform.dossier.catalogue.Procedure procedure = new vn.gov.bca.platform.dossier.catalogue.Procedure(
				"1.001", "Thủ tục", "Procedure", "Lĩnh vực", null, 5, 2, null, null,
				java.util.List.of(new vn.gov.bca.platform.dossier.catalogue.RequiredDocument("TK01", "Tờ khai", "Form",
						true, java.util.List.of("application/pdf"), false)),
				java.util.List.of(), null, null);
		assertThatThrownBy(() -> this.attachments.store(dossier, procedure, "PHOTO", "x.pdf", PDF, APPLICANT).block())
			.isInstanceOfSatisfying(ApiException.class,
					(refused) -> assertThat(refused.type().status().value()).isEqualTo(422));
		assertThat(this.attachments.store(dossier, procedure, "TK01", "x.pdf", PDF, APPLICANT).block().kind())
			.isEqualTo("TK01");
		assertThat(this.attachments.store(dossier, procedure, "OTHER", "x.pdf", PDF, APPLICANT).block().kind())
			.isEqualTo("OTHER");
	}

}
