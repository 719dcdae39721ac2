package vn.gov.bca.platform.web.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator answers on the management port only; the public port has the probes and nothing else of
 * it (finding 11: /actuator/prometheus was anonymous on every public port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vneid.service-account.client-id=sample-service", "vneid.service-account.client-secret=sample-secret", "vneid.clients.echo-service.base-url=http://127.0.0.1:9" })
@AutoConfigureWebTestClient
class ManagementPortTests {

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int serverPort;

	@LocalManagementPort
	private int managementPort;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("vneid.keycloak.url", () -> TestInfrastructure.get().jwt().keycloakUrl());
	}

	@Test
	void actuatorListensOnItsOwnPort() {
		assertThat(this.managementPort).isPositive().isNotEqualTo(this.serverPort);
		WebTestClient management = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.build();
		management.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status")
			.isEqualTo("UP");
		management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("jvm_memory_used_bytes"));
	}

	@Test
	void thePublicPortAnswersTheProbesWithoutAToken() {
		this.client.get().uri("/livez").exchange().expectStatus().isOk().expectBody().jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get().uri("/readyz").exchange().expectStatus().isOk();
	}

	@Test
	void thePublicPortHasNoActuatorEndpoint() {
		for (String path : new String[] { "/actuator/prometheus", "/actuator/health", "/actuator/info", "/actuator",
				"/actuator/env" }) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).as(path).isIn(401, 404));
		}
	}

}
