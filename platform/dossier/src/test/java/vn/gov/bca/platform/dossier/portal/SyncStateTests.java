package vn.gov.bca.platform.dossier.portal;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.dossier.DossierStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** A dossier's sync state: what was sent, what failed, what is held behind a dead letter, in order. */
class SyncStateTests {

	private static final Instant NOW = Instant.parse("2026-12-01T17:30:00Z");

	@Test
	void aSentUpdateIsRememberedAndTheFailuresBeforeItForgotten() {
		PendingUpdate accepted = update(DossierStatus.ACCEPTED);
		SyncState failed = SyncState.none("X-261202-0001").failed(accepted, "HTTP 503", NOW).failed(accepted, "HTTP 503", NOW);
		assertThat(failed.state()).isEqualTo(SyncState.State.WAITING);
		assertThat(failed.attempts()).isEqualTo(2);

		SyncState sent = failed.sent(accepted, "2", accepted.occurredAt(), NOW);
		assertThat(sent.state()).isEqualTo(SyncState.State.IN_STEP);
		assertThat(sent.attempts()).isZero();
		assertThat(sent.lastError()).isNull();
		assertThat(sent.lastStatus()).isEqualTo("2");
		assertThat(sent.hasSent(accepted.eventId())).isTrue();
		// Vietnam's day of the change: 00:30 on 2 December there.
		assertThat(sent.changedDay()).isEqualTo("2026-12-02");
		assertThat(sent.version()).isEqualTo(3);
	}

	@Test
	void theLastTwentyEventsSentAreRemembered() {
		SyncState state = SyncState.none("X-261202-0001");
		PendingUpdate first = update(DossierStatus.SUBMITTED);
		state = state.sent(first, "1", NOW, NOW);
		for (int i = 0; i < SyncState.REMEMBERED; i++) {
			state = state.sent(update(DossierStatus.IN_PROGRESS), "4", NOW, NOW);
		}
		assertThat(state.sentEvents()).hasSize(SyncState.REMEMBERED);
		assertThat(state.hasSent(first.eventId())).isFalse();
	}

	@Test
	void updatesAfterADeadLetterAreHeldInOrderAndLeaveAsTheyAreSent() {
		PendingUpdate accepted = update(DossierStatus.ACCEPTED);
		PendingUpdate processed = update(DossierStatus.PROCESSED);
		SyncState dead = SyncState.none("X-261202-0001").deadLettered(accepted, "error_code 2", NOW).holding(processed);
		assertThat(dead.state()).isEqualTo(SyncState.State.DEAD_LETTERED);
		assertThat(dead.held()).containsExactly(accepted, processed);
		assertThat(dead.holding(processed).held()).containsExactly(accepted, processed);

		SyncState first = dead.sent(accepted, "2", accepted.occurredAt(), NOW);
		assertThat(first.state()).isEqualTo(SyncState.State.DEAD_LETTERED);
		assertThat(first.held()).containsExactly(processed);
		SyncState both = first.sent(processed, "9", processed.occurredAt(), NOW);
		assertThat(both.state()).isEqualTo(SyncState.State.IN_STEP);
		assertThat(both.held()).isEmpty();
		// A failure while dead-lettered stays dead-lettered.
		assertThat(dead.failed(accepted, "again", NOW).state()).isEqualTo(SyncState.State.DEAD_LETTERED);
	}

	private static PendingUpdate update(DossierStatus status) {
		return new PendingUpdate(UUID.randomUUID().toString(), "Event", status, NOW);
	}

}
