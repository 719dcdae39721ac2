package vn.gov.bca.identity.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A message to a citizen at a contact the registry holds for them.
 *
 * @param id the message id (also the dev sink's file name)
 * @param createdAt when it was written
 * @param channel SMS to a phone number, EMAIL to an address
 * @param to the phone number or e-mail address on record
 * @param kind what the message is for
 * @param code the one-time code it carries, or null
 * @param expiresAt when the code stops working, or null
 * @param text the message as the citizen reads it (Vietnamese)
 */
public record Notification(UUID id, Instant createdAt, Channel channel, String to, Kind kind, String code,
		Instant expiresAt, String text) {

	/** How a message reaches the citizen. */
	public enum Channel {

		SMS, EMAIL

	}

	/** What a message is for. */
	public enum Kind {

		/** The one-time code that confirms a VNeID account registration. */
		ACCOUNT_REGISTRATION_CODE,

		/** Someone started a registration for a citizen who already has an account: no code, a warning. */
		ACCOUNT_ALREADY_EXISTS

	}

	@Override
	public String toString() {
		// Never the code or the contact in logs.
		return "Notification[" + this.id + ", " + this.channel + ", " + this.kind + "]";
	}

}
