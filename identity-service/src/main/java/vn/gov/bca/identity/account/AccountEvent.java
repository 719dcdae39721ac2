package vn.gov.bca.identity.account;

import java.time.Instant;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;

/**
 * What happens to a VNeID account, on {@code identity.events.v1}. No contact details or names:
 * only what changed. The {@code aggregateId} (Kafka key, {@code ce_subject}) is the citizen's
 * pseudonym, never the personal id: the service replaces the number by it when it stores the
 * events ({@link #withAggregateId}).
 */
public sealed interface AccountEvent extends DomainEvent {

	/** The same event for another aggregate id: the pseudonym in place of the personal id. */
	AccountEvent withAggregateId(String aggregateId);

	/** A citizen registered a level-1 account (its identity matched the registry and a code sent to its contact came back). */
	record AccountRegistered(UUID eventId, Instant occurredAt, String aggregateId, int identityLevel)
			implements AccountEvent {

		@Override
		public AccountRegistered withAggregateId(String id) {
			return new AccountRegistered(this.eventId, this.occurredAt, id, this.identityLevel);
		}

	}

	/** An officer verified the citizen in person and raised the account's identity level. */
	record AccountLevelRaised(UUID eventId, Instant occurredAt, String aggregateId, int fromLevel, int toLevel,
			String verifyingAgency) implements AccountEvent {

		@Override
		public AccountLevelRaised withAggregateId(String id) {
			return new AccountLevelRaised(this.eventId, this.occurredAt, id, this.fromLevel, this.toLevel,
					this.verifyingAgency);
		}

	}

	/** An officer locked the account: it can no longer sign in. */
	record AccountLocked(UUID eventId, Instant occurredAt, String aggregateId, Account.LockReason reason)
			implements AccountEvent {

		@Override
		public AccountLocked withAggregateId(String id) {
			return new AccountLocked(this.eventId, this.occurredAt, id, this.reason);
		}

	}

	/** An officer unlocked the account. */
	record AccountUnlocked(UUID eventId, Instant occurredAt, String aggregateId) implements AccountEvent {

		@Override
		public AccountUnlocked withAggregateId(String id) {
			return new AccountUnlocked(this.eventId, this.occurredAt, id);
		}

	}

}
