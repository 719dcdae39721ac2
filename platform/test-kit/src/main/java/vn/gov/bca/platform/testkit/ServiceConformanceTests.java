package vn.gov.bca.platform.testkit;

import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service owes its operators and integrators, checked against the service started
 * whole on the real test infrastructure: health (with its MongoDB) and metrics on the management
 * port only, the probes on the public port, its OpenAPI description where the gateway aggregates
 * it, problem+json for calls without a token or to nothing, and the audience check (a token not
 * meant for this service is refused). A service's test extends this and names its API prefix.
 */
@IntegrationTest
public abstract class ServiceConformanceTests {

	@Autowired
	protected WebTestClient client;

	@Value("${local.server.port}")
	private int serverPort;

	@Value("${local.management.port}")
	private int managementPort;

	@Value("${spring.application.name}")
	private String applicationName;

	/** The service's API prefix, e.g. {@code /api/passport}. */
	protected abstract String apiPrefix();

	@Test
	void reportsHealthIncludingItsDatabaseOnTheManagementPort() {
		WebTestClient management = management();
		management.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	@Test
	void answersTheProbesOnThePublicPort() {
		this.client.get().uri("/readyz").exchange().expectStatus().isOk();
		this.client.get().uri("/livez").exchange().expectStatus().isOk();
	}

	@Test
	void exposesPrometheusMetricsOnTheManagementPortOnly() {
		assertThat(this.managementPort).as("management port").isNotEqualTo(this.serverPort);
		management().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("jvm_memory_used_bytes"));
		for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/env", "/actuator")) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).as(path + " on the public port").isIn(401, 404));
		}
	}

	/** A token whose {@code aud} names neither this service nor the platform is refused. */
	@Test
	void refusesATokenWithoutItsAudience() {
		expectRefused(TestInfrastructure.get()
			.jwt()
			.token()
			.subject(JwtIssuer.accountOf("001085012345"))
			.personalId("001085012345")
			.identityLevel(2)
			.roles("citizen")
			.noAudience()
			.sign());
	}

	/** A token meant for another service of the platform only is no use here. */
	@Test
	void refusesATokenMeantForAnotherServiceOnly() {
		String other = JwtIssuer.SERVICES.stream()
			.filter((service) -> !service.equals(this.applicationName))
			.findFirst()
			.orElseThrow();
		JwtIssuer jwt = TestInfrastructure.get().jwt();
		expectRefused(jwt.token()
			.subject(JwtIssuer.accountOf("001085012345"))
			.personalId("001085012345")
			.identityLevel(2)
			.roles("citizen")
			.audience(other)
			.sign());
		expectRefused(jwt.token()
			.subject("service-account-" + other)
			.clientId(other)
			.roles("service")
			.audience(other)
			.sign());
	}

	private void expectRefused(String token) {
		// The same call with a token for the platform is a 404 (see answersAnUnknownPathWith404Problem).
		this.client.get()
			.uri(apiPrefix() + "/no-such-resource")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dichvucong.bca.gov.vn/problems/unauthenticated");
	}

	/** A client of the management port (actuator), which is not the public one. */
	protected WebTestClient management() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + this.managementPort).build();
	}

	@Test
	void describesItsApiWhereTheGatewayLooksForIt() {
		this.client.get()
			.uri(apiPrefix() + "/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi")
			.exists()
			.jsonPath("$.servers[0].url")
			.isEqualTo("/")
			.jsonPath("$.components.securitySchemes.vneid.scheme")
			.isEqualTo("bearer");
	}

	@Test
	void refusesACallWithoutATokenWithAProblem() {
		this.client.get()
			.uri(apiPrefix() + "/anything")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void answersAnUnknownPathWith404Problem() {
		this.client.get()
			.uri(apiPrefix() + "/no-such-resource")
			.headers((headers) -> headers.setBearerAuth(TestInfrastructure.get().jwt().citizen("001085012345", 2)))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/**
	 * Every operation of the service's OpenAPI description, sent malformed requests: no 5xx, and a
	 * problem+json body naming no internal class (see {@link MalformedRequests}).
	 */
	@TestFactory
	List<DynamicTest> answersEveryMalformedRequestWithAClientProblem() {
		return MalformedRequests.forService(this.client, "http://localhost:" + this.serverPort, apiPrefix(),
				TestInfrastructure.get().jwt());
	}

}
