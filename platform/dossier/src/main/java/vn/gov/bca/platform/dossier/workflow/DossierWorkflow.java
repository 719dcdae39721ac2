package vn.gov.bca.platform.dossier.workflow;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import vn.gov.bca.platform.data.claim.Claims;
import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.Transition;
import vn.gov.bca.platform.document.signature.SignatureCheck;
import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierAccess;
import vn.gov.bca.platform.dossier.DossierCodes;
import vn.gov.bca.platform.dossier.DossierQueries;
import vn.gov.bca.platform.dossier.HandlingUnits;
import vn.gov.bca.platform.dossier.attachment.Attachment;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.dossier.calendar.HolidayCalendars;
import vn.gov.bca.platform.dossier.catalogue.FeeDue;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.dossier.catalogue.RequiredDocument;
import vn.gov.bca.platform.dossier.fee.FeeOrders;
import vn.gov.bca.platform.dossier.fee.PaymentSucceeded;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.IllegalTransitionException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The dossier workflow of one procedure service, configured by its {@link ProcedureRules}: submission
 * (channel, identity level, the counter officer's segregation of duties, the procedure's checks, the
 * code, the one-open-dossier claim, the appointment), finding with access ({@link DossierAccess}),
 * every generic transition with its optimistic lock, attachments, the fee through a fee order and its
 * payment, the applicant's list, the officers' queue and statistics. Every "now" is the injected
 * clock's, every "today" Vietnam's day of it.
 */
public class DossierWorkflow<D extends Dossier, F> {

	/** The national public-service portal's role: it submits on behalf of citizens it has identified. */
	public static final String NATIONAL_PORTAL = "national-portal";

	private static final Logger log = LoggerFactory.getLogger(DossierWorkflow.class);

	private final ProcedureRules<D, F> rules;

	private final AggregateStore<D> dossiers;

	private final Claims openDossiers;

	private final Parts parts;

	private final Clock clock;

	/**
	 * The shared mechanisms the workflow uses, as beans of the platform; {@code signers} checks the
	 * signed PDFs of online applicants against the trust list of signers.
	 */
	public record Parts(String path, ProcedureCatalogue catalogue, HandlingUnits units, HolidayCalendars calendars,
			DossierCodes codes, Attachments attachments, DossierQueries queries, FeeOrders feeOrders,
			ReactiveMongoTemplate mongo, SignatureCheck signers) {
	}

	public DossierWorkflow(ProcedureRules<D, F> rules, AggregateStore<D> dossiers, Claims openDossiers, Parts parts,
			Clock clock) {
		this.rules = rules;
		this.dossiers = dossiers;
		this.openDossiers = openDossiers;
		this.parts = parts;
		this.clock = clock;
	}

	/** The dossiers' collection, for a service's own queries of its dossiers. */
	public String collection() {
		return this.dossiers.collection();
	}

	Parts parts() {
		return this.parts;
	}

	/** Vietnam's day now. */
	public LocalDate today() {
		return VietnamTime.today(this.clock);
	}

	public DossierView view(D dossier) {
		return DossierView.of(dossier, this.rules.details(dossier), today());
	}

	/** 201 with the new dossier's view and its address. */
	public ResponseEntity<DossierView> created(D dossier) {
		return ResponseEntity.created(URI.create(this.parts.path() + "/dossiers/" + dossier.code())).body(view(dossier));
	}

	/**
	 * A new dossier: refused before anything is written unless the caller may submit on that
	 * channel and the procedure's rules admit it; the open-dossier claim taken with the code is given
	 * back if the dossier cannot be written.
	 */
	public Mono<D> submit(Submission<F> submission, Caller caller) {
		Instant now = this.clock.instant();
		Procedure procedure = this.parts.catalogue().require(submission.procedureCode());
		Channel channel = channelOf(caller, submission, procedure.identityLevel());
		String applicantId = (channel == Channel.ONLINE && !caller.hasRole(NATIONAL_PORTAL)) ? caller.personalId()
				: submission.applicantPersonalId();
		if (applicantId == null) {
			return Mono.error(new ApiException(ProblemType.VALIDATION, "validation").withError("applicantPersonalId",
					"applicant.required"));
		}
		Dossier.HandlingUnit unit = this.parts.units().of(submission.handlingProvince(), procedure.agencyLevel());
		if (channel == Channel.COUNTER) {
			caller.requireOfficerOf(unit.province());
			// Receiving is handling: an officer does not receive their own or their child's dossier.
			if (caller.owns(applicantId) || caller.owns(this.rules.holderOf(submission.form()))) {
				throw ApiException.forbidden("dossier.own-dossier");
			}
		}
		Intake<F> intake = new Intake<>(procedure, channel, applicantId, submission.applicantFullName(),
				submission.form(), caller, now, unit.province());
		Dossier.Submitter submitter = new Dossier.Submitter(caller.subject(), caller.clientId(), caller.agency());
		// The code is taken once the rules admitted the submission: a refusal spends no number of the day.
		return this.rules.admit(intake).flatMap((applicantName) -> this.parts.codes().next(unit.code(), now)
			.flatMap((code) -> {
				Dossier.Applicant applicant = new Dossier.Applicant(applicantId, applicantName, 1, submission.phone(),
						submission.email());
				// Counted on the calendar in use now; the date is then the dossier's, whatever a reload brings.
				D dossier = this.rules.create(new Dossier.Header(code, procedure.code(), channel, applicant, submitter,
						unit, now, procedure.deadlineFrom(this.parts.calendars().workingDays(), intake.today())), intake);
				return claimOpen(dossier).then(this.dossiers.insert(dossier, List.of(dossier.submitted()))
					.onErrorResume((failure) -> releaseOpen(dossier).then(Mono.error(failure))));
			}));
	}

