package vn.gov.bca.platform.document.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.bca.platform.document.DocumentRenderer;
import vn.gov.bca.platform.document.SampleDocuments;
import vn.gov.bca.platform.document.VietnameseAmounts;

/** The passport fee receipt, rendered, signed by PA08-HN with a development CA key, and checked. */
class DocumentSignerTests {

	static final String UNIT = "PA08-HN";
	static final String UNIT_NAME = "Phòng Quản lý xuất nhập cảnh Công an thành phố Hà Nội";
	static final Instant SIGNED_AT = Instant.parse("2026-12-01T03:42:00Z");
	static final Clock LATER = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC);
	static final char[] PASSWORD = "development-only".toCharArray();

	@TempDir
	static Path keys;

	static byte[] rendered;
	static X509Certificate developmentCa;
	static X509Certificate otherCa;
	static UnitKeys unitKeys;
	static byte[] signed;

	@BeforeAll
	static void signReceipt() {
		rendered = new DocumentRenderer().render(SampleDocuments.feeReceipt());
		Instant certificatesFrom = Instant.parse("2026-01-01T00:00:00Z");
		developmentCa = DevelopmentCa.write(keys.resolve("units.p12"), PASSWORD, List.of(UNIT, "PA08-HCM"),
				certificatesFrom, DevelopmentCa.KeyType.EC_P256);
		otherCa = DevelopmentCa.write(keys.resolve("other.p12"), PASSWORD, List.of(UNIT), certificatesFrom,
				DevelopmentCa.KeyType.EC_P256);
		unitKeys = UnitKeys.load(keys.resolve("units.p12"), PASSWORD);
		signed = new DocumentSigner(unitKeys).sign(rendered, UNIT, UNIT_NAME, SIGNED_AT);
	}

	private static SignatureCheck trusting(X509Certificate ca) {
		return new SignatureCheck(List.of(ca), LATER);
	}

	@Test
	void aSignedReceiptIsSignedIntactWholeAndTrustedByTheDevelopmentCa() {
		SignatureCheck.Result result = trusting(developmentCa).verify(signed);

		assertThat(result.signed()).isTrue();
		assertThat(result.intact()).isTrue();
		assertThat(result.coversWholeFile()).isTrue();
		assertThat(result.signerSubject()).hasValueSatisfying(subject -> assertThat(subject).contains("CN=" + UNIT));
		assertThat(result.trusted()).isTrue();
		assertThat(result.signingTime()).contains(SIGNED_AT);
		assertThat(result.valid()).isTrue();
	}

	@Test
	void theSignerIsNotTrustedByAnotherCaNorByAnEmptyTrustList() {
		SignatureCheck.Result other = trusting(otherCa).verify(signed);
		assertThat(other.intact()).as("the signature itself is fine").isTrue();
		assertThat(other.trusted()).isFalse();
		assertThat(other.valid()).isFalse();

		assertThat(new SignatureCheck(List.of(), LATER).verify(signed).trusted()).isFalse();
	}

	@Test
	void theTrustedCaCanBeReadBackFromTheKeystore() {
		assertThat(unitKeys.trustedCertificates()).containsExactly(developmentCa);
		assertThat(new SignatureCheck(unitKeys.trustedCertificates(), LATER).verify(signed).valid()).isTrue();
	}

	@Test
	void theSignatureIsAnIncrementalUpdateThatLeavesTheRenderedBytesAsTheyWere() {
		assertThat(signed.length).isGreaterThan(rendered.length);
		assertThat(Arrays.copyOf(signed, rendered.length)).isEqualTo(rendered);
		// The reserved /Contents (12 KB, written as hex: 24 KB) and the new objects: still under 100 KB.
		assertThat(signed.length).isLessThan(100 * 1024);
	}

	@Test
	void theSignatureDictionaryIsPadesWithTheUnitsNameAndTheGivenTime() throws Exception {
		try (PDDocument document = Loader.loadPDF(signed)) {
			PDSignature signature = document.getLastSignatureDictionary();
			assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
			assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
			assertThat(signature.getReason()).isEqualTo(UNIT_NAME);
			assertThat(signature.getLocation()).isEqualTo(UNIT_NAME);
			assertThat(signature.getSignDate().toInstant()).isEqualTo(SIGNED_AT);
			// PDF/A: the (invisible) widget is printed, never hidden; the form brings no font (no
			// default resources with a standard-14 Helvetica, which would not be embedded).
			PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
			PDSignatureField field = (PDSignatureField) form.getFields().get(0);
			assertThat(field.getWidgets().get(0).isPrinted()).isTrue();
			assertThat(form.getCOSObject().containsKey(COSName.DR)).isFalse();
			assertThat(form.getCOSObject().containsKey(COSName.NEED_APPEARANCES)).isFalse();

			CMSSignedData cms = new CMSSignedData(SignatureCheck.contentInfo(signature.getContents()));
			SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
			assertThat(signer.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1"); // SHA-256
			assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
					.as("ESS signing-certificate-v2, required by PAdES-B-B").isNotNull();
			assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime))
					.as("no CMS signing-time in PAdES (EN 319 142-1, 5.3): the time is /M").isNull();
			assertThat(cms.getCertificates().getMatches(null)).hasSize(2);
		}
	}

	@Test
	void oneChangedByteAnywhereInTheSignedRangeBreaksTheSignature() throws Exception {
		int[] range = byteRange(signed);
		// 40 positions spread over both parts of the range: header, page, fonts, XMP, xref, the new dictionary, trailer.
		for (int i = 0; i < 40; i++) {
			int inFirst = (int) ((long) range[1] * i / 40);
			int inSecond = range[2] + (int) ((long) range[3] * i / 40);
			for (int position : new int[] {inFirst, inSecond}) {
				byte[] tampered = signed.clone();
				tampered[position] ^= 0x01;
				SignatureCheck.Result result = trusting(developmentCa).verify(tampered);
				assertThat(result.intact()).as("byte %d changed", position).isFalse();
				assertThat(result.valid()).isFalse();
			}
		}
	}

	@Test
	void aChangedByteAtTheEdgesOfTheSignedRangeBreaksTheSignature() throws Exception {
		// The byte before /Contents, one in the middle of the rendered file, the file's last byte.
		int[] range = byteRange(signed);
		for (int position : new int[] {range[1] - 1, rendered.length / 2, signed.length - 1}) {
			byte[] tampered = signed.clone();
			tampered[position]++;
			assertThat(trusting(developmentCa).verify(tampered).intact()).as("byte %d changed", position).isFalse();
		}
	}

	@Test
	void bytesAppendedAfterSigningAreReported() {
		byte[] appended = Arrays.copyOf(signed, signed.length + 40);
		byte[] tail = "\n% appended after the signature\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(tail, 0, appended, signed.length, tail.length);

		SignatureCheck.Result result = trusting(developmentCa).verify(appended);

		assertThat(result.signed()).isTrue();
		assertThat(result.intact()).as("the signed bytes themselves are unchanged").isTrue();
		assertThat(result.coversWholeFile()).isFalse();
		assertThat(result.valid()).isFalse();
	}

	@Test
	void anUnsignedReceiptIsReportedUnsigned() {
		SignatureCheck.Result result = trusting(developmentCa).verify(rendered);
		assertThat(result.signed()).isFalse();
		assertThat(result.valid()).isFalse();
		assertThat(trusting(developmentCa).verify("not a pdf".getBytes(StandardCharsets.US_ASCII)).signed()).isFalse();
	}

	@Test
	void theSignedReceiptStillReadsAndStaysPdfA3u() throws Exception {
		try (PDDocument document = Loader.loadPDF(signed)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(VietnameseAmounts.inWords(SampleDocuments.FEE)).contains("Hai trăm nghìn đồng");
			assertThat(text).contains(SampleDocuments.RECEIPT_NUMBER);

			XMPMetadata xmp = new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().exportXMPMetadata());
			PDFAIdentificationSchema pdfa = xmp.getPDFAIdentificationSchema();
			assertThat(pdfa).isNotNull();
			assertThat(pdfa.getPart()).isEqualTo(3);
			assertThat(pdfa.getConformance()).isEqualTo("U");
		}
	}

	@Test
	void anRsa3072KeyAlsoSigns() {
		Path rsa = keys.resolve("rsa.p12");
		X509Certificate ca = DevelopmentCa.write(rsa, PASSWORD, List.of(UNIT), Instant.parse("2026-01-01T00:00:00Z"),
				DevelopmentCa.KeyType.RSA_3072);
		byte[] pdf = new DocumentSigner(UnitKeys.load(rsa, PASSWORD)).sign(rendered, UNIT, SIGNED_AT);

		SignatureCheck.Result result = new SignatureCheck(List.of(ca), LATER).verify(pdf);

		assertThat(result.valid()).isTrue();
		assertThat(trusting(developmentCa).verify(pdf).trusted()).isFalse();
	}

	@Test
	void aCertificateCheckedAfterItsValidityIsNotTrusted() {
		Clock in2040 = Clock.fixed(Instant.parse("2040-01-01T00:00:00Z"), ZoneOffset.UTC);
		SignatureCheck.Result result = new SignatureCheck(List.of(developmentCa), in2040).verify(signed);
		assertThat(result.intact()).isTrue();
		assertThat(result.trusted()).isFalse();
	}

	@Test
	void aKeystoreWithoutTheUnitsAliasNamesTheUnit() {
		DocumentSigner signer = new DocumentSigner(unitKeys);
		assertThatThrownBy(() -> signer.sign(rendered, "PA08-DN", SIGNED_AT))
				.isInstanceOf(UnitKeys.UnknownUnitException.class)
				.hasMessageContaining("PA08-DN")
				.hasMessageContaining("units.p12");
		assertThatThrownBy(() -> unitKeys.key(DevelopmentCa.CA_ALIAS))
				.as("the CA's certificate entry is not a unit's key")
				.isInstanceOf(UnitKeys.UnknownUnitException.class);
	}

	@Test
	void aWrongKeystorePasswordFailsWhenLoading() {
		assertThatThrownBy(() -> UnitKeys.load(keys.resolve("units.p12"), "wrong".toCharArray()))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("units.p12");
	}

	private static int[] byteRange(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getLastSignatureDictionary().getByteRange();
		}
	}
}
