package vn.gov.bca.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.gov.bca.gateway.edge.BodyTooLargeException;

/**
 * One circuit breaker per route, named after the service, with the route timeout as its time
 * limit (resilience4j's default of 1 s is too short for a service's first, cold requests).
 * Downstream 4xx answers pass through and never count as failures, nor does a body refused for
 * its size (at the edge, or by the service closing the connection before it was all sent). Each
 * route's load balancer takes turns with the service's instances that answer ready.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
@LoadBalancerClients(defaultConfiguration = ReadyInstances.Configuration.class)
class RoutingConfiguration {

	@Bean
	InstanceReadiness instanceReadiness(SimpleDiscoveryProperties discovery) {
		return new InstanceReadiness(discovery);
	}

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(GatewayProperties properties) {
		return (factory) -> factory.configureDefault((id) -> new Resilience4JConfigBuilder(id)
			.timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.getRouteTimeout()).build())
			.circuitBreakerConfig(CircuitBreakerConfig.custom()
				.slidingWindowSize(50)
				.minimumNumberOfCalls(20)
				.failureRateThreshold(50)
				// A body over its limit is the client's error, not the service's (review finding 3).
				.ignoreExceptions(BodyTooLargeException.class)
				.build())
			.build());
	}

}
