package vn.gov.bca.passport.application;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.EchoServer;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;

/** With the population registry unreachable, no dossier is accepted unverified: 503, nothing kept. */
@IntegrationTest
class RegistryDownTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void registryDown(DynamicPropertyRegistry registry) {
		registry.add("vneid.clients.identity-service.base-url", EchoServer::downUrl);
		registry.add("vneid.clients.identity-service.timeout", () -> "1s");
	}

	@Test
	void aSubmissionIsRefusedWith503AndNothingIsWritten() {
		String holder = "001190123499";
		String token = jwt.citizen(holder, 2);
		this.client.post()
			.uri("/api/passport/dossiers")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"procedure": "FIRST_ISSUE", "handlingProvince": "01",
					 "form": {"holderPersonalId": "%s", "holderFullName": "Lê Thị Hoa", "holderBirthDate": "1990-01-01",
					          "sex": "FEMALE", "chip": false}}""".formatted(holder))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri("/api/passport/me/dossiers")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
	}

}
