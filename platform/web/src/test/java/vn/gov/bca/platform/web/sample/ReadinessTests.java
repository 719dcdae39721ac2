package vn.gov.bca.platform.web.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.EchoServer;

/**
 * A service that calls others is not ready until it holds its service-account token (review,
 * "right after start"): here the identity provider is down, so readiness stays DOWN while the
 * service is alive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vneid.service-account.client-id=sample-service",
				"vneid.service-account.client-secret=sample-secret", "vneid.service-account.start-wait=1s" })
@AutoConfigureWebTestClient
class ReadinessTests {

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		String down = EchoServer.downUrl();
		registry.add("vneid.keycloak.url", () -> down);
		registry.add("vneid.clients.echo-service.base-url", () -> down);
	}

	@Test
	void isAliveButNotReadyWithoutItsToken() {
		this.client.get().uri("/livez").exchange().expectStatus().isOk();
		this.client.get().uri("/readyz").exchange().expectStatus().isEqualTo(503);
	}

}
