package vn.gov.bca.residence.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;

/**
 * What happens in the residence register, on {@code residence.events.v1}, keyed by the resident's
 * reference (an opaque id, never the personal id: the Kafka key keeps one resident's events in order).
 * Events carry ids and places, no name, no personal id, no street: a consumer that may know more
 * asks {@code /internal/residence/residents/{reference}} with its service account.
 */
public sealed interface ResidenceEvent extends DomainEvent {

	/** A permanent residence registered (the previous one, if any, ended with it). */
	record PermanentResidenceRegistered(UUID eventId, Instant occurredAt, String aggregateId, String entryId,
			String province, String commune, String dossierCode) implements ResidenceEvent {
	}

	/** A temporary residence registered, until the day given. */
	record TemporaryResidenceRegistered(UUID eventId, Instant occurredAt, String aggregateId, String entryId,
			String province, String commune, LocalDate until, String dossierCode) implements ResidenceEvent {
	}

	/** A temporary residence renewed to a new last day. */
	record TemporaryResidenceRenewed(UUID eventId, Instant occurredAt, String aggregateId, String entryId,
			LocalDate until, String dossierCode) implements ResidenceEvent {
	}

	/** An absence declared (tạm vắng), for the period given. */
	record AbsenceDeclared(UUID eventId, Instant occurredAt, String aggregateId, String entryId, String province,
			LocalDate from, LocalDate until, String dossierCode) implements ResidenceEvent {
	}

	/** A registration deleted, on which legal ground, by which dossier or confirmed proposal. */
	record ResidenceDeleted(UUID eventId, Instant occurredAt, String aggregateId, String entryId,
			ResidentFile.Kind kind, String province, String ground, String decidedBy) implements ResidenceEvent {
	}

}
