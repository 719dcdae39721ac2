package vn.gov.bca.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

/**
 * Buckets in this gateway's memory. Idle buckets are refilled anyway, so a bucket untouched for
 * longer than it takes to refill is dropped when the map grows, which bounds memory under a
 * flood of distinct keys.
 */
public class InMemoryTokenBuckets implements TokenBuckets {

	private static final int EVICTION_THRESHOLD = 100_000;

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final LongSupplier nanoClock;

	public InMemoryTokenBuckets() {
		this(System::nanoTime);
	}

	InMemoryTokenBuckets(LongSupplier nanoClock) {
		this.nanoClock = nanoClock;
	}

	@Override
	public Mono<Decision> tryTake(String key, RateLimitProperties.Limit limit) {
		long now = this.nanoClock.getAsLong();
		if (this.buckets.size() > EVICTION_THRESHOLD) {
			this.buckets.values().removeIf((bucket) -> bucket.isFullAt(now));
		}
		Bucket bucket = this.buckets.computeIfAbsent(key, (ignored) -> new Bucket(limit, now));
		return Mono.just(bucket.take(now));
	}

	int size() {
		return this.buckets.size();
	}

	private static final class Bucket {

		private final RateLimitProperties.Limit limit;

		private double tokens;

		private long updatedAt;

		Bucket(RateLimitProperties.Limit limit, long now) {
			this.limit = limit;
			this.tokens = limit.capacity();
			this.updatedAt = now;
		}

		synchronized Decision take(long now) {
			refill(now);
			boolean allowed = this.tokens >= 1;
			if (allowed) {
				this.tokens -= 1;
			}
			return Decision.of(this.tokens, allowed, this.limit);
		}

		synchronized boolean isFullAt(long now) {
			refill(now);
			return this.tokens >= this.limit.capacity();
		}

		private void refill(long now) {
			double elapsedSeconds = Math.max(0, now - this.updatedAt) / 1e9;
			this.tokens = Math.min(this.limit.capacity(), this.tokens + elapsedSeconds * this.limit.refillPerSecond());
			this.updatedAt = now;
		}

	}

}
