package vn.gov.bca.passport.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.passport.passport.PassportBook;
import vn.gov.bca.passport.restriction.ExitBans;
import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierCodes;
import vn.gov.bca.platform.dossier.attachment.Attachment;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.dossier.calendar.WorkingDays;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.web.client.ServiceClient;
import vn.gov.bca.platform.web.client.ServiceClients;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.IllegalTransitionException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;

/**
 * Passport dossiers from submission to the result. Submission is refused unless the population
 * registry confirms the holder's identity (and, for a child, the parent's relation) — if the
 * registry cannot be asked, the answer is 503, never a dossier accepted unverified — and unless
 * the holder may have a passport: none still usable (409) and no exit ban (409).
 */
@Service
public class PassportApplicationService {

	static final String COLLECTION = "passport_dossiers";

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final String PURPOSE = "passport application";

	/** The national public-service portal's role: it submits on behalf of citizens it has identified. */
	static final String NATIONAL_PORTAL = "national-portal";



	private final AggregateStore<PassportApplication> dossiers;

	private final DossierCodes codes;

	private final ProcedureCatalogue catalogue;

	private final WorkingDays workingDays;

	private final PassportBook passports;

	private final ExitBans exitBans;

	private final ServiceClients clients;

	private final ReactiveMongoTemplate mongo;

	private final Attachments attachments;

	PassportApplicationService(AggregateStores stores, DossierCodes codes, ProcedureCatalogue catalogue,
			WorkingDays workingDays, PassportBook passports, ExitBans exitBans, ServiceClients clients,
			ReactiveMongoTemplate mongo, Attachments attachments) {
		this.dossiers = stores.forCollection(PassportApplication.class, COLLECTION);
		this.codes = codes;
		this.catalogue = catalogue;
		this.workingDays = workingDays;
		this.passports = passports;
		this.exitBans = exitBans;
		this.clients = clients;
		this.mongo = mongo;
		this.attachments = attachments;
	}

	/** What a submission carries besides the form; the applicant is the caller unless an officer or the portal files. */
	public record Submission(PassportProcedure procedure, String handlingProvince, PassportForm form,
			String applicantPersonalId, String applicantFullName, String applicantBirthDate, String phone,
			String email) {
	}

	public Mono<PassportApplication> submit(Submission submission, Caller caller) {
		Instant now = Instant.now();
		LocalDate today = now.atZone(VIETNAM).toLocalDate();
		Procedure procedure = this.catalogue.require(submission.procedure().catalogueCode());
		Channel channel = channelOf(caller, submission, procedure.identityLevel());
		String applicantId = (channel == Channel.ONLINE && !caller.hasRole(NATIONAL_PORTAL)) ? caller.personalId()
				: submission.applicantPersonalId();
		if (applicantId == null) {
			return Mono.error(new ApiException(ProblemType.VALIDATION, "validation").withError("applicantPersonalId",
					"applicant.required"));
		}
		Dossier.HandlingUnit unit = HandlingUnits.of(submission.handlingProvince());
		if (channel == Channel.COUNTER) {
			caller.requireOfficerOf(unit.province());
		}
		PassportForm form = submission.form();
		checkAge(submission.procedure(), form, applicantId, today);
		String applicantName = (submission.procedure() == PassportProcedure.CHILD_UNDER_14)
				? submission.applicantFullName() : form.holderFullName();
		Dossier.Applicant applicant = new Dossier.Applicant(applicantId, applicantName, 1, submission.phone(),
				submission.email());
		Dossier.Submitter submitter = new Dossier.Submitter(caller.subject(), caller.clientId(), caller.agency());
		return verifyIdentity(submission, applicantId)
			.then(checkEligibility(submission.procedure(), form, today))
			.then(this.codes.next(unit.code(), today))
			.flatMap((code) -> this.passports.claimOpenDossier(form.holderPersonalId(), code).flatMap((claimed) -> {
				if (!claimed) {
					return Mono.error(ApiException.conflict("passport.dossier-open"));
				}
				PassportApplication.Submission created = PassportApplication.submit(code, procedure.code(),
						submission.procedure(), channel, applicant, submitter, unit, now,
						procedure.deadlineFrom(this.workingDays, today), form);
				return this.dossiers.insert(created.application(), List.of(created.event()))
					.onErrorResume((failure) -> this.passports.releaseOpenDossier(form.holderPersonalId(), code)
						.then(Mono.error(failure)));
			}));
	}

	/** Online, a citizen needs the identity level the procedure asks for (the portal vouches for its users). */
	private static Channel channelOf(Caller caller, Submission submission, int identityLevel) {
		if (caller.hasRole(NATIONAL_PORTAL)) {
			return Channel.ONLINE;
		}
		if (caller.isService()) {
			throw ApiException.forbidden("forbidden");
		}
		if (caller.isOfficer() && submission.applicantPersonalId() != null) {
			return Channel.COUNTER;
		}
		caller.requireAnyRole(Caller.CITIZEN);
		caller.requireIdentityLevel(identityLevel);
		return Channel.ONLINE;
	}

