package vn.gov.bca.payment.order;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

import vn.gov.bca.platform.web.error.IllegalTransitionException;

/**
 * One attempt to pay one thing: CREATED → PENDING (the citizen is at the platform's checkout) →
 * SUCCEEDED, FAILED or EXPIRED. What the payment platform confirms always wins: a confirmation that
 * arrives after the order expired or failed still makes it SUCCEEDED (the money was taken), and
 * the same confirmation twice changes nothing.
 */
public class PaymentOrder {

	/** The service that asks for the orders of fines: this one. */
	static final String FINES_REQUESTED_BY = "fine-payment-service";

	/** How long a citizen has to finish at the checkout before the order may expire. */
	static final Duration TIME_TO_PAY = Duration.ofMinutes(30);

	@Id
	private final String id;

	private final ReferenceType referenceType;

	private final String referenceId;

	private final long amount;

	private final String description;

	private final String payerPersonalId;

	private final String createdBy;

	private final Instant createdAt;

	private Instant expiresAt;

	private Status status;

	private String checkoutId;

	private String checkoutUrl;

	private String platformTransactionId;

	private String receiptNumber;

	private Instant paidAt;

	private String failureReason;

	private Review review;

	/** The unit that collects the money and signs the receipt (null in orders from before it was recorded). */
	private final String collectingUnit;

	/** The payer's name as the decision or the dossier gives it, for the receipt (null when not given). */
	private final String payerName;

	private final long version;

	public enum Status {

		CREATED, PENDING, SUCCEEDED, FAILED, EXPIRED;

		boolean isOpen() {
			return this == CREATED || this == PENDING;
		}

	}

	/** Who pays: their personal id, and their name when known. */
	public record Payer(String personalId, String name) {
	}

	/**
	 * Something a person must look at: a confirmation whose amount differs from the order's, or a
	 * payment for something already paid by another order (to be refunded).
	 */
	public record Review(String reason, long reportedAmount, Instant flaggedAt) {
	}

	@PersistenceCreator
	PaymentOrder(String id, ReferenceType referenceType, String referenceId, long amount, String description,
			String payerPersonalId, String createdBy, Instant createdAt, Instant expiresAt, Status status,
			String checkoutId, String checkoutUrl, String platformTransactionId, String receiptNumber, Instant paidAt,
			String failureReason, Review review, String collectingUnit, String payerName, long version) {
		this.id = id;
		this.referenceType = referenceType;
		this.referenceId = referenceId;
		this.amount = amount;
		this.description = description;
		this.payerPersonalId = payerPersonalId;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.status = status;
		this.checkoutId = checkoutId;
		this.checkoutUrl = checkoutUrl;
		this.platformTransactionId = platformTransactionId;
		this.receiptNumber = receiptNumber;
		this.paidAt = paidAt;
		this.failureReason = failureReason;
		this.review = review;
		this.collectingUnit = collectingUnit;
		this.payerName = payerName;
		this.version = version;
	}

	static Created create(String id, ReferenceType type, String referenceId, long amount, String description,
			Payer payer, String collectingUnit, String createdBy, Instant now) {
		PaymentOrder order = new PaymentOrder(id, type, referenceId, amount, description, payer.personalId(), createdBy,
				now, now.plus(TIME_TO_PAY), Status.CREATED, null, null, null, null, null, null, null, collectingUnit,
				payer.name(), 0);
		return new Created(order, new PaymentEvent.PaymentOrderCreated(UUID.randomUUID(), now, id, type, referenceId,
				amount, order.requestedBy()));
	}

	/** The platform opened a checkout: the citizen pays there until {@link #expiresAt()}. */
	void checkoutOpened(String checkoutId, String checkoutUrl, Instant now) {
		if (this.status != Status.CREATED && this.status != Status.PENDING) {
			throw new IllegalTransitionException(this.status, "open-checkout");
		}
		this.status = Status.PENDING;
		this.checkoutId = checkoutId;
		this.checkoutUrl = checkoutUrl;
		this.expiresAt = now.plus(TIME_TO_PAY);
	}

	/**
	 * The platform confirmed the payment of this order's amount. Empty when it was already recorded
	 * (the same confirmation again).
	 */
	Optional<PaymentEvent.PaymentSucceeded> succeeded(String transactionId, Instant paidAt, String receiptNumber) {
		if (this.status == Status.SUCCEEDED) {
			return Optional.empty();
		}
		this.status = Status.SUCCEEDED;
		this.platformTransactionId = transactionId;
		this.paidAt = paidAt;
		this.receiptNumber = receiptNumber;
		this.failureReason = null;
		return Optional.of(new PaymentEvent.PaymentSucceeded(UUID.randomUUID(), paidAt, this.id, this.referenceType,
				this.referenceId, this.amount, receiptNumber, transactionId, requestedBy()));
	}

	/** The citizen cancelled or the platform refused. Empty when already settled. */
	Optional<PaymentEvent.PaymentFailed> failed(String reason, Instant now) {
		if (!this.status.isOpen()) {
			return Optional.empty();
		}
		this.status = Status.FAILED;
		this.failureReason = reason;
		return Optional.of(new PaymentEvent.PaymentFailed(UUID.randomUUID(), now, this.id, this.referenceType,
				this.referenceId, reason, requestedBy()));
	}

	/** Nothing was paid in time (the platform says so, or never saw a checkout). */
	Optional<PaymentEvent.PaymentExpired> expired(Instant now) {
		if (!this.status.isOpen()) {
			return Optional.empty();
		}
		this.status = Status.EXPIRED;
		return Optional.of(new PaymentEvent.PaymentExpired(UUID.randomUUID(), now, this.id, this.referenceType,
				this.referenceId, requestedBy()));
	}

	/** Flags the order for a person to look at; the first reason is kept. */
	boolean flag(String reason, long reportedAmount, Instant now) {
		if (this.review != null) {
			return false;
		}
		this.review = new Review(reason, reportedAmount, now);
		return true;
	}

	boolean isOverdue(Instant now) {
		return this.status.isOpen() && now.isAfter(this.expiresAt);
	}

	public String id() {
		return this.id;
	}

	public ReferenceType referenceType() {
		return this.referenceType;
	}

	public String referenceId() {
		return this.referenceId;
	}

	public long amount() {
		return this.amount;
	}

	public String description() {
		return this.description;
	}

	public String payerPersonalId() {
		return this.payerPersonalId;
	}

	public String createdBy() {
		return this.createdBy;
	}

	/**
	 * The service that asked for this order, named on its events: a fine is this service's own
	 * (whoever opened it); a fee order belongs to the service that created it (its client id).
	 */
	public String requestedBy() {
		return (this.referenceType == ReferenceType.FINE) ? FINES_REQUESTED_BY : this.createdBy;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant expiresAt() {
		return this.expiresAt;
	}

	public Status status() {
		return this.status;
	}

	public String checkoutId() {
		return this.checkoutId;
	}

	public String checkoutUrl() {
		return this.checkoutUrl;
	}

	public String platformTransactionId() {
		return this.platformTransactionId;
	}

	public String receiptNumber() {
		return this.receiptNumber;
	}

	public Instant paidAt() {
		return this.paidAt;
	}

	public String failureReason() {
		return this.failureReason;
	}

	public Review review() {
		return this.review;
	}

	public String collectingUnit() {
		return this.collectingUnit;
	}

	public String payerName() {
		return this.payerName;
	}

	public long version() {
		return this.version;
	}

	/** A new order and its event. */
	record Created(PaymentOrder order, PaymentEvent.PaymentOrderCreated event) {
	}

}
