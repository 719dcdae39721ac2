package vn.gov.bca.platform.web.sample;

import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.EchoServer;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/** A call to another service carries this service's own token and the request's id and trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vneid.service-account.client-id=sample-service",
				"vneid.service-account.client-secret=sample-secret", "vneid.clients.echo-service.timeout=1s",
				// The ordinary timeout: past the start period, where calls may take the start timeout.
				"vneid.service-account.start-period=0s" })
@AutoConfigureWebTestClient
class ServiceClientTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final EchoServer downstream = new EchoServer();

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("vneid.keycloak.url", jwt::keycloakUrl);
		registry.add("vneid.clients.echo-service.base-url", downstream::url);
	}

	@AfterAll
	static void stop() {
		downstream.close();
	}

	/**
	 * The token is fetched and the downstream connection opened at start: the service is ready, and
	 * its first call needs no token request (review, "right after start").
	 */
	@Test
	void isReadyWithItsTokenFetchedAtStart() {
		this.client.get()
			.uri("/readyz")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		int before = jwt.tokensIssued();
		call("001085012399");
		assertThat(jwt.tokensIssued()).isEqualTo(before);
	}

	@Test
	void oneServiceAccountTokenServesTheRequestsOfEveryUser() {
		call("001085012345");
		int before = jwt.tokensIssued();
		call("079192004567");
		call("048201000321");
		call("001085012345");
		assertThat(jwt.tokensIssued()).isEqualTo(before);
	}

	private void call(String personalId) {
		this.client.get()
			.uri("/api/sample/downstream/citizens")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(personalId, 2)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/**
	 * A client that sends the caller's traceparent as it is: the auto-configured test client traces
	 * its own calls and would put its own span's context in front of the caller's.
	 */
	private WebTestClient untraced() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void callsWithItsServiceAccountTokenAndTheRequestsIdAndTrace() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		untraced().get()
			.uri("/api/sample/downstream/citizens")
			.headers((headers) -> {
				headers.setBearerAuth(jwt.citizen("001085012345", 2));
				headers.set("X-Request-Id", "app-request-0001");
				headers.set("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/citizens")
			.jsonPath("$.requestId")
			.isEqualTo("app-request-0001")
			.jsonPath("$.purpose")
			.isEqualTo("test")
			.jsonPath("$.traceparent")
			.value((traceparent) -> assertThat((String) traceparent).startsWith("00-" + traceId + "-"))
			.jsonPath("$.authorization")
			.value((authorization) -> {
				String token = ((String) authorization).substring("Bearer ".length());
				String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
				assertThat(payload).contains("\"azp\":\"sample-service\"").contains("\"service\"");
			});
	}

	@Test
	void everyLogLineOfARequestCarriesItsRequestIdAndTraceId() {
		untraced().get()
			.uri("/api/sample/log-context")
			.headers((headers) -> {
				headers.setBearerAuth(jwt.citizen("001085012345", 2));
				headers.set("X-Request-Id", "app-request-0002");
				headers.set("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.requestId")
			.isEqualTo("app-request-0002")
			.jsonPath("$.traceId")
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void aDownstream404IsAnAnswerNotAFailure() {
		this.client.get()
			.uri("/api/sample/downstream/missing")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001085012345", 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.found")
			.isEqualTo(false);
	}

	@Test
	void aSlowOrFailingDownstreamIsA503WithinTheTimeout() {
		long start = System.nanoTime();
		for (String path : new String[] { "slow", "failing" }) {
			this.client.get()
				.uri("/api/sample/downstream/" + path)
				.headers((headers) -> headers.setBearerAuth(jwt.citizen("001085012345", 2)))
				.exchange()
				.expectStatus()
				.isEqualTo(503);
		}
		// Three attempts at most for each GET, each bounded by the 1 s timeout.
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8000);
	}

}
