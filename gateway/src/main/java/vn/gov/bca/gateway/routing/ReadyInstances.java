package vn.gov.bca.gateway.routing;

import java.util.List;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

/**
 * The instances a route's load balancer takes turns with: the configured ones that
 * {@link InstanceReadiness} last found ready; all of them when none is (the call then fails fast
 * and the route's fallback answers 503).
 */
final class ReadyInstances implements ServiceInstanceListSupplier {

	private final ServiceInstanceListSupplier configured;

	private final InstanceReadiness readiness;

	ReadyInstances(ServiceInstanceListSupplier configured, InstanceReadiness readiness) {
		this.configured = configured;
		this.readiness = readiness;
	}

	@Override
	public String getServiceId() {
		return this.configured.getServiceId();
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return this.configured.get().map((instances) -> {
			List<ServiceInstance> ready = instances.stream()
				.filter((instance) -> this.readiness.isReady(instance.getUri()))
				.toList();
			return ready.isEmpty() ? instances : ready;
		});
	}

	/**
	 * Each service's load-balancer configuration ({@code @LoadBalancerClients} on
	 * {@link RoutingConfiguration}); not a component, so that it is read only in each load
	 * balancer's own context.
	 */
	static class Configuration {

		@Bean
		ServiceInstanceListSupplier readyInstances(ConfigurableApplicationContext context, InstanceReadiness readiness) {
			return new ReadyInstances(ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context),
					readiness);
		}

	}

}
