package vn.gov.bca.platform.dossier.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;

import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Where a dossier stands with the national portal: the last event sent and the status it gave, the
 * progress sent up to when, the attempts of the update under way and the last error, and, once an
 * update was dead-lettered, the updates held behind it in their order (none of them is sent before
 * the one in front: the portal never gets a dossier's changes out of order). {@code changedDay} is
 * Vietnam's day of the last change, what the daily reconciliation looks for; {@code version} makes
 * every write conditional on the state it was computed from.
 */
public record SyncState(@Id String code, State state, String lastEventId, String lastEventType, Instant lastEventAt,
		String lastStatus, Instant progressSentUpTo, int attempts, String lastError, Instant lastAttemptAt,
		Instant syncedAt, String changedDay, List<String> sentEvents, List<PendingUpdate> held, long version) {

	/** How many of the last events sent are remembered, to skip one Kafka delivers again. */
	static final int REMEMBERED = 20;

	public enum State {

		/** Everything sent. */
		IN_STEP,
		/** The portal did not take the update in front yet: it is being tried again. */
		WAITING,
		/** The portal refused an update: it and the ones after it wait for an administrator. */
		DEAD_LETTERED

	}

	public SyncState {
		sentEvents = (sentEvents != null) ? List.copyOf(sentEvents) : List.of();
		held = (held != null) ? List.copyOf(held) : List.of();
	}

	/** A dossier never sent. */
	static SyncState none(String code) {
		return new SyncState(code, State.IN_STEP, null, null, null, null, null, 0, null, null, null, null, List.of(),
				List.of(), 0);
	}

	boolean isNew() {
		return this.version == 0;
	}

	boolean hasSent(String eventId) {
		return this.sentEvents.contains(eventId);
	}

	boolean isDeadLettered() {
		return this.state == State.DEAD_LETTERED;
	}

	/** The update was taken by the portal, with the progress up to {@code progressUpTo}. */
	SyncState sent(PendingUpdate update, String nationalStatus, Instant progressUpTo, Instant now) {
		List<String> sent = new ArrayList<>(this.sentEvents);
		sent.add(update.eventId());
		List<String> remembered = sent.subList(Math.max(0, sent.size() - REMEMBERED), sent.size());
		List<PendingUpdate> rest = this.held.stream().filter((pending) -> !pending.eventId().equals(update.eventId())).toList();
		return new SyncState(this.code, rest.isEmpty() ? State.IN_STEP : this.state, update.eventId(), update.type(),
				update.occurredAt(), nationalStatus, later(this.progressSentUpTo, progressUpTo), 0, null, now, now,
				VietnamTime.dayOf(now).toString(), remembered, rest, this.version + 1);
	}

	/** The portal did not take it (yet). */
	SyncState failed(PendingUpdate update, String error, Instant now) {
		return new SyncState(this.code, this.isDeadLettered() ? State.DEAD_LETTERED : State.WAITING, this.lastEventId,
				this.lastEventType, this.lastEventAt, this.lastStatus, this.progressSentUpTo, this.attempts + 1, error, now,
				this.syncedAt, this.changedDay, this.sentEvents, this.held, this.version + 1);
	}

	/** The update in front is put aside for an administrator, and what comes after waits behind it. */
	SyncState deadLettered(PendingUpdate update, String error, Instant now) {
		return new SyncState(this.code, State.DEAD_LETTERED, this.lastEventId, this.lastEventType, this.lastEventAt,
				this.lastStatus, this.progressSentUpTo, this.attempts + 1, error, now, this.syncedAt,
				VietnamTime.dayOf(now).toString(), this.sentEvents, appended(update), this.version + 1);
	}

	/** A later update of a dead-lettered dossier, held in order. */
	SyncState holding(PendingUpdate update) {
		return new SyncState(this.code, this.state, this.lastEventId, this.lastEventType, this.lastEventAt,
				this.lastStatus, this.progressSentUpTo, this.attempts, this.lastError, this.lastAttemptAt, this.syncedAt,
				this.changedDay, this.sentEvents, appended(update), this.version + 1);
	}

	/** The held update in front is dropped by an administrator; the next one is in front, untried. */
	SyncState skipping(String eventId) {
		List<PendingUpdate> rest = this.held.stream().filter((pending) -> !pending.eventId().equals(eventId)).toList();
		return new SyncState(this.code, this.state, this.lastEventId, this.lastEventType, this.lastEventAt,
				this.lastStatus, this.progressSentUpTo, 0, null, this.lastAttemptAt, this.syncedAt, this.changedDay,
				this.sentEvents, rest, this.version + 1);
	}

	/** The dossier was sent again whole by the reconciliation. */
	SyncState repaired(Instant now) {
		return new SyncState(this.code, this.state, this.lastEventId, this.lastEventType, this.lastEventAt,
				this.lastStatus, this.progressSentUpTo, this.attempts, this.lastError, this.lastAttemptAt, now,
				this.changedDay, this.sentEvents, this.held, this.version + 1);
	}

	private List<PendingUpdate> appended(PendingUpdate update) {
		if (this.held.stream().anyMatch((pending) -> pending.eventId().equals(update.eventId()))) {
			return this.held;
		}
		List<PendingUpdate> held = new ArrayList<>(this.held);
		held.add(update);
		return held;
	}

	private static Instant later(Instant a, Instant b) {
		return (a == null || (b != null && b.isAfter(a))) ? b : a;
	}

}
