package vn.gov.bca.payment.order;

import java.time.Instant;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;

/**
 * What happens to a payment order, on {@code payment.events.v1}, keyed by order id. The dossier
 * services wait for {@link PaymentSucceeded} of their fee orders (reference type and id tell which).
 */
public sealed interface PaymentEvent extends DomainEvent {

	record PaymentOrderCreated(UUID eventId, Instant occurredAt, String aggregateId, ReferenceType referenceType,
			String referenceId, long amount) implements PaymentEvent {
	}

	/** The platform confirmed the payment; {@code receiptNumber} is the electronic receipt's. */
	record PaymentSucceeded(UUID eventId, Instant occurredAt, String aggregateId, ReferenceType referenceType,
			String referenceId, long amount, String receiptNumber, String platformTransactionId)
			implements PaymentEvent {
	}

	record PaymentFailed(UUID eventId, Instant occurredAt, String aggregateId, ReferenceType referenceType,
			String referenceId, String reason) implements PaymentEvent {
	}

	record PaymentExpired(UUID eventId, Instant occurredAt, String aggregateId, ReferenceType referenceType,
			String referenceId) implements PaymentEvent {
	}

}
