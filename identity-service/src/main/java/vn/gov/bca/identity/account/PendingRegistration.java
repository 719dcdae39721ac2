package vn.gov.bca.identity.account;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

import vn.gov.bca.identity.notification.Notification;

/**
 * A VNeID registration started and not yet confirmed (security review, finding 1). Every start
 * leaves one, whether the data matched the registry or not, so that the answer and what follows
 * do not tell a right guess from a wrong one: only a start whose data matched a living citizen
 * with a contact on record holds a code, which was sent to that contact; any other holds none and
 * can never be confirmed. A code is 6 digits, lives {@link #CODE_LIFETIME}, is kept only as a keyed
 * hash, and allows {@link #MAX_ATTEMPTS} tries. Pending registrations block nothing: several may
 * exist for one personal id (the real citizen's next to someone else's), they expire, and the
 * first confirmed one removes the others.
 */
public class PendingRegistration {

	static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

	static final int CODE_DIGITS = 6;

	static final int MAX_ATTEMPTS = 5;

	@Id
	private final String id;

	private final String personalId;

	private final Notification.Channel channel;

	private final String destination;

	private final String codeHash;

	private final int attempts;

	private final Instant createdAt;

	private final Instant expiresAt;

	@PersistenceCreator
	PendingRegistration(String id, String personalId, Notification.Channel channel, String destination,
			String codeHash, int attempts, Instant createdAt, Instant expiresAt) {
		this.id = id;
		this.personalId = personalId;
		this.channel = channel;
		this.destination = destination;
		this.codeHash = codeHash;
		this.attempts = attempts;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	/** A start whose data matched: the code (its keyed hash) went to the contact on record. */
	static PendingRegistration withCode(String id, String personalId, Notification.Channel channel,
			String destination, String codeHash, Instant now) {
		return new PendingRegistration(id, personalId, channel, destination, codeHash, 0, now,
				now.plus(CODE_LIFETIME));
	}

	/** A start that cannot be confirmed (no match, no contact, an account already): no code exists. */
	static PendingRegistration withoutCode(String id, String personalId, Instant now) {
		return new PendingRegistration(id, personalId, null, null, null, 0, now, now.plus(CODE_LIFETIME));
	}

	/** Whether a try may still be made at that instant (the attempt being counted is not yet included). */
	boolean acceptsAttemptAt(Instant now) {
		return now.isBefore(this.expiresAt) && this.attempts < MAX_ATTEMPTS;
	}

	/** Whether a code was sent at all (the data matched). */
	boolean hasCode() {
		return this.codeHash != null;
	}

	public String id() {
		return this.id;
	}

	public String personalId() {
		return this.personalId;
	}

	public Notification.Channel channel() {
		return this.channel;
	}

	public String destination() {
		return this.destination;
	}

	public String codeHash() {
		return this.codeHash;
	}

	public int attempts() {
		return this.attempts;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant expiresAt() {
		return this.expiresAt;
	}

}
