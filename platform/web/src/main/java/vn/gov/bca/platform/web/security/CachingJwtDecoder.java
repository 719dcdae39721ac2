package vn.gov.bca.platform.web.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the tokens the decoder has accepted, until each one expires, so that a client sending
 * the same token on every request (a portal's service account, a citizen's app session) has its
 * signature checked and its claims parsed once, not on every call: the RS256 check and the JSON
 * parsing were the largest part of a request's CPU in the gateway and in the services (issue 18's
 * profile).
 *
 * <p>Only what the decoder accepted is kept, keyed by the token's exact text: the signature was
 * checked on exactly that text. Every validator of the decoder but the time check depends only on
 * the token (issuer, audience, refused clients); the time check is made again here on each hit,
 * stricter than the decoder's (no clock skew): an entry is dropped at the token's {@code exp}, and
 * the decoder then decides, as it would have without the cache. A refused token is never kept,
 * so a flood of forged tokens fills nothing. At most {@code maxEntries} tokens are kept; when that
 * many are held, the expired ones are dropped, and if none had expired, all.
 */
public final class CachingJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder decoder;

	private final Clock clock;

	private final int maxEntries;

	private final ConcurrentHashMap<String, Jwt> accepted = new ConcurrentHashMap<>();

	public CachingJwtDecoder(ReactiveJwtDecoder decoder, Clock clock, int maxEntries) {
		this.decoder = decoder;
		this.clock = clock;
		this.maxEntries = maxEntries;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.accepted.get(token);
		if (known != null) {
			if (current(known, this.clock.instant())) {
				return Mono.just(known);
			}
			this.accepted.remove(token, known);
		}
		return this.decoder.decode(token).doOnNext((jwt) -> remember(token, jwt));
	}

	private void remember(String token, Jwt jwt) {
		Instant now = this.clock.instant();
		if (!current(jwt, now)) {
			return;
		}
		if (this.accepted.size() >= this.maxEntries) {
			this.accepted.values().removeIf((held) -> !current(held, now));
			if (this.accepted.size() >= this.maxEntries) {
				this.accepted.clear();
			}
		}
		this.accepted.put(token, jwt);
	}

	/** Only a token with an expiry is kept, and only before it. */
	private static boolean current(Jwt jwt, Instant now) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt != null && now.isBefore(expiresAt);
	}

	/** How many tokens are held (for tests). */
	int size() {
		return this.accepted.size();
	}

}
