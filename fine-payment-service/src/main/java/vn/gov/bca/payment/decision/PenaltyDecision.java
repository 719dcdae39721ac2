package vn.gov.bca.payment.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

import vn.gov.bca.platform.web.error.IllegalTransitionException;

/**
 * A traffic penalty decision received from a violation system, unpaid until a payment order for it
 * succeeds. Paid once: a second payment of the same decision is a double payment, never recorded
 * as the decision's payment.
 */
public class PenaltyDecision {

	@Id
	private final String id;

	private final DecisionData data;

	private final String receivedFrom;

	private final Instant receivedAt;

	private Status status;

	private Payment payment;

	private final long version;

	/** UNPAID until a payment succeeds; PAID then. */
	public enum Status {

		UNPAID, PAID

	}

	/** The payment that settled the decision. */
	public record Payment(String orderId, String receiptNumber, long amount, Instant paidAt) {
	}

	@PersistenceCreator
	PenaltyDecision(String id, DecisionData data, String receivedFrom, Instant receivedAt, Status status,
			Payment payment, long version) {
		this.id = id;
		this.data = data;
		this.receivedFrom = receivedFrom;
		this.receivedAt = receivedAt;
		this.status = status;
		this.payment = payment;
		this.version = version;
	}

	static Received receive(DecisionData data, String receivedFrom, Instant now) {
		PenaltyDecision decision = new PenaltyDecision(data.id(), data, receivedFrom, now, Status.UNPAID, null, 0);
		return new Received(decision, new DecisionEvent.DecisionReceived(UUID.randomUUID(), now, data.id(),
				data.plate().value(), data.vehicleType(), data.fineAmount(), data.cameraDetected()));
	}

	/**
	 * Records the payment that settled the decision. The same payment again changes nothing (a
	 * callback or event delivered twice).
	 *
	 * @throws IllegalTransitionException when another payment already settled it
	 */
	Optional<DecisionEvent.FinePaid> paid(Payment payment) {
		if (this.status == Status.PAID) {
			if (this.payment.orderId().equals(payment.orderId())) {
				return Optional.empty();
			}
			throw new IllegalTransitionException(this.status, "pay");
		}
		this.status = Status.PAID;
		this.payment = payment;
		return Optional.of(new DecisionEvent.FinePaid(UUID.randomUUID(), payment.paidAt(), this.id, payment.orderId(),
				payment.receiptNumber(), payment.amount()));
	}

	/** What is due on that day: nothing once paid. */
	public AmountDue amountDue(LocalDate asOf) {
		return AmountDue.of(this.data.fineAmount(), this.data.receivedOn(), asOf);
	}

	public String id() {
		return this.id;
	}

	public DecisionData data() {
		return this.data;
	}

	public String receivedFrom() {
		return this.receivedFrom;
	}

	public Instant receivedAt() {
		return this.receivedAt;
	}

	public Status status() {
		return this.status;
	}

	public Payment payment() {
		return this.payment;
	}

	public long version() {
		return this.version;
	}

	/** A decision just received, and its event. */
	record Received(PenaltyDecision decision, DecisionEvent.DecisionReceived event) {
	}

}