	/** Online, a citizen needs the identity level the procedure asks for (the portal vouches for its users). */
	private static Channel channelOf(Caller caller, Submission<?> submission, int identityLevel) {
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

	private Mono<Void> claimOpen(D dossier) {
		String key = this.rules.openDossierKey(dossier);
		return (key == null) ? Mono.empty() : this.openDossiers.take(key, dossier.code())
			.flatMap((taken) -> taken ? Mono.<Void>empty() : Mono.error(ApiException.conflict("dossier.already-open")));
	}

	/**
	 * Gives back the dossier's open-dossier claim. Called from the follow-up of the event that ended
	 * the dossier, after the follow-ups of every earlier event (a passport entered in the book before
	 * its holder may file again), or at once when the dossier could not be written.
	 */
	Mono<Void> releaseOpen(D dossier) {
		String key = this.rules.openDossierKey(dossier);
		return (key == null) ? Mono.empty() : this.openDossiers.release(key, dossier.code());
	}

	/** A dossier as {@link DossierAccess#requireVisible} lets the caller see it. */
	public Mono<D> find(String code, Caller caller) {
		return this.dossiers.findById(code)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("dossier")))
			.doOnNext((dossier) -> DossierAccess.requireVisible(dossier, caller));
	}

	/** The dossier as stored, for the service's own consumers of its events (no caller to check). */
	public Mono<D> stored(String code) {
		return this.dossiers.findById(code);
	}

	/** The applicant's own dossiers, newest first. */
	public Flux<D> ofApplicant(Caller caller) {
		if (caller.personalId() == null) {
			return Flux.empty();
		}
		return this.parts.mongo().find(Query.query(Criteria.where("applicant.personalId").is(caller.personalId()))
			.with(Sort.by(Sort.Direction.DESC, "receivedAt"))
			.limit(100), this.rules.dossierType(), collection());
	}

	/**
	 * Applies a transition to the stored dossier at the version read (retried on a concurrent
	 * change; a transition no longer allowed then is a 409).
	 */
	public Mono<D> change(String code, Transition<D> transition) {
		return this.dossiers.change(code, transition).switchIfEmpty(Mono.error(() -> ApiException.notFound("dossier")));
	}

	public Mono<D> accept(String code, Caller officer, String note) {
		return change(code, (dossier) -> List.of(dossier.accept(officer, note, this.clock.instant())));
	}

	public Mono<D> notAccept(String code, Caller officer, String reason) {
		return change(code, (dossier) -> List.of(dossier.notAccept(officer, reason, this.clock.instant())));
	}

	public Mono<D> claim(String code, Caller officer) {
		return change(code, (dossier) -> {
			dossier.claim(officer, this.clock.instant());
			return List.of();
		});
	}

	public Mono<D> requestSupplement(String code, Caller officer, List<String> missing) {
		return change(code, (dossier) -> List.of(dossier.requestSupplement(officer, missing,
				this.parts.calendars().workingDays(), this.clock.instant())));
	}

	/** The clock restarts with the working days that were left: at least one. */
	public Mono<D> supplemented(String code, Caller applicant) {
		return change(code, (dossier) -> List
			.of(dossier.supplemented(applicant, this.parts.calendars().workingDays(), this.clock.instant())));
	}

	public Mono<D> withdraw(String code, Caller applicant, String reason) {
		return change(code, (dossier) -> List.of(dossier.withdraw(applicant, reason, this.clock.instant())));
	}

	public Mono<D> stop(String code, Caller officer, String reason) {
		return change(code, (dossier) -> List.of(dossier.stop(officer, reason, this.clock.instant())));
	}

	public Mono<D> returnResult(String code, Caller officer, Dossier.ReturnMethod method) {
		return change(code, (dossier) -> List.of(dossier.returnResult(officer, method, this.clock.instant())));
	}

	/** The procedure's approval ({@link ProcedureRules#approval}), once the officer's right is checked. */
	public Mono<D> approve(String code, Caller officer) {
		return find(code, officer).doOnNext((dossier) -> DossierAccess.requireHandler(dossier, officer))
			.flatMap((dossier) -> this.rules.approval(dossier, officer))
			.flatMap((transition) -> change(code, transition));
	}

	/**
	 * Asks for the fees the dossier owes ({@link ProcedureRules#feesDue}: by default those the catalogue
	 * sets for the day received and the channel; none is a 409), through a fee order in
	 * fine-payment-service; processing goes on when its payment succeeds.
	 */
	public Mono<D> requestPayment(String code, Caller officer) {
		return find(code, officer).flatMap((dossier) -> {
			Procedure procedure = this.parts.catalogue().require(dossier.procedureCode());
			long amount = this.rules.feesDue(dossier, procedure).stream().mapToLong(FeeDue::amount).sum();
			if (amount <= 0) {
				return Mono.error(ApiException.conflict("fee.none-due"));
			}
			// Refused here, before asking for money, if the officer may not act or the status is wrong.
			dossier.requestPayment(officer, "pending", amount, this.clock.instant());
			return this.parts.feeOrders()
				.request(new FeeOrders.FeeOrderRequest(code, amount, dossier.applicant().personalId(),
						procedure.nameVi() + " - hồ sơ " + code, dossier.handlingUnit().code(),
						dossier.applicant().fullName()), "fee-" + code + "-" + dossier.version())
				.flatMap((order) -> change(code,
						(fresh) -> List.of(fresh.requestPayment(officer, order.id(), amount, this.clock.instant()))));
		});
	}

	/**
	 * From fine-payment-service's {@code PaymentSucceeded} of a fee order this service asked for:
	 * applied only if what it claims is what the dossier asked — its fee order has that id and the
	 * amount is the fee requested. Anyone who can write to the topic could otherwise pay a fee with 1 VND
	 * or with an order that does not exist. Anything else is logged and not applied. Idempotent.
	 *
	 * @return whether the payment was applied
	 */
	public Mono<Boolean> feePaid(PaymentSucceeded payment) {
		if (payment.referenceId() == null || payment.aggregateId() == null || payment.receiptNumber() == null
				|| payment.occurredAt() == null) {
			log.warn("PaymentSucceeded {} not applied: incomplete", payment.eventId());
			return Mono.just(false);
		}
		return this.dossiers.findById(payment.referenceId()).flatMap((dossier) -> {
			Dossier.Fee fee = dossier.fee();
			if (fee == null || !payment.aggregateId().equals(fee.paymentOrderId()) || fee.amount() != payment.amount()) {
				log.warn("PaymentSucceeded {} not applied: dossier {} asked for no order {} of {} VND",
						payment.eventId(), payment.referenceId(), payment.aggregateId(), payment.amount());
				return Mono.just(false);
			}
			return change(payment.referenceId(),
					(fresh) -> fresh.paymentReceived(payment.aggregateId(), payment.receiptNumber(), payment.occurredAt())
						.map(List::of)
						.orElse(List.of()))
				.thenReturn(true);
		}).switchIfEmpty(Mono.fromSupplier(() -> {
			log.warn("PaymentSucceeded {} not applied: no dossier {} here", payment.eventId(), payment.referenceId());
			return false;
		}));
	}

	/**
	 * A file of the dossier, from its applicant or an officer of its unit, while it is not final. A
	 * document the catalogue wants signed online ({@code signedOnline}) is, in an online dossier and
	 * from anyone but an officer, a PDF whose signature is intact, covers the whole file and is of a
	 * trusted signer (422 saying which is not so); the signer is recorded with the file.
	 */
	public Mono<Attachment> attach(String code, String kind, String filename, byte[] content, Caller caller) {
		return find(code, caller).flatMap((dossier) -> {
			if (dossier.status().isFinal()) {
				return Mono.error(new IllegalTransitionException(dossier.status(), "attach"));
			}
			Procedure procedure = this.parts.catalogue().require(dossier.procedureCode());
			boolean signed = dossier.channel() == Channel.ONLINE && !caller.isOfficer() && kind != null
					&& procedure.document(kind).map(RequiredDocument::signedOnline).orElse(false);
			if (!signed) {
				return this.parts.attachments().store(dossier, procedure, kind, filename, content, caller);
			}
			// Parsing a PDF and its CMS is CPU work on an untrusted file: never on the event loop.
			return Mono.fromCallable(() -> Attachments.checkSigned(this.parts.signers(), content))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap((signature) -> this.parts.attachments()
					.store(dossier, procedure, kind, filename, content, caller, signature));
		});
	}

	public Flux<Attachment> attachments(String code, Caller caller) {
		return find(code, caller).flatMapMany((dossier) -> this.parts.attachments().list(dossier.code()));
	}

	public Mono<Attachments.Download> download(String code, String attachmentId, Caller caller) {
		return find(code, caller).flatMap((dossier) -> this.parts.attachments().download(dossier, attachmentId, caller));
	}

	/** The officer's work queue: their unit's dossiers, earliest appointment first. */
	public Mono<DossierQueries.QueuePage<DossierView>> queue(DossierQueries.QueueFilter filter, int page, int size,
			Caller caller) {
		return this.parts.queries()
			.workQueue(this.rules.dossierType(), collection(), caller, filter, today(), page, size)
			.map((found) -> new DossierQueries.QueuePage<>(found.items().stream().map(this::view).toList(),
					found.page(), found.size(), found.hasMore()));
	}

	public Mono<DossierQueries.Statistics> statistics(LocalDate from, LocalDate to, Caller caller) {
		return this.parts.queries().statistics(collection(), caller, from, to);
	}

}
