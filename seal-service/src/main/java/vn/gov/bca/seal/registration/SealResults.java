package vn.gov.bca.seal.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.document.AdministrativeDocument;
import vn.gov.bca.platform.document.AdministrativeDocument.Row;
import vn.gov.bca.platform.document.VietnameseDates;
import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.document.register.DocumentRequest;
import vn.gov.bca.platform.document.register.IssuedDocument;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.web.time.VietnamTime;
import vn.gov.bca.seal.organisation.Organisation;
import vn.gov.bca.seal.organisation.Organisations;
import vn.gov.bca.seal.registry.Seal;
import vn.gov.bca.seal.registry.SealKind;
import vn.gov.bca.seal.registry.SealRegistry;

/**
 * What follows an approved seal dossier, once per event and harmless when repeated: a seal is entered
 * in the registry with its specimen (procedures 1-4; a re-registered seal replaces the old one, which
 * is withdrawn), then the signed certificate of seal specimen registration is issued with the
 * specimen and its QR code, superseding the certificate it replaces (re-registration, exchange), and
 * the seal records it.
 */
@Component
public class SealResults {

	public static final String CERTIFICATE = "SEAL_CERTIFICATE";

	/** The written refusal with its reasons, issued by the platform ({@link SealRules#refusalNotice}). */
	public static final String REFUSAL = "SEAL_REFUSAL";

	private final SealRegistry registry;

	private final Organisations organisations;

	private final Attachments attachments;

	private final DocumentRegister documents;

	SealResults(SealRegistry registry, Organisations organisations, Attachments attachments,
			DocumentRegister documents) {
		this.registry = registry;
		this.organisations = organisations;
		this.attachments = attachments;
		this.documents = documents;
	}

	/** The event {@link #followUp} acts on: the dossier processed. */
	boolean followsUp(String eventType) {
		return "DossierProcessed".equals(eventType);
	}

	Mono<?> followUp(String eventType, SealDossier dossier) {
		if (!"DossierProcessed".equals(eventType)) {
			return Mono.empty();
		}
		Instant now = dossier.result().processedAt();
		return this.organisations.find(dossier.form().organisationId())
			.flatMap((organisation) -> enter(dossier, now)
				.flatMap((seal) -> certificate(dossier, organisation, seal, now)));
	}

	/** What the approval records, in the officer's words on the dossier's progress. */
	String summary(SealDossier dossier) {
		SealForm form = dossier.form();
		return switch (dossier.procedure()) {
			case NEW_SEAL -> "Đăng ký mẫu con dấu mới";
			case SPECIAL_SEAL -> "Đăng ký " + form.sealKind().nameVi().toLowerCase(java.util.Locale.forLanguageTag("vi"));
			case RE_REGISTRATION -> "Đăng ký lại mẫu con dấu thay con dấu số " + form.sealNumber() + ": "
					+ form.reRegistrationGround().nameVi();
			case ADDITIONAL_SEAL -> "Đăng ký thêm con dấu";
			case CERTIFICATE_EXCHANGE -> form.certificateGround().nameVi() + " của con dấu số " + form.sealNumber();
		};
	}

	/** The seal of the dossier: entered now (procedures 1-4), or the one whose certificate is exchanged. */
	private Mono<Seal> enter(SealDossier dossier, Instant now) {
		if (!dossier.procedure().registersSeal()) {
			return this.registry.find(dossier.sealNumber());
		}
		SealForm form = dossier.form();
		Mono<SealKind> kind = switch (dossier.procedure()) {
			case SPECIAL_SEAL -> Mono.just(form.sealKind());
			case ADDITIONAL_SEAL -> Mono.just(SealKind.ADDITIONAL);
			case RE_REGISTRATION -> this.registry.find(form.sealNumber()).map(Seal::kind);
			default -> Mono.just(SealKind.ORDINARY);
		};
		Dossier.HandlingUnit unit = dossier.handlingUnit();
		return kind.zipWith(this.attachments.read(dossier, dossier.specimenAttachmentId()))
			.flatMap((found) -> this.registry
				.storeSpecimen(dossier.sealNumber(), found.getT2().attachment().mediaType(),
						found.getT2().attachment().sha256(), found.getT2().content())
				.flatMap((specimen) -> this.registry.register(Seal.register(dossier.sealNumber(),
						form.organisationId(), dossier.organisationName(), found.getT1(), form.inscription(), specimen,
						unit.code(), unit.name(), unit.province(), VietnamTime.dayOf(now), dossier.code(), now))))
			.flatMap((seal) -> (dossier.procedure() != SealProcedure.RE_REGISTRATION) ? Mono.just(seal)
					: this.registry
						.change(form.sealNumber(), (old) -> old.replaceBy(seal.number(),
								form.reRegistrationGround().nameVi(), dossier.code(), now))
						.thenReturn(seal));
	}

