package vn.gov.bca.platform.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.data.outbox.EventSchemaScope;

/**
 * What happens to a dossier, published by the owning service on its topic, keyed by dossier code;
 * the CloudEvents type is the service's prefix and the record's name
 * ({@code vn.gov.bca.passport.DossierAccepted}). Events carry the procedure and the new status,
 * never the applicant's personal data. Their JSON Schemas are the same on every topic, under
 * {@code META-INF/vneid/event-schemas/dossier/}.
 */
@EventSchemaScope("dossier")
public sealed interface DossierEvent extends DomainEvent {

	String procedureCode();

	DossierStatus status();

	record DossierSubmitted(UUID eventId, Instant occurredAt, String aggregateId, String procedureCode,
			DossierStatus status, Channel channel, String handlingUnit, LocalDate appointmentDate)
			implements DossierEvent {
	}

	record DossierAccepted(UUID eventId, Instant occurredAt, String aggregateId, String procedureCode,
			DossierStatus status, LocalDate appointmentDate) implements DossierEvent {
	}

	record DossierNotAccepted(UUID eventId, Instant occurredAt, String aggregateId, String procedureCode,
			DossierStatus status) implements DossierEvent {
	}

	record SupplementRequested(UUID eventId, Instant occurredAt, String aggregateId, String procedureCode,
			DossierStatus status, List<String> missing) implements DossierEvent {
	}

	record DossierSupplemented(UUID eventId, Instant occurredAt, String aggregateId, String procedureCode,
			DossierStatus status, LocalDate appointmentDate) implements DossierEvent {
	}

	record PaymentRequested(UUID eventId, Instant occurredAt, String aggregateId, String procedureCode,
			DossierStatus status, String paymentOrderId, long amount) implements DossierEvent {
	}

	record PaymentReceived(UUID eventId, Instant occurredAt, String aggregateId, String procedureCode,
			DossierStatus status, String paymentOrderId, String receiptNumber) implements DossierEvent {
	}

	record DossierWithdrawn(UUID eventId, Instant occurredAt, String aggregateId, String procedureCode,
			DossierStatus status) implements DossierEvent {
	}

	record DossierStopped(UUID eventId, Instant occurredAt, String aggregateId, String procedureCode,
			DossierStatus status) implements DossierEvent {
	}

	record DossierProcessed(UUID eventId, Instant occurredAt, String aggregateId, String procedureCode,
			DossierStatus status, boolean onTime) implements DossierEvent {
	}

	record ResultReturned(UUID eventId, Instant occurredAt, String aggregateId, String procedureCode,
			DossierStatus status, Dossier.ReturnMethod method) implements DossierEvent {
	}

}
