package vn.gov.bca.gateway.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway replicas share their buckets through a real Redis server: together they let through
 * no more than one bucket's burst.
 */
class RedisTokenBucketsTests {

	private static RedisServer redis;

	private static int port;

	private static final List<LettuceConnectionFactory> connections = new ArrayList<>();

	private final RateLimitProperties.Limit limit = new RateLimitProperties.Limit(4, 0.5);

	@BeforeAll
	static void startRedis() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		redis = new RedisServer(port);
		redis.start();
	}

	@AfterAll
	static void stopRedis() throws IOException {
		connections.forEach(LettuceConnectionFactory::destroy);
		redis.stop();
	}

	@Test
	void replicasSpendOneSharedBucket() {
		RedisTokenBuckets first = replica();
		RedisTokenBuckets second = replica();
		String key = "sub:" + UUID.randomUUID();

		List<Boolean> allowed = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			RedisTokenBuckets replica = (i % 2 == 0) ? first : second;
			allowed.add(replica.tryTake(key, this.limit).block().allowed());
		}

		assertThat(allowed).containsExactly(true, true, true, true, false, false, false, false);
		TokenBuckets.Decision refused = second.tryTake(key, this.limit).block();
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isBetween(1L, 2L);
	}

	@Test
	void keepsKeysApart() {
		RedisTokenBuckets replica = replica();
		String key = "ip:" + UUID.randomUUID();
		for (int i = 0; i < 4; i++) {
			replica.tryTake(key, this.limit).block();
		}
		assertThat(replica.tryTake(key, this.limit).block().allowed()).isFalse();
		assertThat(replica.tryTake("ip:" + UUID.randomUUID(), this.limit).block().allowed()).isTrue();
	}

	private static RedisTokenBuckets replica() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("localhost", port));
		factory.afterPropertiesSet();
		factory.start();
		connections.add(factory);
		return new RedisTokenBuckets(new ReactiveStringRedisTemplate(factory));
	}

}
