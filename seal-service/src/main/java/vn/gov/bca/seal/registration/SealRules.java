package vn.gov.bca.seal.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.outbox.Transition;
import vn.gov.bca.platform.document.AdministrativeDocument;
import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.attachment.Attachment;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.dossier.catalogue.RequiredDocument;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.dossier.workflow.Intake;
import vn.gov.bca.platform.dossier.workflow.ProcedureRules;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;
import vn.gov.bca.seal.organisation.Organisation;
import vn.gov.bca.seal.organisation.Organisations;
import vn.gov.bca.seal.registry.Seal;
import vn.gov.bca.seal.registry.SealKind;
import vn.gov.bca.seal.registry.SealRegistry;

/**
 * The seal procedures' rules in the dossier workflow (Decree 99/2016/NĐ-CP as amended by Decrees
 * 56/2023 and 58/2026). At submission, which write nothing: the parts of the request the procedure
 * uses and no other; the applicant acts for the organisation (its head, or a mandate an officer
 * recorded); the dossier goes to the unit of the organisation's level; the organisation may have the
 * seal asked for (a special seal only with a legal document allowing it, Art. 5(3); no second active
 * seal of a kind; a seal concerned that is its own and active). At approval: the same again (the
 * registry may have changed), the fee paid, every required document there, the specimen an image,
 * then the numbers. What follows (the registry, the certificate) is {@link SealResults}.
 */
@Component
class SealRules implements ProcedureRules<SealDossier, SealForm> {

	static final String SPECIMEN = "SPECIMEN";

	private final Organisations organisations;

	private final SealRegistry registry;

	private final ProcedureCatalogue catalogue;

	private final Attachments attachments;

	private final SealResults results;

	private final Clock clock;

	SealRules(Organisations organisations, SealRegistry registry, ProcedureCatalogue catalogue,
			Attachments attachments, SealResults results, Clock clock) {
		this.organisations = organisations;
		this.registry = registry;
		this.catalogue = catalogue;
		this.attachments = attachments;
		this.results = results;
		this.clock = clock;
	}

	@Override
	public String holderOf(SealForm form) {
		return null;
	}

	/** One open dossier of a procedure per organisation (and per special kind, per seal concerned). */
	@Override
	public String openDossierKey(SealDossier dossier) {
		SealForm form = dossier.form();
		String about = switch (dossier.procedure()) {
			case SPECIAL_SEAL -> ":" + form.sealKind();
			case RE_REGISTRATION, CERTIFICATE_EXCHANGE -> ":" + form.sealNumber();
			default -> "";
		};
		return dossier.procedure() + ":" + form.organisationId() + about;
	}

	@Override
	public Mono<String> admit(Intake<SealForm> intake) {
		SealProcedure kind = SealProcedure.of(intake.procedure().code());
		SealForm form = intake.form();
		ApiException invalid = new ApiException(ProblemType.VALIDATION, "validation");
		checkParts(kind, form, invalid);
		if (!invalid.errors().isEmpty()) {
			return Mono.error(invalid);
		}
		return this.organisations.find(form.organisationId()).flatMap((organisation) -> {
			Organisation.Person representative = representative(organisation, intake);
			if (organisation.level() != intake.procedure().agencyLevel()
					|| !organisation.handlingProvince().equals(intake.handlingProvince())) {
				return Mono.error(refused("handlingProvince", "seal.other-unit"));
			}
			return eligible(kind, form, organisation).thenReturn(representative.fullName());
		});
	}

	/**
	 * Who files acts for the organisation that day. Online, a representative's account (role
	 * {@code organisation-representative}) of this organisation: to anyone else the organisation does
	 * not exist (404), so that its id cannot be tested. At the counter or from the national portal, the
	 * person named must act for it (422 saying so).
	 */
	private Organisation.Person representative(Organisation organisation, Intake<SealForm> intake) {
		LocalDate today = intake.today();
		Caller caller = intake.caller();
		boolean ownAccount = intake.channel() == Channel.ONLINE && !caller.hasRole(DossierWorkflow.NATIONAL_PORTAL);
		if (ownAccount) {
			caller.requireAnyRole(Organisation.REPRESENTATIVE);
			return organisation.representative(intake.applicantPersonalId(), today)
				.orElseThrow(() -> ApiException.notFound("organisation"));
		}
		return organisation.representative(intake.applicantPersonalId(), today)
			.orElseThrow(() -> refused("applicantPersonalId", "seal.not-representative"));
	}

