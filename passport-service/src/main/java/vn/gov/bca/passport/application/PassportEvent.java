package vn.gov.bca.passport.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;

/** Passport-specific events on {@code passport.events.v1}, besides the shared dossier events. */
public sealed interface PassportEvent extends DomainEvent {

	/** The dossier was approved and a passport issued (its number; no holder data). */
	record PassportIssued(UUID eventId, Instant occurredAt, String aggregateId, String passportNumber,
			LocalDate expiresOn, boolean chip) implements PassportEvent {
	}

}
