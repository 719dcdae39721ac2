package vn.gov.bca.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

/**
 * Buckets in this gateway's memory. A full bucket holds nothing worth keeping (a new one starts
 * full), so when the map grows past a threshold the full ones are dropped, at most once a second,
 * which bounds memory under a flood of distinct keys without scanning the map on every request.
 */
public class InMemoryTokenBuckets implements TokenBuckets {

	private static final int EVICTION_THRESHOLD = 100_000;

	private static final long EVICTION_INTERVAL_NANOS = 1_000_000_000L;

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final LongSupplier nanoClock;

	private final AtomicLong nextEviction;

	public InMemoryTokenBuckets() {
		this(System::nanoTime);
	}

	InMemoryTokenBuckets(LongSupplier nanoClock) {
		this.nanoClock = nanoClock;
		this.nextEviction = new AtomicLong(nanoClock.getAsLong());
	}

	@Override
	public Mono<Decision> tryTake(String key, RateLimitProperties.Limit limit) {
		long now = this.nanoClock.getAsLong();
		long due = this.nextEviction.get();
		if (this.buckets.size() > EVICTION_THRESHOLD && now - due >= 0
				&& this.nextEviction.compareAndSet(due, now + EVICTION_INTERVAL_NANOS)) {
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
