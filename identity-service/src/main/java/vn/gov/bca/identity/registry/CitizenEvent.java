package vn.gov.bca.identity.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;

/**
 * What happens to a citizen's record, on {@code identity.events.v1}. Events name what changed,
 * never the personal data itself: consumers ask the registry for what they may see. Their
 * {@code aggregateId} (hence the Kafka key and {@code ce_subject}) is the citizen's pseudonym
 * ({@link vn.gov.bca.identity.privacy.Pseudonyms}), never the personal id: the registry replaces
 * the number by it when it stores the events ({@link #withAggregateId}).
 */
public sealed interface CitizenEvent extends DomainEvent {

	/** The same event for another aggregate id: the pseudonym in place of the personal id. */
	CitizenEvent withAggregateId(String aggregateId);

	/** A citizen entered the population registry. */
	record CitizenRegistered(UUID eventId, Instant occurredAt, String aggregateId, String birthRegistrationProvince)
			implements CitizenEvent {

		@Override
		public CitizenRegistered withAggregateId(String id) {
			return new CitizenRegistered(this.eventId, this.occurredAt, id, this.birthRegistrationProvince);
		}

	}

	/**
	 * The citizen's card must be exchanged at the age it reaches on {@code lastValidDay}, its last valid
	 * day (Law on Identification 26/2023 Art. 21(1)): the reminder, once per card, for the
	 * notification channel and other services. Only the pseudonym, the day and the age.
	 */
	record IdentityCardExchangeDue(UUID eventId, Instant occurredAt, String aggregateId,
			java.time.LocalDate lastValidDay, int exchangeAge) implements CitizenEvent {

		@Override
		public IdentityCardExchangeDue withAggregateId(String id) {
			return new IdentityCardExchangeDue(this.eventId, this.occurredAt, id, this.lastValidDay, this.exchangeAge);
		}

	}

	/**
	 * A card was issued to the citizen (first issue, or replacing the previous card), with its dates
	 * and the dossier that produced it (null for a card recorded directly); never the holder's data.
	 */
	record IdentityCardIssued(UUID eventId, Instant occurredAt, String aggregateId, java.time.LocalDate issuedOn,
			java.time.LocalDate expiresOn, boolean replacesPrevious, String dossierCode) implements CitizenEvent {

		@Override
		public IdentityCardIssued withAggregateId(String id) {
			return new IdentityCardIssued(this.eventId, this.occurredAt, id, this.issuedOn, this.expiresOn,
					this.replacesPrevious, this.dossierCode);
		}

	}

	/** A citizen's record changed: which fields, never their old or new values. */
	record CitizenChanged(UUID eventId, Instant occurredAt, String aggregateId, List<String> fields)
			implements CitizenEvent {

		@Override
		public CitizenChanged withAggregateId(String id) {
			return new CitizenChanged(this.eventId, this.occurredAt, id, this.fields);
		}

	}

}
