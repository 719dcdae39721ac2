package vn.gov.bca.nationalportalsandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sessions issued at sign-in: a random token accepted until it expires, or until all are expired on purpose. */
final class Sessions {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

	private final Duration lifetime;

	private final Clock clock;

	Sessions(Duration lifetime, Clock clock) {
		this.lifetime = lifetime;
		this.clock = clock;
	}

	/** A new session and when it expires. */
	Map.Entry<String, Instant> issue() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		Instant expiresAt = this.clock.instant().plus(this.lifetime);
		this.expiries.entrySet().removeIf((session) -> !session.getValue().isAfter(this.clock.instant()));
		this.expiries.put(token, expiresAt);
		return Map.entry(token, expiresAt);
	}

	boolean isValid(String token) {
		Instant expiresAt = (token == null) ? null : this.expiries.get(token);
		return expiresAt != null && expiresAt.isAfter(this.clock.instant());
	}

	/** Every session issued so far stops being accepted (a portal that restarted or rotated its keys). */
	int expireAll() {
		int count = this.expiries.size();
		this.expiries.clear();
		return count;
	}

	Duration lifetime() {
		return this.lifetime;
	}

}
