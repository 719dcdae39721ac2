package vn.gov.bca.passport.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import vn.gov.bca.platform.dossier.DossierAccess;
import vn.gov.bca.platform.dossier.DossierCodes;
import vn.gov.bca.platform.dossier.HandlingUnits;
import vn.gov.bca.platform.dossier.attachment.Attachment;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.dossier.calendar.HolidayCalendars;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.web.client.ServiceClient;
import vn.gov.bca.platform.web.client.ServiceClients;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.IllegalTransitionException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Passport dossiers from submission to the result. Submission is refused unless the population
 * registry confirms the holder's identity (and, for a child, the parent's relation) — if the
 * registry cannot be asked, the answer is 503, never a dossier accepted unverified — and unless
 * the holder may have a passport: none still usable (409; for a renewal, none usable beyond the
 * catalogue's window) and no exit ban (409). Every "now" comes from the injected clock and every
 * "today" is Vietnam's day of it.
 */
@Service
public class PassportApplicationService {

	static final String COLLECTION = "passport_dossiers";

	private static final Logger log = LoggerFactory.getLogger(PassportApplicationService.class);

	private static final String PURPOSE = "passport application";

	/** The national public-service portal's role: it submits on behalf of citizens it has identified. */
	static final String NATIONAL_PORTAL = "national-portal";

	/** The catalogue parameter of the renewal procedure: months before expiry a new passport may be asked for. */
	static final String RENEWAL_WINDOW = "renewalWindowMonths";

	private final AggregateStore<PassportApplication> dossiers;

	private final DossierCodes codes;

	private final ProcedureCatalogue catalogue;

	private final HolidayCalendars calendars;

	private final HandlingUnits units;

	private final PassportBook passports;

	private final ExitBans exitBans;

	private final ServiceClients clients;

	private final ReactiveMongoTemplate mongo;

	private final Attachments attachments;

	private final Clock clock;

	PassportApplicationService(AggregateStores stores, DossierCodes codes, ProcedureCatalogue catalogue,
			HolidayCalendars calendars, HandlingUnits units, PassportBook passports, ExitBans exitBans,
			ServiceClients clients, ReactiveMongoTemplate mongo, Attachments attachments, Clock clock) {
		this.dossiers = stores.forCollection(PassportApplication.class, COLLECTION);
		this.codes = codes;
		this.catalogue = catalogue;
		this.calendars = calendars;
		this.units = units;
		this.passports = passports;
		this.exitBans = exitBans;
		this.clients = clients;
		this.mongo = mongo;
		this.attachments = attachments;
		this.clock = clock;
	}

	/** What a submission carries besides the form; the applicant is the caller unless an officer or the portal files. */
	public record Submission(PassportProcedure procedure, String handlingProvince, PassportForm form,
			String applicantPersonalId, String applicantFullName, String applicantBirthDate, String phone,
			String email) {
	}

	/** Vietnam's day now. */
	LocalDate today() {
		return VietnamTime.today(this.clock);
	}

	public Mono<PassportApplication> submit(Submission submission, Caller caller) {
		Instant now = this.clock.instant();
		LocalDate today = VietnamTime.dayOf(now);
		Procedure procedure = this.catalogue.require(submission.procedure().catalogueCode());
		Channel channel = channelOf(caller, submission, procedure.identityLevel());
		String applicantId = (channel == Channel.ONLINE && !caller.hasRole(NATIONAL_PORTAL)) ? caller.personalId()
				: submission.applicantPersonalId();
		if (applicantId == null) {
			return Mono.error(new ApiException(ProblemType.VALIDATION, "validation").withError("applicantPersonalId",
					"applicant.required"));
		}
		Dossier.HandlingUnit unit = this.units.of(submission.handlingProvince());
		PassportForm form = submission.form();
		if (channel == Channel.COUNTER) {
			caller.requireOfficerOf(unit.province());
			// Receiving is handling: an officer does not receive their own or their child's dossier.
			if (caller.owns(applicantId) || caller.owns(form.holderPersonalId())) {
				throw ApiException.forbidden("dossier.own-dossier");
			}
		}
		boolean child = checkAge(submission.procedure(), form, applicantId, today);
		String applicantName = child ? submission.applicantFullName() : form.holderFullName();
		Dossier.Applicant applicant = new Dossier.Applicant(applicantId, applicantName, 1, submission.phone(),
				submission.email());
		Dossier.Submitter submitter = new Dossier.Submitter(caller.subject(), caller.clientId(), caller.agency());
		return verifyIdentity(form, applicantId, child)
			.then(checkEligibility(submission.procedure(), procedure, form, today))
			.then(this.codes.next(unit.code(), now))
			.flatMap((code) -> this.passports.claimOpenDossier(form.holderPersonalId(), code).flatMap((claimed) -> {
				if (!claimed) {
					return Mono.error(ApiException.conflict("passport.dossier-open"));
				}
				// Counted on the calendar in use now; the date is then the dossier's, whatever a reload brings.
				PassportApplication.Submission created = PassportApplication.submit(code, procedure.code(),
						submission.procedure(), channel, applicant, submitter, unit, now,
						procedure.deadlineFrom(this.calendars.workingDays(), today), form);
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

	/**
	 * Who files, by the holder's age on the day of submission: TK01 by the holder from 14, TK01a by a
	 * parent under 14 (Law 49/2019 Art. 15(2)(d): the at-law representative of an under-14 person).
	 * A first issue is for 14 and over, the child procedure for under 14; a re-issue (lost or damaged)
	 * and a renewal are for either, filed by the parent for a child. A birth date the registry has
	 * only as a year or month must leave no doubt about the side of 14 it falls on.
	 *
	 * @return whether the holder is a child (the applicant is a parent)
	 */
	private static boolean checkAge(PassportProcedure procedure, PassportForm form, String applicantId,
			LocalDate today) {
		BirthDate born;
		try {
			born = BirthDate.parse(form.holderBirthDate());
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(ProblemType.VALIDATION, "validation").withError("form.holderBirthDate",
					"birth-date.invalid");
		}
		if (born.isAfter(today)) {
			throw new ApiException(ProblemType.VALIDATION, "validation").withError("form.holderBirthDate",
					"birth-date.invalid");
		}
		boolean adult = born.isSurelyAtLeast(14, today);
		boolean child = born.isSurelyUnder(14, today);
		if (procedure == PassportProcedure.CHILD_UNDER_14 && !child) {
			throw ApiException.unprocessable(adult ? "passport.child-is-14-or-more" : "passport.age-undetermined");
		}
		if (procedure == PassportProcedure.FIRST_ISSUE && !adult) {
			throw ApiException.unprocessable(child ? "passport.under-14-needs-tk01a" : "passport.age-undetermined");
		}
		if (!adult && !child) {
			throw ApiException.unprocessable("passport.age-undetermined");
		}
		if (child == applicantId.equals(form.holderPersonalId())) {
			throw ApiException.unprocessable(child ? "passport.child-filed-by-parent" : "passport.holder-files-own");
		}
		return child;
	}

	/**
	 * The registry must confirm the holder (and, for a child, that the applicant is a parent). The
	 * birth date goes as the form has it: a year, a month or a day, as the registry holds it.
	 */
	private Mono<Void> verifyIdentity(PassportForm form, String applicantId, boolean child) {
		ServiceClient identity = this.clients.get("identity-service");
		Mono<Boolean> holder = identity
			.post("/api/identity/registry/verifications",
					Map.of("personalId", form.holderPersonalId(), "fullName", form.holderFullName(), "birthDate",
							form.holderBirthDate()),
					Map.class, (headers) -> headers.set("X-Purpose", PURPOSE))
			.map((answer) -> Boolean.TRUE.equals(answer.get("match")));
		Mono<Boolean> parent = !child ? Mono.just(true)
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

	private Mono<Void> checkEligibility(PassportProcedure kind, Procedure procedure, PassportForm form,
			LocalDate today) {
		Mono<Void> banned = this.exitBans.isBanned(form.holderPersonalId(), today)
			.flatMap((isBanned) -> isBanned ? Mono.error(ApiException.conflict("passport.exit-ban")) : Mono.empty());
		// A renewal may be asked while the passport is still valid, within the catalogue's window of its expiry.
		LocalDate renewableUntil = (kind == PassportProcedure.RENEWAL)
				? today.plusMonths(procedure.intParameter(RENEWAL_WINDOW)) : null;
		Mono<Void> holdsOne = this.passports.usable(form.holderPersonalId(), today)
			.filter((held) -> kind != PassportProcedure.REISSUE_LOST_OR_DAMAGED
					|| !held.number().equals(form.previousPassportNumber()))
			.filter((held) -> renewableUntil == null || held.expiresOn().isAfter(renewableUntil))
			.next()
			.flatMap((held) -> Mono.error((renewableUntil != null)
					? ApiException.conflict("passport.renewal-too-early", held.expiresOn(),
							procedure.intParameter(RENEWAL_WINDOW))
					: ApiException.conflict("passport.already-held")));
		Mono<Void> lost = (kind == PassportProcedure.REISSUE_LOST_OR_DAMAGED && form.previousPassportNumber() != null)
				? this.passports.reportLost(form.holderPersonalId(), form.previousPassportNumber()).then()
				: Mono.empty();
		return banned.then(holdsOne).then(lost);
	}

	/**
	 * A file of the dossier, uploaded by its applicant or an officer of its unit; its kind is one of
	 * the procedure's documents or OTHER.
	 */
	public Mono<Attachment> attach(String code, String kind, String filename, byte[] content, Caller caller) {
		return find(code, caller).flatMap((dossier) -> {
			if (dossier.status().isFinal()) {
				return Mono.error(new IllegalTransitionException(dossier.status(), "attach"));
			}
			return this.attachments.store(dossier, this.catalogue.require(dossier.procedureCode()), kind, filename,
					content, caller);
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
			.doOnNext((dossier) -> DossierAccess.requireVisible(dossier, caller));
	}

	public Mono<PassportApplication> accept(String code, Caller officer, String note) {
		return change(code, (dossier) -> List.of(dossier.accept(officer, note, this.clock.instant())));
	}

	public Mono<PassportApplication> notAccept(String code, Caller officer, String reason) {
		return change(code, (dossier) -> List.of(dossier.notAccept(officer, reason, this.clock.instant())));
	}

	public Mono<PassportApplication> claim(String code, Caller officer) {
		return change(code, (dossier) -> {
			dossier.claim(officer, this.clock.instant());
			return List.of();
		});
	}

	public Mono<PassportApplication> requestSupplement(String code, Caller officer, List<String> missing) {
		return change(code, (dossier) -> List.of(dossier.requestSupplement(officer, missing,
				this.calendars.workingDays(), this.clock.instant())));
	}

	/** The clock restarts with the working days that were left: at least one. */
	public Mono<PassportApplication> supplemented(String code, Caller applicant) {
		return change(code, (dossier) -> List
			.of(dossier.supplemented(applicant, this.calendars.workingDays(), this.clock.instant())));
	}

	public Mono<PassportApplication> withdraw(String code, Caller applicant, String reason) {
		return change(code, (dossier) -> List.of(dossier.withdraw(applicant, reason, this.clock.instant())));
	}

	public Mono<PassportApplication> stop(String code, Caller officer, String reason) {
		return change(code, (dossier) -> List.of(dossier.stop(officer, reason, this.clock.instant())));
	}

	/**
	 * Asks for the fee the catalogue sets for the day received and the channel, through a fee order
	 * in fine-payment-service; processing goes on when its payment succeeds.
	 */
	public Mono<PassportApplication> requestPayment(String code, Caller officer) {
		return this.dossiers.findById(code).switchIfEmpty(Mono.error(() -> ApiException.notFound("dossier"))).flatMap((dossier) -> {
			Procedure procedure = this.catalogue.require(dossier.procedureCode());
			long amount = procedure.totalFeeOn(VietnamTime.dayOf(dossier.receivedAt()), dossier.channel());
			// Refused here, before asking for money, if the officer may not act or the status is wrong.
			dossier.requestPayment(officer, "pending", amount, this.clock.instant());
			return this.clients.get("fine-payment-service")
				.post("/api/payment/fee-orders",
						Map.of("referenceId", code, "amount", amount, "payerPersonalId", dossier.applicant().personalId(),
								"description", procedure.nameVi() + " - hồ sơ " + code),
						Map.class, (headers) -> headers.set("Idempotency-Key", "fee-" + code + "-" + dossier.version()))
				.flatMap((order) -> change(code, (fresh) -> List
					.of(fresh.requestPayment(officer, (String) order.get("id"), amount, this.clock.instant()))));
		});
	}

	/** What a {@code PaymentSucceeded} of a fee order claims, to be checked against the dossier. */
	record FeePayment(String eventId, String dossierCode, String paymentOrderId, long amount, String receiptNumber,
			Instant paidAt) {
	}

	/**
	 * From fine-payment-service's PaymentSucceeded of a fee order: applied only if what it claims
	 * is what this service asked for — the dossier exists, its fee order has that id, the amount is
	 * the fee requested. Anyone who can write to the topic could otherwise pay a fee with 1 VND or
	 * with an order that does not exist. Anything else is logged and not applied. Idempotent.
	 *
	 * @return whether the payment was applied
	 */
	public Mono<Boolean> feePaid(FeePayment payment) {
		if (payment.dossierCode() == null || payment.paymentOrderId() == null || payment.receiptNumber() == null
				|| payment.paidAt() == null) {
			log.warn("PaymentSucceeded {} not applied: incomplete (dossier {}, order {})", payment.eventId(),
					payment.dossierCode(), payment.paymentOrderId());
			return Mono.just(false);
		}
		return this.dossiers.findById(payment.dossierCode()).flatMap((dossier) -> {
			Dossier.Fee fee = dossier.fee();
			if (fee == null || !payment.paymentOrderId().equals(fee.paymentOrderId())) {
				log.warn("PaymentSucceeded {} not applied: dossier {} has no fee order {}", payment.eventId(),
						payment.dossierCode(), payment.paymentOrderId());
				return Mono.just(false);
			}
			if (fee.amount() != payment.amount()) {
				log.warn("PaymentSucceeded {} not applied: order {} of dossier {} claims {} VND, the fee requested is {}",
						payment.eventId(), payment.paymentOrderId(), payment.dossierCode(), payment.amount(),
						fee.amount());
				return Mono.just(false);
			}
			return change(payment.dossierCode(),
					(fresh) -> fresh.paymentReceived(payment.paymentOrderId(), payment.receiptNumber(), payment.paidAt())
						.<List<DomainEvent>>map(List::of)
						.orElse(List.of()))
				.thenReturn(true);
		}).switchIfEmpty(Mono.fromSupplier(() -> {
			// A fee of another service's dossier is normal on this topic; a forged one is not applied either way.
			log.info("PaymentSucceeded {} not applied: {} is not a passport dossier", payment.eventId(),
					payment.dossierCode());
			return false;
		}));
	}

	/**
	 * Approval: the holder still has no exit ban on that day, a unique passport number is issued and
	 * entered in the holder's passport book, the dossier is processed. The officer's right is checked
	 * first, so that nothing (not even a passport number) is spent for someone who may not act.
	 */
	public Mono<PassportApplication> approve(String code, Caller officer) {
		return this.dossiers.findById(code)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("dossier")))
			.doOnNext((dossier) -> DossierAccess.requireHandler(dossier, officer))
			.flatMap((dossier) -> this.exitBans.isBanned(dossier.form().holderPersonalId(), today())
				.flatMap((banned) -> banned ? Mono.error(ApiException.conflict("passport.exit-ban"))
						: this.passports.nextNumber())
				.flatMap((number) -> change(code, (fresh) -> fresh.approve(officer, number, this.clock.instant()))))
			.flatMap((approved) -> this.passports
				.record(approved.form().holderPersonalId(),
						new PassportBook.Entry(approved.passport().number(), approved.passport().issuedOn(),
								approved.passport().expiresOn(), approved.passport().chip(), approved.code(), false))
				.thenReturn(approved));
	}

	public Mono<PassportApplication> returnResult(String code, Caller officer, Dossier.ReturnMethod method) {
		return change(code, (dossier) -> List.of(dossier.returnResult(officer, method, this.clock.instant())));
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
