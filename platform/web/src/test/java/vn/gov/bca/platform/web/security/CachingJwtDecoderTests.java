package vn.gov.bca.platform.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class CachingJwtDecoderTests {

	private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");

	private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

	private final Clock clock = new Clock() {
		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Ho_Chi_Minh");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return CachingJwtDecoderTests.this.now.get();
		}
	};

	private final AtomicInteger decoded = new AtomicInteger();

	/** Accepts "good-*" tokens expiring five minutes after NOW, refuses the rest. */
	private final ReactiveJwtDecoder decoder = (token) -> {
		this.decoded.incrementAndGet();
		if (!token.startsWith("good")) {
			return Mono.error(new BadJwtException("bad signature"));
		}
		return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(token).issuedAt(NOW)
			.expiresAt(NOW.plus(Duration.ofMinutes(5))).build());
	};

	@Test
	void anAcceptedTokenIsDecodedOnceUntilItExpires() {
		CachingJwtDecoder cache = new CachingJwtDecoder(this.decoder, this.clock, 100);
		StepVerifier.create(cache.decode("good-1")).expectNextCount(1).verifyComplete();
		this.now.set(NOW.plus(Duration.ofMinutes(4)));
		StepVerifier.create(cache.decode("good-1"))
			.assertNext((jwt) -> assertThat(jwt.getSubject()).isEqualTo("good-1"))
			.verifyComplete();
		assertThat(this.decoded).hasValue(1);
		// At its expiry the decoder decides again (and here refuses nothing but keeps no expired token).
		this.now.set(NOW.plus(Duration.ofMinutes(5)));
		StepVerifier.create(cache.decode("good-1")).expectNextCount(1).verifyComplete();
		assertThat(this.decoded).hasValue(2);
		assertThat(cache.size()).isZero();
	}

	@Test
	void aRefusedTokenIsNeverKept() {
		CachingJwtDecoder cache = new CachingJwtDecoder(this.decoder, this.clock, 100);
		for (int i = 0; i < 3; i++) {
			StepVerifier.create(cache.decode("forged")).expectError(BadJwtException.class).verify();
		}
		assertThat(this.decoded).hasValue(3);
		assertThat(cache.size()).isZero();
	}

	@Test
	void noMoreTokensThanTheLimitAreKept() {
		CachingJwtDecoder cache = new CachingJwtDecoder(this.decoder, this.clock, 10);
		for (int i = 0; i < 25; i++) {
			StepVerifier.create(cache.decode("good-" + i)).expectNextCount(1).verifyComplete();
			assertThat(cache.size()).isLessThanOrEqualTo(10);
		}
	}

}
