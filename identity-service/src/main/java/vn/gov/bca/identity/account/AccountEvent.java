package vn.gov.bca.identity.account;

import java.time.Instant;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;

/**
 * What happens to a VNeID account, on {@code identity.events.v1}, keyed by personal id. No contact
 * details or names: only what changed.
 */
public sealed interface AccountEvent extends DomainEvent {

	/** A citizen registered a level-1 account (its identity matched the registry). */
	record AccountRegistered(UUID eventId, Instant occurredAt, String aggregateId, int identityLevel)
			implements AccountEvent {
	}

	/** An officer verified the citizen in person and raised the account's identity level. */
	record AccountLevelRaised(UUID eventId, Instant occurredAt, String aggregateId, int fromLevel, int toLevel,
			String verifyingAgency) implements AccountEvent {
	}

	/** An officer locked the account: it can no longer sign in. */
	record AccountLocked(UUID eventId, Instant occurredAt, String aggregateId, Account.LockReason reason)
			implements AccountEvent {
	}

	/** An officer unlocked the account. */
	record AccountUnlocked(UUID eventId, Instant occurredAt, String aggregateId) implements AccountEvent {
	}

}
