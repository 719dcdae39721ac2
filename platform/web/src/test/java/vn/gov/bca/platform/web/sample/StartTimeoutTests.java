package vn.gov.bca.platform.web.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.EchoServer;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;

/**
 * Right after a start the services called are cold too: a first call slower than the ordinary
 * timeout (1 s here) but within the start timeout is served, not failed with 503 (review, "right
 * after start": the first passport submission after a fresh start answered 503).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vneid.service-account.client-id=sample-service",
				"vneid.service-account.client-secret=sample-secret", "vneid.clients.echo-service.timeout=1s",
				"vneid.clients.echo-service.start-timeout=6s", "vneid.clients.echo-service.get-attempts=1" })
@AutoConfigureWebTestClient(timeout = "20s")
class StartTimeoutTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final EchoServer downstream = new EchoServer();

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("vneid.keycloak.url", jwt::keycloakUrl);
		registry.add("vneid.clients.echo-service.base-url", downstream::url);
	}

	@AfterAll
	static void stop() {
		downstream.close();
	}

	@Test
	void aSlowFirstCallWithinTheStartTimeoutIsServed() {
		this.client.get()
			.uri("/api/sample/downstream/slow")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001085012345", 2)))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