	/** TK01 for 14 and over, filed by the holder; TK01a for a child under 14, filed by a parent. */
	private static void checkAge(PassportProcedure procedure, PassportForm form, String applicantId, LocalDate today) {
		LocalDate born;
		try {
			born = LocalDate.parse(form.holderBirthDate());
		}
		catch (RuntimeException ex) {
			throw new ApiException(ProblemType.VALIDATION, "validation").withError("form.holderBirthDate",
					"birth-date.invalid");
		}
		int age = Period.between(born, today).getYears();
		boolean child = procedure == PassportProcedure.CHILD_UNDER_14;
		if (child && age >= 14) {
			throw ApiException.unprocessable("passport.child-is-14-or-more");
		}
		if (!child && age < 14) {
			throw ApiException.unprocessable("passport.under-14-needs-tk01a");
		}
		if (child == applicantId.equals(form.holderPersonalId())) {
			throw ApiException.unprocessable(child ? "passport.child-filed-by-parent" : "passport.holder-files-own");
		}
	}

	/** The registry must confirm the holder (and, for a child, that the applicant is a parent). */
	private Mono<Void> verifyIdentity(Submission submission, String applicantId) {
		ServiceClient identity = this.clients.get("identity-service");
		PassportForm form = submission.form();
		Mono<Boolean> holder = identity
			.post("/api/identity/registry/verifications",
					Map.of("personalId", form.holderPersonalId(), "fullName", form.holderFullName(), "birthDate",
							form.holderBirthDate()),
					Map.class, (headers) -> headers.set("X-Purpose", PURPOSE))
			.map((answer) -> Boolean.TRUE.equals(answer.get("match")));
		Mono<Boolean> parent = (submission.procedure() != PassportProcedure.CHILD_UNDER_14) ? Mono.just(true)
				: identity
					.post("/api/identity/registry/relations",
							Map.of("personalId", form.holderPersonalId(), "relativePersonalId", applicantId, "relation",
									"PARENT"),
							Map.class, (headers) -> headers.set("X-Purpose", PURPOSE + " TK01a: parent of the child"))
					.map((answer) -> Boolean.TRUE.equals(answer.get("match")));
		return holder.zipWith(parent).flatMap((both) -> {
			if (!both.getT1()) {
				return Mono.error(ApiException.unprocessable("passport.identity-not-confirmed"));
			}
			if (!both.getT2()) {
				return Mono.error(ApiException.unprocessable("passport.parent-not-confirmed"));
			}
			return Mono.empty();
		});
	}

	private Mono<Void> checkEligibility(PassportProcedure procedure, PassportForm form, LocalDate today) {
		Mono<Void> banned = this.exitBans.isBanned(form.holderPersonalId(), today)
			.flatMap((isBanned) -> isBanned ? Mono.error(ApiException.conflict("passport.exit-ban")) : Mono.empty());
		Mono<Void> holdsOne = this.passports.usable(form.holderPersonalId(), today)
			.filter((held) -> procedure != PassportProcedure.REISSUE_LOST_OR_DAMAGED
					|| !held.number().equals(form.previousPassportNumber()))
			.hasElements()
			.flatMap((holds) -> holds ? Mono.error(ApiException.conflict("passport.already-held")) : Mono.empty());
		Mono<Void> lost = (procedure == PassportProcedure.REISSUE_LOST_OR_DAMAGED
				&& form.previousPassportNumber() != null)
						? this.passports.reportLost(form.holderPersonalId(), form.previousPassportNumber()).then()
						: Mono.empty();
		return banned.then(holdsOne).then(lost);
	}

	/** A file of the dossier, uploaded by its applicant or an officer of its unit. */
	public Mono<Attachment> attach(String code, String kind, String filename, byte[] content, Caller caller) {
		return find(code, caller).flatMap((dossier) -> {
			if (dossier.status().isFinal()) {
				return Mono.error(new IllegalTransitionException(dossier.status(), "attach"));
			}
			return this.attachments.store(dossier, kind, filename, content, caller);
		});
	}

	public Flux<Attachment> attachments(String code, Caller caller) {
		return find(code, caller).flatMapMany((dossier) -> this.attachments.list(dossier.code()));
	}

	public Mono<Attachments.Download> download(String code, String attachmentId, Caller caller) {
		return find(code, caller).flatMap((dossier) -> this.attachments.download(dossier, attachmentId, caller));
	}

