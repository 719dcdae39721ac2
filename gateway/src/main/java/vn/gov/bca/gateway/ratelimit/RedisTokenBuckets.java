package vn.gov.bca.gateway.ratelimit;

import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis, shared by every gateway replica. One Lua script reads, refills and takes
 * atomically on the Redis server, with the server's clock, so replicas never race on a bucket.
 * If Redis cannot be reached the request is let through (logged by the caller): the limit
 * protects the services, it must not become the outage itself.
 */
public class RedisTokenBuckets implements TokenBuckets {

	private static final RedisScript<List> SCRIPT = RedisScript.of("""
			local capacity = tonumber(ARGV[1])
			local rate = tonumber(ARGV[2])
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
			local tokens = tonumber(state[1]) or capacity
			local at = tonumber(state[2]) or now
			tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)
			local allowed = 0
			if tokens >= 1 then
			  tokens = tokens - 1
			  allowed = 1
			end
			redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
			redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
			return { allowed, tostring(tokens) }
			""", List.class);

	private final ReactiveStringRedisTemplate redis;

	public RedisTokenBuckets(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public Mono<Decision> tryTake(String key, RateLimitProperties.Limit limit) {
		return this.redis
			.execute(SCRIPT, List.of("vneid:rate:" + key),
					List.of(Long.toString(limit.capacity()), Double.toString(limit.refillPerSecond())))
			.next()
			.map((result) -> {
				boolean allowed = ((Number) result.get(0)).longValue() == 1;
				double tokens = Double.parseDouble(String.valueOf(result.get(1)));
				return Decision.of(tokens, allowed, limit);
			});
	}

}
