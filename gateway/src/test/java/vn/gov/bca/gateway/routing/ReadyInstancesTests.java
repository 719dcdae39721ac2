package vn.gov.bca.gateway.routing;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

import vn.gov.bca.platform.testkit.EchoServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The load balancer takes turns only with the instances that answer ready. */
class ReadyInstancesTests {

	private final EchoServer running = new EchoServer();

	/** Nothing listens there: an instance that was stopped. */
	private final URI stopped = URI.create("http://127.0.0.1:9");

	@AfterEach
	void stop() {
		this.running.close();
	}

	@Test
	void aStoppedInstanceGetsNoRequestsAfterTheNextCheck() {
		URI ready = URI.create(this.running.url());
		InstanceReadiness readiness = new InstanceReadiness(discovery(ready, this.stopped));
		ReadyInstances instances = new ReadyInstances(supplier(ready, this.stopped), readiness);
		assertThat(uris(instances)).as("before any check, both take turns").containsExactly(ready, this.stopped);

		readiness.checkAll();

		assertThat(readiness.isReady(ready)).isTrue();
		assertThat(readiness.isReady(this.stopped)).isFalse();
		assertThat(uris(instances)).containsExactly(ready);
	}

	@Test
	void whenNoInstanceIsReadyTheCallGoesOnAndFailsAsItWould() {
		InstanceReadiness readiness = new InstanceReadiness(discovery(this.stopped));
		readiness.checkAll();
		assertThat(uris(new ReadyInstances(supplier(this.stopped), readiness))).containsExactly(this.stopped);
	}

	private static List<URI> uris(ServiceInstanceListSupplier instances) {
		return instances.get().blockFirst().stream().map(ServiceInstance::getUri).toList();
	}

	private static SimpleDiscoveryProperties discovery(URI... uris) {
		SimpleDiscoveryProperties properties = new SimpleDiscoveryProperties();
		List<InstanceProperties> instances = Arrays.stream(uris).map((uri) -> {
			InstanceProperties instance = new InstanceProperties();
			instance.setUri(uri);
			return instance;
		}).toList();
		properties.setInstances(Map.of("passport-service", instances));
		return properties;
	}

	private static ServiceInstanceListSupplier supplier(URI... uris) {
		List<ServiceInstance> instances = Arrays.stream(uris)
			.map((uri) -> (ServiceInstance) new DefaultServiceInstance(uri.toString(), "passport-service",
					uri.getHost(), uri.getPort(), false))
			.toList();
		return new ServiceInstanceListSupplier() {
			@Override
			public String getServiceId() {
				return "passport-service";
			}

			@Override
			public Flux<List<ServiceInstance>> get() {
				return Flux.just(instances);
			}
		};
	}

}
