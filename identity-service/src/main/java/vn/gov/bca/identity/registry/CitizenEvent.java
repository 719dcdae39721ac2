package vn.gov.bca.identity.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;

/**
 * What happens to a citizen's record, on {@code identity.events.v1}, keyed by personal id. Events
 * name what changed, never the personal data itself: consumers ask the registry for what they may see.
 */
public sealed interface CitizenEvent extends DomainEvent {

	/** A citizen entered the population registry. */
	record CitizenRegistered(UUID eventId, Instant occurredAt, String aggregateId, String birthRegistrationProvince)
			implements CitizenEvent {
	}

	/** A citizen's record changed: which fields, never their old or new values. */
	record CitizenChanged(UUID eventId, Instant occurredAt, String aggregateId, List<String> fields)
			implements CitizenEvent {
	}

}