	/** The parts of the request each procedure uses: another part is refused rather than ignored. */
	static void checkParts(SealProcedure kind, SealForm form, ApiException invalid) {
		Map<String, Boolean> uses = new LinkedHashMap<>();
		uses.put("sealKind", kind == SealProcedure.SPECIAL_SEAL);
		uses.put("inscription", kind.registersSeal());
		uses.put("sealNumber", kind == SealProcedure.RE_REGISTRATION || kind == SealProcedure.CERTIFICATE_EXCHANGE);
		uses.put("reRegistrationGround", kind == SealProcedure.RE_REGISTRATION);
		uses.put("certificateGround", kind == SealProcedure.CERTIFICATE_EXCHANGE);
		Map<String, Object> given = new LinkedHashMap<>();
		given.put("sealKind", form.sealKind());
		given.put("inscription", form.inscription());
		given.put("sealNumber", form.sealNumber());
		given.put("reRegistrationGround", form.reRegistrationGround());
		given.put("certificateGround", form.certificateGround());
		uses.forEach((part, used) -> {
			if (!used && given.get(part) != null) {
				invalid.withError("form." + part, "seal.part-not-used");
			}
			else if (used && given.get(part) == null) {
				invalid.withError("form." + part, "seal.part-required");
			}
		});
		if (kind == SealProcedure.ADDITIONAL_SEAL && form.reason() == null) {
			invalid.withError("form.reason", "seal.part-required");
		}
		if (kind == SealProcedure.SPECIAL_SEAL && form.sealKind() != null && !form.sealKind().special()) {
			invalid.withError("form.sealKind", "seal.kind-not-special");
		}
	}

	/**
	 * Whether the organisation may have what it asks, as the registry stands: checked at submission
	 * and again at approval.
	 */
	private Mono<Void> eligible(SealProcedure kind, SealForm form, Organisation organisation) {
		return switch (kind) {
			case NEW_SEAL -> noActive(organisation, SealKind.ORDINARY);
			case SPECIAL_SEAL -> organisation.specialSeals().allowed() ? noActive(organisation, form.sealKind())
					: Mono.error(refused("form.sealKind", "seal.special-not-entitled"));
			case ADDITIONAL_SEAL -> this.registry.anyActive(organisation.id(), SealKind.ORDINARY)
				.hasElement()
				.flatMap((has) -> has ? Mono.<Void>empty() : Mono.error(ApiException.conflict("seal.no-main-seal")));
			case RE_REGISTRATION, CERTIFICATE_EXCHANGE -> concerned(organisation, form.sealNumber()).then();
		};
	}

	private Mono<Void> noActive(Organisation organisation, SealKind kind) {
		return this.registry.anyActive(organisation.id(), kind)
			.flatMap((seal) -> Mono.<Void>error(ApiException.conflict("seal.active-seal-exists", seal.number())));
	}

	/** The seal concerned is the organisation's and active; another's is the same answer as none. */
	private Mono<Seal> concerned(Organisation organisation, String sealNumber) {
		return this.registry.find(sealNumber)
			.filter((seal) -> seal.organisationId().equals(organisation.id()))
			.switchIfEmpty(Mono.error(() -> refused("form.sealNumber", "seal.not-of-organisation")))
			.flatMap((seal) -> seal.isActive() ? Mono.just(seal)
					: Mono.error(ApiException.conflict("seal.not-active", seal.number())));
	}

	private static ApiException refused(String field, String code, Object... args) {
		return new ApiException(ProblemType.UNPROCESSABLE, code, args).withError(field, code, args);
	}

	@Override
	public SealDossier create(Dossier.Header header, Intake<SealForm> intake) {
		return new SealDossier(header, SealProcedure.of(header.procedureCode()), intake.form());
	}

