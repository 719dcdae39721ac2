package vn.gov.bca.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryTokenBucketsTests {

	private final AtomicLong clock = new AtomicLong(1_000_000_000L);

	private final InMemoryTokenBuckets buckets = new InMemoryTokenBuckets(this.clock::get);

	private final RateLimitProperties.Limit limit = new RateLimitProperties.Limit(3, 1);

	@Test
	void spendsTheBurstThenRefusesWithTheTimeUntilTheNextToken() {
		for (int i = 2; i >= 0; i--) {
			TokenBuckets.Decision decision = take("sub:a");
			assertThat(decision.allowed()).isTrue();
			assertThat(decision.remaining()).isEqualTo(i);
		}
		TokenBuckets.Decision refused = take("sub:a");
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isEqualTo(1);
	}

	@Test
	void refillsAtTheConfiguredRateUpToTheBurst() {
		take("sub:a");
		take("sub:a");
		take("sub:a");
		this.clock.addAndGet(1_500_000_000L);
		assertThat(take("sub:a").allowed()).isTrue();
		assertThat(take("sub:a").allowed()).isFalse();
		this.clock.addAndGet(60_000_000_000L);
		assertThat(take("sub:a").remaining()).isEqualTo(2);
	}

	@Test
	void keepsEachKeysBucketApart() {
		take("sub:a");
		take("sub:a");
		take("sub:a");
		assertThat(take("sub:a").allowed()).isFalse();
		assertThat(take("sub:b").allowed()).isTrue();
	}

	@Test
	void dropsFullBucketsWhenTheMapGrowsPastItsBound() {
		for (int i = 0; i <= 100_000; i++) {
			take("ip:" + i);
		}
		this.clock.addAndGet(10_000_000_000L);
		take("ip:new");
		assertThat(this.buckets.size()).isEqualTo(1);
	}

	private TokenBuckets.Decision take(String key) {
		return this.buckets.tryTake(key, this.limit).block();
	}

}
