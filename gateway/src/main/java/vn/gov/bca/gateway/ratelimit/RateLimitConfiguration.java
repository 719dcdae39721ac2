package vn.gov.bca.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import vn.gov.bca.gateway.routing.GatewayProperties;
import vn.gov.bca.platform.web.context.ClientAddress;
import vn.gov.bca.platform.web.error.Problems;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	@Bean
	TokenBuckets tokenBuckets(RateLimitProperties properties, ObjectProvider<ReactiveStringRedisTemplate> redis) {
		if (properties.getStore() == RateLimitProperties.Store.REDIS) {
			return new RedisTokenBuckets(redis.getObject());
		}
		return new InMemoryTokenBuckets();
	}

	@Bean
	RateLimitFilter rateLimitFilter(TokenBuckets buckets, RateLimitProperties properties, Problems problems,
			GatewayProperties gateway, ObjectProvider<MeterRegistry> metrics) {
		return new RateLimitFilter(buckets, properties, problems, new ClientAddress(gateway.getTrustedProxies()),
				metrics.getIfAvailable(SimpleMeterRegistry::new));
	}

}