	/**
	 * Approval: still eligible, the fee paid where the catalogue has one, every required document
	 * there (an online one signed, as checked when it was uploaded), the latest specimen an image;
	 * then the seal's number (a new seal) and the certificate's, taken last so that a refusal spends none.
	 */
	@Override
	public Mono<Transition<SealDossier>> approval(SealDossier dossier, Caller officer) {
		SealForm form = dossier.form();
		Procedure procedure = this.catalogue.require(dossier.procedureCode());
		LocalDate today = VietnamTime.today(this.clock);
		String unit = dossier.handlingUnit().code();
		return this.organisations.find(form.organisationId())
			.flatMap((organisation) -> eligible(dossier.procedure(), form, organisation).then(requireFee(dossier, procedure))
				.then(this.attachments.list(dossier.code()).collectList())
				.flatMap((files) -> {
					requireDocuments(procedure, files);
					String specimen = dossier.procedure().registersSeal() ? specimen(files) : null;
					return (specimen == null) ? Mono.just(files)
							: this.attachments.read(dossier, specimen)
								.publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
								.doOnNext((file) -> requirePrintable(file.content()))
								.thenReturn(files);
				})
				.flatMap((files) -> {
					String specimen = dossier.procedure().registersSeal() ? specimen(files) : null;
					Mono<String> sealNumber = dossier.procedure().registersSeal()
							? this.registry.nextSealNumber(unit, today) : Mono.just(form.sealNumber());
					String summary = this.results.summary(dossier);
					return sealNumber.zipWith(this.registry.nextCertificateNumber(unit, today))
						.map((numbers) -> (Transition<SealDossier>) (fresh) -> fresh.approve(officer, numbers.getT1(),
								numbers.getT2(), specimen, organisation.name(), summary, this.clock.instant()));
				}));
	}

	private static Mono<Void> requireFee(SealDossier dossier, Procedure procedure) {
		long due = procedure.totalFeeOn(VietnamTime.dayOf(dossier.receivedAt()), dossier.channel());
		boolean paid = dossier.fee() != null && dossier.fee().paidAt() != null;
		return (due > 0 && !paid) ? Mono.error(ApiException.conflict("seal.fee-unpaid", due)) : Mono.empty();
	}

	private static void requireDocuments(Procedure procedure, List<Attachment> files) {
		for (RequiredDocument document : procedure.documents()) {
			if (document.required() && files.stream().noneMatch((file) -> file.kind().equals(document.code()))) {
				throw ApiException.conflict("seal.document-missing", document.code());
			}
		}
	}

	/** The latest specimen uploaded, which must be a PNG or JPEG (its bytes say so). */
	private static String specimen(List<Attachment> files) {
		Attachment latest = files.stream()
			.filter((file) -> file.kind().equals(SPECIMEN))
			.max(Comparator.comparing(Attachment::uploadedAt))
			.orElseThrow(() -> ApiException.conflict("seal.document-missing", SPECIMEN));
		if (!latest.mediaType().startsWith("image/")) {
			throw ApiException.conflict("seal.specimen-not-image");
		}
		return latest.id();
	}

	/** A dossier not accepted or stopped is answered in writing with the officer's reasons. */
	@Override
	public RefusalNotice refusalNotice() {
		return new RefusalNotice(SealResults.REFUSAL, "THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ ĐĂNG KÝ MẪU CON DẤU");
	}

	/**
	 * The specimen prints on the certificate: at most 1 MB and {@value AdministrativeDocument.Figure#MAX_SIDE}
	 * pixels a side, read from its header (a small file claiming a huge picture is refused before
	 * anything decodes it).
	 */
	private static void requirePrintable(byte[] image) {
		java.awt.Dimension size = AdministrativeDocument.Figure.dimensions(image);
		if (image.length > 1024 * 1024 || size == null || size.width > AdministrativeDocument.Figure.MAX_SIDE
				|| size.height > AdministrativeDocument.Figure.MAX_SIDE) {
			throw ApiException.conflict("seal.specimen-unprintable", AdministrativeDocument.Figure.MAX_SIDE);
		}
	}

	@Override
	public Mono<?> followUp(String eventType, SealDossier dossier) {
		return this.results.followUp(eventType, dossier);
	}

	@Override
	public boolean followsUp(String eventType, String procedureCode) {
		return this.results.followsUp(eventType);
	}

	@Override
	public Details details(SealDossier dossier) {
		return new Details(dossier.procedure(), dossier.form(), dossier.organisationName(), dossier.sealNumber(),
				dossier.certificateNumber());
	}

	record Details(SealProcedure procedure, SealForm form, String organisationName, String sealNumber,
			String certificateNumber) {
	}

}
