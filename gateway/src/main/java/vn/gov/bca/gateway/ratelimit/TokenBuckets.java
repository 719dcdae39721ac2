package vn.gov.bca.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Where the buckets live: this gateway's memory, or Redis shared by every gateway replica. */
public interface TokenBuckets {

	/** Takes one token from the key's bucket if it has one. */
	Mono<Decision> tryTake(String key, RateLimitProperties.Limit limit);

	/**
	 * @param allowed whether the request may go on
	 * @param remaining whole tokens left
	 * @param retryAfterSeconds when a refused request may try again
	 */
	record Decision(boolean allowed, long remaining, long retryAfterSeconds) {

		static Decision of(double tokensLeft, boolean allowed, RateLimitProperties.Limit limit) {
			long retryAfter = allowed ? 0 : (long) Math.ceil((1 - tokensLeft) / limit.refillPerSecond());
			return new Decision(allowed, (long) Math.floor(tokensLeft), Math.max(retryAfter, allowed ? 0 : 1));
		}

	}

}