	/**
	 * The certificate: issued once for the dossier, superseding the one in force for the seal (an
	 * exchange) or for the seal it replaces (a re-registration); then recorded on the seal.
	 */
	private Mono<Seal> certificate(SealDossier dossier, Organisation organisation, Seal seal, Instant now) {
		Mono<String> supersedes = switch (dossier.procedure()) {
			case CERTIFICATE_EXCHANGE -> Mono.justOrEmpty(previousCertificate(seal, dossier));
			case RE_REGISTRATION -> this.registry.find(dossier.form().sealNumber())
				.flatMap((old) -> Mono.justOrEmpty(previousCertificate(old, dossier)));
			default -> Mono.empty();
		};
		return this.registry.specimen(seal.specimen())
			.zipWith(supersedes.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
			.flatMap((found) -> {
				DocumentRequest request = request(dossier, organisation, seal, found.getT1());
				return this.documents.issue(found.getT2().map(request::superseding).orElse(request));
			})
			.flatMap((issued) -> this.registry.change(seal.number(), (fresh) -> fresh.issueCertificate(
					new Seal.Certificate(dossier.certificateNumber(), issued.id(), dossier.code(),
							VietnamTime.dayOf(now)), now)));
	}

	/**
	 * The key of the seal's latest certificate other than this dossier's: the one this dossier's
	 * supersedes (an exchanged seal's, a replaced seal's), whether or not a repeated follow-up
	 * already recorded the new one; null for none.
	 */
	private static String previousCertificate(Seal seal, SealDossier dossier) {
		List<Seal.Certificate> certificates = new ArrayList<>(seal.formerCertificates());
		if (seal.certificate() != null) {
			certificates.add(seal.certificate());
		}
		for (int i = certificates.size() - 1; i >= 0; i--) {
			if (!certificates.get(i).dossierCode().equals(dossier.code())) {
				return CERTIFICATE + ":" + certificates.get(i).dossierCode();
			}
		}
		return null;
	}

	private static DocumentRequest request(SealDossier dossier, Organisation organisation, Seal seal, byte[] image) {
		Dossier.HandlingUnit unit = dossier.handlingUnit();
		LocalDate day = VietnamTime.dayOf(dossier.result().processedAt());
		List<Row> rows = new ArrayList<>(List.of(new Row("Tên cơ quan, tổ chức", organisation.name()),
				new Row("Trụ sở", organisation.headOffice().detail() + ", " + organisation.headOffice().commune()),
				new Row("Quyết định thành lập", organisation.founding().number() + " ngày "
						+ VietnameseDates.numeric(organisation.founding().date()) + " của " + organisation.founding().issuer()),
				new Row("Loại dấu", seal.kind().nameVi()), new Row("Số đăng ký con dấu", seal.number()),
				new Row("Nội dung mẫu dấu", (seal.inscription() != null) ? seal.inscription() : ""),
				new Row("Ngày đăng ký", VietnameseDates.numeric(seal.registeredOn()))));
		if (dossier.procedure() == SealProcedure.CERTIFICATE_EXCHANGE) {
			rows.add(new Row("Lý do", dossier.form().certificateGround().nameVi()));
		}
		if (dossier.procedure() == SealProcedure.RE_REGISTRATION) {
			rows.add(new Row("Thay con dấu số", dossier.form().sealNumber()));
		}
		rows.add(new Row("Mã hồ sơ", dossier.code()));
		List<Row> facts = List.of(new Row("Tên cơ quan, tổ chức", organisation.name()),
				new Row("Loại dấu", seal.kind().nameVi()), new Row("Số đăng ký con dấu", seal.number()),
				new Row("Ngày đăng ký", VietnameseDates.numeric(seal.registeredOn())));
		return DocumentRequest.administrative(CERTIFICATE, dossier.code(), dossier.code(),
				IssuedDocument.Holder.organisation(organisation.name(), dossier.applicant().personalId()),
				new IssuedDocument.Issuer(unit.code(), unit.name(), unit.province()), dossier.certificateNumber(), day,
				"GIẤY CHỨNG NHẬN ĐĂNG KÝ MẪU CON DẤU", rows, facts)
			.withFigure(new AdministrativeDocument.Figure("Mẫu con dấu", seal.specimen().mediaType(), image));
	}

}
