package vn.gov.bca.platform.testkit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every service owes its operators and integrators, checked against the service started
 * whole on the real test infrastructure: health (with its MongoDB), metrics, its OpenAPI
 * description where the gateway aggregates it, and problem+json for calls without a token or to
 * nothing. A service's test extends this and names its API prefix.
 */
@IntegrationTest
public abstract class ServiceConformanceTests {

	@Autowired
	protected WebTestClient client;

	/** The service's API prefix, e.g. {@code /api/passport}. */
	protected abstract String apiPrefix();

	@Test
	void reportsHealthIncludingItsDatabase() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	@Test
	void exposesPrometheusMetrics() {
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> org.assertj.core.api.Assertions.assertThat(body).contains("jvm_memory_used_bytes"));
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

}
