package vn.gov.bca.payment.decision;

import java.time.Instant;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;

/** What happens to a penalty decision, on {@code payment.events.v1}, keyed by decision id. */
public sealed interface DecisionEvent extends DomainEvent {

	/** A violation system sent a decision (no violator data on the topic). */
	record DecisionReceived(UUID eventId, Instant occurredAt, String aggregateId, String plate,
			VehicleType vehicleType, long fineAmount, boolean cameraDetected) implements DecisionEvent {
	}

	/** The fine is paid: the violation systems close the decision. */
	record FinePaid(UUID eventId, Instant occurredAt, String aggregateId, String orderId, String receiptNumber,
			long amountPaid) implements DecisionEvent {
	}

}