	/** A dossier as its applicant (404 for anyone else) or an officer of its province (403 otherwise) sees it. */
	public Mono<PassportApplication> find(String code, Caller caller) {
		return this.dossiers.findById(code)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("dossier")))
			.doOnNext((dossier) -> Attachments.requireAccess(dossier, caller));
	}

	public Mono<PassportApplication> accept(String code, Caller officer, String note) {
		return change(code, (dossier) -> List.of(dossier.accept(officer, note, Instant.now())));
	}

	public Mono<PassportApplication> notAccept(String code, Caller officer, String reason) {
		return change(code, (dossier) -> List.of(dossier.notAccept(officer, reason, Instant.now())));
	}

	public Mono<PassportApplication> claim(String code, Caller officer) {
		return change(code, (dossier) -> {
			dossier.claim(officer, Instant.now());
			return List.of();
		});
	}

	public Mono<PassportApplication> requestSupplement(String code, Caller officer, List<String> missing) {
		return change(code,
				(dossier) -> List.of(dossier.requestSupplement(officer, missing, this.workingDays, Instant.now())));
	}

	/** The clock restarts with the working days that were left: at least one. */
	public Mono<PassportApplication> supplemented(String code, Caller applicant) {
		return change(code, (dossier) -> List.of(dossier.supplemented(applicant, this.workingDays, Instant.now())));
	}

	public Mono<PassportApplication> withdraw(String code, Caller applicant, String reason) {
		return change(code, (dossier) -> List.of(dossier.withdraw(applicant, reason, Instant.now())));
	}

	public Mono<PassportApplication> stop(String code, Caller officer, String reason) {
		return change(code, (dossier) -> List.of(dossier.stop(officer, reason, Instant.now())));
	}

	/**
	 * Asks for the fee the catalogue sets for the day received and the channel, through a fee order
	 * in fine-payment-service; processing goes on when its payment succeeds.
	 */
	public Mono<PassportApplication> requestPayment(String code, Caller officer) {
		return this.dossiers.findById(code).switchIfEmpty(Mono.error(() -> ApiException.notFound("dossier"))).flatMap((dossier) -> {
			Procedure procedure = this.catalogue.require(dossier.procedureCode());
			long amount = procedure.totalFeeOn(dossier.receivedAt().atZone(VIETNAM).toLocalDate(), dossier.channel());
			// Refused here, before asking for money, if the officer may not act or the status is wrong.
			dossier.requestPayment(officer, "pending", amount, Instant.now());
			return this.clients.get("fine-payment-service")
				.post("/api/payment/fee-orders",
						Map.of("referenceId", code, "amount", amount, "payerPersonalId", dossier.applicant().personalId(),
								"description", procedure.nameVi() + " - hồ sơ " + code),
						Map.class, (headers) -> headers.set("Idempotency-Key", "fee-" + code + "-" + dossier.version()))
				.flatMap((order) -> change(code,
						(fresh) -> List.of(fresh.requestPayment(officer, (String) order.get("id"), amount, Instant.now()))));
		});
	}

	/** From fine-payment-service's PaymentSucceeded of a fee order: idempotent. */
	public Mono<PassportApplication> paymentReceived(String code, String orderId, String receiptNumber,
			Instant paidAt) {
		return change(code, (dossier) -> dossier.paymentReceived(orderId, receiptNumber, paidAt)
			.<List<DomainEvent>>map(List::of)
			.orElse(List.of()));
	}

	/**
	 * Approval: the holder still has no exit ban, a unique passport number is issued and entered in
	 * the holder's passport book, the dossier is processed.
	 */
	public Mono<PassportApplication> approve(String code, Caller officer) {
		return this.dossiers.findById(code)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("dossier")))
			.flatMap((dossier) -> this.exitBans
				.isBanned(dossier.form().holderPersonalId(), LocalDate.now(VIETNAM))
				.flatMap((banned) -> banned ? Mono.error(ApiException.conflict("passport.exit-ban"))
						: this.passports.nextNumber())
				.flatMap((number) -> change(code, (fresh) -> fresh.approve(officer, number, Instant.now(), VIETNAM))))
			.flatMap((approved) -> this.passports
				.record(approved.form().holderPersonalId(),
						new PassportBook.Entry(approved.passport().number(), approved.passport().issuedOn(),
								approved.passport().expiresOn(), approved.passport().chip(), approved.code(), false))
				.thenReturn(approved));
	}

	public Mono<PassportApplication> returnResult(String code, Caller officer, Dossier.ReturnMethod method) {
		return change(code, (dossier) -> List.of(dossier.returnResult(officer, method, Instant.now())));
	}

	/** The applicant's own dossiers, newest first. */
	public Flux<PassportApplication> ofApplicant(String personalId) {
		return this.mongo.find(Query.query(Criteria.where("applicant.personalId").is(personalId))
			.with(Sort.by(Sort.Direction.DESC, "receivedAt"))
			.limit(100), PassportApplication.class, COLLECTION);
	}

	/**
	 * Applies a transition to the stored dossier with its version: of two officers acting at once,
	 * one wins and the other gets 409.
	 */
	private Mono<PassportApplication> change(String code,
			Function<PassportApplication, List<? extends DomainEvent>> transition) {
		return this.dossiers.findById(code)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("dossier")))
			.flatMap((dossier) -> {
				long version = dossier.version();
				List<? extends DomainEvent> events = transition.apply(dossier);
				return this.dossiers.update(dossier, version, events)
					.flatMap((saved) -> saved.status().isFinal()
							? this.passports.releaseOpenDossier(saved.form().holderPersonalId(), saved.code())
								.thenReturn(saved)
							: Mono.just(saved));
			});
	}

}
