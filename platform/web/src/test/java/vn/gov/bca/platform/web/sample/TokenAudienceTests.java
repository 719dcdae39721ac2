package vn.gov.bca.platform.web.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;

/**
 * A service accepts a token only if its {@code aud} names the service or the platform, and never
 * one of a refused client (here dev-scripts, as in the containers' configuration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=sample-service", "vneid.security.refused-clients=dev-scripts",
				"vneid.service-account.client-id=sample-service", "vneid.service-account.client-secret=sample-secret", "vneid.clients.echo-service.base-url=http://127.0.0.1:9" })
@AutoConfigureWebTestClient
class TokenAudienceTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("vneid.keycloak.url", jwt::keycloakUrl);
	}

	@Test
	void acceptsATokenForThePlatform() {
		expect(citizen().audience("dichvucong-bca").sign(), 409);
	}

	@Test
	void acceptsATokenForThisServiceAmongOthers() {
		expect(citizen().audience("residence-service", "sample-service").sign(), 409);
	}

	@Test
	void refusesATokenWithoutAudience() {
		expect(citizen().noAudience().sign(), 401);
	}

	@Test
	void refusesATokenForAnotherServiceOnly() {
		expect(citizen().audience("fine-payment-service").sign(), 401);
		expect(citizen().audience("account", "sample").sign(), 401);
	}

	@Test
	void refusesATokenOfARefusedClientWhateverItsAudience() {
		expect(jwt.token()
			.personalId("001085012345")
			.identityLevel(2)
			.roles("citizen")
			.clientId("dev-scripts")
			.audience("dichvucong-bca", "sample-service")
			.sign(), 401);
	}

	private JwtIssuer.Builder citizen() {
		return jwt.token().personalId("001085012345").identityLevel(2).roles("citizen").clientId("citizen-portal");
	}

	private void expect(String token, int status) {
		WebTestClient.ResponseSpec response = this.client.get()
			.uri("/api/sample/conflict")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == 401) {
			response.expectHeader()
				.valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://dichvucong.bca.gov.vn/problems/unauthenticated");
		}
	}

}
