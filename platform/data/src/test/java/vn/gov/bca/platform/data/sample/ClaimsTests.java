package vn.gov.bca.platform.data.sample;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import vn.gov.bca.platform.data.claim.Claims;
import vn.gov.bca.platform.data.claim.Claims.Claim;
import vn.gov.bca.platform.testkit.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** "One open thing per key" against the test kit's MongoDB. */
@IntegrationTest
class ClaimsTests {

	@Autowired
	private ReactiveMongoTemplate mongo;

	private Claims claims;

	private Claims claims() {
		if (this.claims == null) {
			this.claims = new Claims(this.mongo, "sample_claims");
		}
		return this.claims;
	}

	private static String key() {
		return "FINE:" + UUID.randomUUID();
	}

	@Test
	void aFreeKeyIsTakenAndHeldUntilReleased() {
		String key = key();
		assertThat(claims().current(key).block()).isEqualTo(new Claim(null, null));

		assertThat(claims().take(key, "order-1").block()).isTrue();
		assertThat(claims().take(key, "order-1").block()).as("the holder asking again").isTrue();
		assertThat(claims().take(key, "order-2").block()).isFalse();
		assertThat(claims().current(key).block()).isEqualTo(new Claim("order-1", null));

		claims().release(key, "order-1").block();
		assertThat(claims().current(key).block()).isEqualTo(new Claim(null, null));
		assertThat(claims().take(key, "order-2").block()).isTrue();
	}

	@Test
	void onlyTheHolderReleases() {
		String key = key();
		claims().take(key, "order-1").block();

		claims().release(key, "order-2").block();

		assertThat(claims().current(key).block()).isEqualTo(new Claim("order-1", null));
	}

	@Test
	void aSettledKeyIsNeverTakenAgainAndIsSettledByOneHolderOnly() {
		String key = key();
		claims().take(key, "order-1").block();

		assertThat(claims().settle(key, "order-1").block()).isTrue();
		assertThat(claims().settle(key, "order-1").block()).as("settled again by the same").isTrue();
		assertThat(claims().current(key).block()).isEqualTo(new Claim(null, "order-1"));

		assertThat(claims().take(key, "order-1").block()).isFalse();
		assertThat(claims().take(key, "order-2").block()).isFalse();
		assertThat(claims().settle(key, "order-2").block()).as("a second payment").isFalse();
		assertThat(claims().current(key).block()).isEqualTo(new Claim(null, "order-1"));
	}

	@Test
	void settlingWinsOverAnotherOpenHolderAndSettlesAKeyNeverTaken() {
		String open = key();
		claims().take(open, "order-1").block();
		assertThat(claims().settle(open, "order-2").block()).isTrue();
		assertThat(claims().current(open).block()).isEqualTo(new Claim(null, "order-2"));

		String untaken = key();
		assertThat(claims().settle(untaken, "order-3").block()).isTrue();
		assertThat(claims().current(untaken).block()).isEqualTo(new Claim(null, "order-3"));
	}

	@RepeatedTest(5)
	void ofTwoConcurrentTakesExactlyOneWins() {
		String key = key();

		List<Boolean> results = Flux
			.merge(Mono.defer(() -> claims().take(key, "order-1")).subscribeOn(Schedulers.parallel()),
					Mono.defer(() -> claims().take(key, "order-2")).subscribeOn(Schedulers.parallel()))
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(results).containsExactlyInAnyOrder(true, false);
		assertThat(claims().current(key).block().openHolder()).isIn("order-1", "order-2");
	}

}
