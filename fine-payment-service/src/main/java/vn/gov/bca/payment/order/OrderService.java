package vn.gov.bca.payment.order;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import vn.gov.bca.payment.decision.DecisionService;
import vn.gov.bca.payment.decision.PenaltyDecision;
import vn.gov.bca.payment.platform.PaymentPlatform;
import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.data.paging.KeysetPages;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Payment orders from creation to settlement. Every confirmation, whether it comes by callback,
 * by reconciliation or twice, goes through {@link #settle}: it records a payment once, gives it a
 * receipt number, publishes the events through the outbox and marks a fine paid.
 */
@Service
public class OrderService {

	static final String COLLECTION = "payment_orders";

	/** Orders read per reply by {@link #succeededBetween}: a day's payments may be hundreds of thousands. */
	static final int SUCCEEDED_PAGE = 1_000;

	private static final Logger log = LoggerFactory.getLogger(OrderService.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final DateTimeFormatter ORDER_DAY = DateTimeFormatter.ofPattern("yyMMdd")
		.withZone(VietnamTime.ZONE);

	private final AggregateStore<PaymentOrder> orders;

	private final ReactiveMongoTemplate mongo;

	private final PaymentClaims claims;

	private final ReceiptNumbers receipts;

	private final PaymentPlatform platform;

	private final DecisionService decisions;

	private final CollectingUnits collectingUnits;

	private final Clock clock;

	OrderService(AggregateStores stores, ReactiveMongoTemplate mongo, PaymentClaims claims, ReceiptNumbers receipts,
			PaymentPlatform platform, DecisionService decisions, CollectingUnits collectingUnits, Clock clock) {
		this.orders = stores.forCollection(PaymentOrder.class, COLLECTION);
		this.mongo = mongo;
		this.claims = claims;
		this.receipts = receipts;
		this.platform = platform;
		this.decisions = decisions;
		this.collectingUnits = collectingUnits;
		this.clock = clock;
	}

	/** {@code PO<yyMMdd><16 hex>}: unguessable, sortable by day, accepted by the platform as its order id. */
	static String newOrderId(Instant now) {
		byte[] random = new byte[8];
		RANDOM.nextBytes(random);
		return "PO" + ORDER_DAY.format(now) + HexFormat.of().formatHex(random).toUpperCase();
	}

	/**
	 * The violator pays their fine: the amount due today (in Vietnam), one open order per fine. Only
	 * the violator named on the decision may open its order; for anyone else the decision is not found
	 * (the decision id is shown by the public plate lookup, so it proves nothing). The violator asking
	 * again while their order is open gets that order back, at the amount fixed when it was opened
	 * (also after midnight); an open order past its time to pay, or one opened by someone else before
	 * this rule, is superseded: never a lock-out.
	 */
	public Mono<PaymentOrder> payFine(String decisionId, String payerPersonalId, String createdBy) {
		return this.decisions.find(decisionId)
			.filter((decision) -> payerPersonalId.equals(decision.data().violator().personalId()))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("decision")))
			.flatMap((decision) -> {
				if (decision.status() == PenaltyDecision.Status.PAID) {
					return Mono.error(ApiException.conflict("fine.already-paid"));
				}
				long due = decision.amountDue(VietnamTime.today(this.clock)).total();
				String description = "Nộp phạt QĐ " + decision.data().decisionNumber() + " - "
						+ decision.data().issuingUnit();
				PaymentOrder.Payer payer = new PaymentOrder.Payer(payerPersonalId, decision.data().violator().name());
				return create(ReferenceType.FINE, decisionId, due, description, payer, decision.data().issuingUnit(),
						createdBy)
					.flatMap(this::openCheckout);
			});
	}

	/**
	 * Another service asks for a fee (a dossier's), collected by {@code collectingUnit} (its handling
	 * unit), which must be one of this service's collecting units (422 naming {@code collectingUnit}
	 * otherwise: its receipt could not be signed); the payer starts the checkout later.
	 */
	public Mono<PaymentOrder> requestFee(String referenceId, long amount, String description, PaymentOrder.Payer payer,
			String collectingUnit, String createdBy) {
		if (this.collectingUnits.find(collectingUnit).isEmpty()) {
			return Mono.error(new ApiException(ProblemType.UNPROCESSABLE, "payment.collecting-unit-unknown", collectingUnit)
				.withError("collectingUnit", "payment.collecting-unit-unknown", collectingUnit));
		}
		return create(ReferenceType.DOSSIER_FEE, referenceId, amount, description, payer, collectingUnit, createdBy);
	}

	/**
	 * The open order of the reference, or a new one. Another attempt that holds the claim at this very
	 * moment (its order not written yet) is waited for briefly, then it is a 409.
	 */
	private Mono<PaymentOrder> create(ReferenceType type, String referenceId, long amount, String description,
			PaymentOrder.Payer payer, String collectingUnit, String createdBy) {
		return Mono.defer(() -> this.claims.current(type, referenceId)).flatMap((claim) -> {
			if (claim.settledBy() != null) {
				return Mono.error(ApiException.conflict("payment.already-paid").with("reason", "ALREADY_PAID"));
			}
			if (claim.openHolder() != null) {
				return this.orders.findById(claim.openHolder())
					.switchIfEmpty(Mono.error(Contended::new))
					.flatMap((open) -> openOrder(open, type, amount, payer.personalId()));
			}
			Instant now = this.clock.instant();
			String orderId = newOrderId(now);
			return this.claims.take(type, referenceId, orderId).flatMap((taken) -> {
				if (!taken) {
					return Mono.error(new Contended());
				}
				PaymentOrder.Created created = PaymentOrder.create(orderId, type, referenceId, amount, description,
						payer, collectingUnit, createdBy, now);
				return this.orders.insert(created.order(), List.of(created.event()))
					.onErrorResume((failure) -> this.claims.release(type, referenceId, orderId).then(Mono.error(failure)));
			});
		})
			.retryWhen(Retry.backoff(6, Duration.ofMillis(25))
				.filter(Contended.class::isInstance)
				.onRetryExhaustedThrow(
						(spec, signal) -> ApiException.conflict("payment.in-progress").with("reason", "IN_PROGRESS")));
	}

	/**
	 * The reference already has an open order. A fine's violator gets theirs back, its amount fixed
	 * when it was opened; theirs past its time to pay, or someone else's, is superseded. A fee's
	 * order is the same request again only for the same payer and amount.
	 */
	private Mono<PaymentOrder> openOrder(PaymentOrder open, ReferenceType type, long amount, String payerPersonalId) {
		boolean samePayer = open.payerPersonalId().equals(payerPersonalId);
		if (type == ReferenceType.FINE) {
			if (samePayer && open.status().isOpen() && !open.isOverdue(this.clock.instant())) {
				return Mono.just(open);
			}
			return supersede(open);
		}
		if (samePayer && open.amount() == amount && open.status().isOpen()) {
			return Mono.just(open);
		}
		return Mono.error(ApiException.conflict("payment.in-progress").with("reason", "IN_PROGRESS"));
	}

	/**
	 * Ends an open order so that the violator can open a new one: what the platform says of it first
	 * (paid there: it is settled, and the fine is paid), expired otherwise. A payment at its checkout
	 * arriving later is still recorded (the platform's confirmation wins) and flagged for refund if the
	 * fine was paid meanwhile. Then the creation starts again from the freed claim.
	 */
	private Mono<PaymentOrder> supersede(PaymentOrder open) {
		return this.platform.transaction(open.id())
			.flatMap(this::settle)
			.defaultIfEmpty(open)
			.flatMap((current) -> (current.status() == PaymentOrder.Status.SUCCEEDED)
					? Mono.<PaymentOrder>error(ApiException.conflict("payment.already-paid"))
					: this.expire(current))
			.flatMap((ended) -> this.claims.release(ended.referenceType(), ended.referenceId(), ended.id()))
			.then(Mono.error(new Contended()));
	}

	/** Another attempt holds the reference's claim at this moment: read it again shortly. */
	private static final class Contended extends RuntimeException {

		Contended() {
			super("payment claim contended", null, false, false);
		}

	}

	/** Opens the platform's checkout for the payer (again, if they come back to it). */
	public Mono<PaymentOrder> startCheckout(String orderId, String payerPersonalId) {
		return findFor(orderId, payerPersonalId).flatMap(this::openCheckout);
	}

	private Mono<PaymentOrder> openCheckout(PaymentOrder order) {
		if (order.status() == PaymentOrder.Status.PENDING && order.checkoutUrl() != null) {
			return Mono.just(order);
		}
		if (!order.status().isOpen()) {
			return Mono.error(ApiException.conflict("payment.order-closed"));
		}
		long version = order.version();
		return this.platform
			.openCheckout(new PaymentPlatform.CheckoutRequest(order.id(), order.amount(), order.description()))
			.onErrorMap(WebClientResponseException.class, (refused) -> ApiException.conflict("payment.platform-refused"))
			.flatMap((checkout) -> {
				order.checkoutOpened(checkout.checkoutId(), checkout.checkoutUrl(), this.clock.instant());
				return this.orders.update(order, version, List.of());
			})
			// The same payer twice at once: the platform gave both the same checkout, one of them saved it.
			.onErrorResume(OptimisticLockingFailureException.class, (raced) -> this.orders.findById(order.id())
				.filter((saved) -> saved.status() == PaymentOrder.Status.PENDING && saved.checkoutUrl() != null)
				.switchIfEmpty(Mono.error(raced)));
	}

	/** An order as its payer sees it: someone else's is not found. */
	public Mono<PaymentOrder> findFor(String orderId, String payerPersonalId) {
		return this.orders.findById(orderId)
			.filter((order) -> order.payerPersonalId().equals(payerPersonalId))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("payment-order")));
	}

	public Mono<PaymentOrder> find(String orderId) {
		return this.orders.findById(orderId);
	}

	public Flux<PaymentOrder> ofPayer(String payerPersonalId) {
		return this.mongo.find(Query.query(Criteria.where("payerPersonalId").is(payerPersonalId))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(200), PaymentOrder.class, COLLECTION);
	}

	/**
	 * Applies what the platform says of an order. A success of a different amount is refused and
	 * flagged for review; a success for something another order already paid is recorded (the money
	 * was taken) and flagged for refund. Retried from a fresh read when another settlement of the same
	 * order ran at the same moment.
	 *
	 * @throws ApiException 404 for an order we do not know, 422 for an amount mismatch
	 */
	public Mono<PaymentOrder> settle(PaymentPlatform.Transaction transaction) {
		return Mono.defer(() -> this.orders.findById(transaction.orderId()))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("payment-order")))
			.flatMap((order) -> settle(order, transaction))
			.retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance));
	}

	private Mono<PaymentOrder> settle(PaymentOrder order, PaymentPlatform.Transaction transaction) {
		long version = order.version();
		Instant now = this.clock.instant();
		if (transaction.succeeded()) {
			if (order.status() == PaymentOrder.Status.SUCCEEDED) {
				return Mono.just(order);
			}
			if (transaction.amount() != order.amount()) {
				log.warn("Payment platform confirmed {} VND for order {} of {} VND: flagged for review",
						transaction.amount(), order.id(), order.amount());
				Mono<PaymentOrder> flagged = order.flag("AMOUNT_MISMATCH", transaction.amount(), now)
						? this.orders.update(order, version, List.of()) : Mono.just(order);
				return flagged.then(Mono.error(ApiException.unprocessable("payment.amount-mismatch")));
			}
			Instant paidAt = (transaction.paidAt() != null) ? transaction.paidAt() : now;
			return this.claims.paid(order.referenceType(), order.referenceId(), order.id())
				.zipWith(this.receipts.next(paidAt))
				.flatMap((claimAndReceipt) -> {
					List<DomainEvent> events = new ArrayList<>();
					order.succeeded(transaction.transactionId(), paidAt, claimAndReceipt.getT2()).ifPresent(events::add);
					if (!claimAndReceipt.getT1()) {
						log.warn("Order {} paid {} {} already paid by another order: flagged for refund", order.id(),
								order.referenceType(), order.referenceId());
						order.flag("PAID_TWICE_REFUND", transaction.amount(), now);
					}
					return this.orders.update(order, version, events)
						.flatMap((saved) -> claimAndReceipt.getT1() ? closeReference(saved) : Mono.just(saved));
				});
		}
		if (transaction.failed() || transaction.expired()) {
			List<DomainEvent> events = new ArrayList<>();
			if (transaction.failed()) {
				order.failed(transaction.status(), now).ifPresent(events::add);
			}
			else {
				order.expired(now).ifPresent(events::add);
			}
			if (events.isEmpty()) {
				return Mono.just(order);
			}
			return this.orders.update(order, version, events)
				.flatMap((saved) -> this.claims.release(order.referenceType(), order.referenceId(), order.id())
					.thenReturn(saved));
		}
		return Mono.just(order);
	}

	/** Nothing was paid and the time to pay is over: the order expires and frees its reference. */
	public Mono<PaymentOrder> expire(PaymentOrder order) {
		long version = order.version();
		return Mono.justOrEmpty(order.expired(this.clock.instant()))
			.flatMap((event) -> this.orders.update(order, version, List.of(event)))
			.flatMap((saved) -> this.claims.release(order.referenceType(), order.referenceId(), order.id())
				.thenReturn(saved))
			.defaultIfEmpty(order);
	}

	/**
	 * A paid fine is marked paid on its decision right away. If this fails, the consumer of our own
	 * {@code PaymentSucceeded} event does it (both are idempotent).
	 */
	private Mono<PaymentOrder> closeReference(PaymentOrder order) {
		if (order.referenceType() != ReferenceType.FINE) {
			return Mono.just(order);
		}
		return this.decisions
			.recordPayment(order.referenceId(),
					new PenaltyDecision.Payment(order.id(), order.receiptNumber(), order.amount(), order.paidAt()))
			.thenReturn(order)
			.onErrorResume((failure) -> {
				log.warn("Decision {} not marked paid yet (the event consumer retries): {}", order.referenceId(),
						failure.toString());
				return Mono.just(order);
			});
	}

	/** Open orders whose checkout is older than {@code since}, oldest first: the reconciliation's work. */
	public Flux<PaymentOrder> openSince(Instant since, int limit) {
		Query query = Query.query(Criteria.where("status")
			.in(PaymentOrder.Status.CREATED, PaymentOrder.Status.PENDING)
			.and("createdAt")
			.lt(since)).with(Sort.by("createdAt")).limit(limit);
		return this.mongo.find(query, PaymentOrder.class, COLLECTION);
	}

	/** Orders flagged for a person to look at, newest first. */
	public Flux<PaymentOrder> flagged() {
		return this.mongo.find(Query.query(Criteria.where("review").exists(true))
			.with(Sort.by(Sort.Direction.DESC, "review.flaggedAt"))
			.limit(500), PaymentOrder.class, COLLECTION);
	}

	/**
	 * Orders that succeeded with a payment time in that range (for the daily comparison), by id, read
	 * {@link #SUCCEEDED_PAGE} at a time: no reply grows with the day's payments.
	 */
	public Flux<PaymentOrder> succeededBetween(Instant from, Instant to) {
		Criteria succeeded = Criteria.where("status").is(PaymentOrder.Status.SUCCEEDED).and("paidAt").gte(from).lt(to);
		return KeysetPages.all(this.mongo, succeeded, PaymentOrder.class, COLLECTION, SUCCEEDED_PAGE, PaymentOrder::id);
	}

}
