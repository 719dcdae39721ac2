package vn.gov.bca.payment.order;

import java.time.Instant;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;

/**
 * What happens to a payment order, on {@code payment.events.v1}, keyed by order id. The dossier
 * services wait for {@link PaymentSucceeded} of their fee orders: {@code requestedBy} names the
 * service that asked for the order (a fee order's creator, e.g. {@code passport-service}; for a fine
 * {@code fine-payment-service}), so that every other service ignores it without reading further.
 * Fields are only ever added at the end (consumers tolerate those they do not know).
 */
public sealed interface PaymentEvent extends DomainEvent {

	record PaymentOrderCreated(UUID eventId, Instant occurredAt, String aggregateId, ReferenceType referenceType,
			String referenceId, long amount, String requestedBy) implements PaymentEvent {
	}

	/** The platform confirmed the payment; {@code receiptNumber} is the electronic receipt's. */
	record PaymentSucceeded(UUID eventId, Instant occurredAt, String aggregateId, ReferenceType referenceType,
			String referenceId, long amount, String receiptNumber, String platformTransactionId, String requestedBy)
			implements PaymentEvent {
	}

	record PaymentFailed(UUID eventId, Instant occurredAt, String aggregateId, ReferenceType referenceType,
			String referenceId, String reason, String requestedBy) implements PaymentEvent {
	}

	record PaymentExpired(UUID eventId, Instant occurredAt, String aggregateId, ReferenceType referenceType,
			String referenceId, String requestedBy) implements PaymentEvent {
	}

}
