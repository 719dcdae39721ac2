package vn.gov.bca.platform.web.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON body that does not fit the request's type names the field in {@code errors[]} (review
 * finding 13: a missing boolean gave 400 without {@code errors[]}); the OpenAPI description lists no
 * {@code caller} parameter (finding 13: it listed a required query parameter that does not exist).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vneid.service-account.client-id=sample-service", "vneid.service-account.client-secret=sample-secret", "vneid.clients.echo-service.base-url=http://127.0.0.1:9" })
@AutoConfigureWebTestClient
class BodyFieldErrorsTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("vneid.keycloak.url", jwt::keycloakUrl);
	}

	@Test
	void aMissingBooleanIsNamedAsARequiredField() {
		consent("{\"copies\":1,\"purpose\":\"passport\"}", null).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dichvucong.bca.gov.vn/problems/validation")
			.jsonPath("$.errors[0].field")
			.isEqualTo("agreed")
			.jsonPath("$.errors[0].code")
			.isEqualTo("NotNull")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Trường này là bắt buộc.");
	}

	@Test
	void aNullBooleanIsNamedAsARequiredField() {
		consent("{\"agreed\":null,\"copies\":1,\"purpose\":\"passport\"}", "en").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("agreed")
			.jsonPath("$.errors[0].code")
			.isEqualTo("NotNull")
			.jsonPath("$.errors[0].message")
			.isEqualTo("This field is required.");
	}

	@Test
	void aValueOfTheWrongTypeIsNamed() {
		consent("{\"agreed\":true,\"copies\":\"many\",\"purpose\":\"passport\"}", "en").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("copies")
			.jsonPath("$.errors[0].code")
			.isEqualTo("TypeMismatch")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Wrong type of value.");
		consent("{\"agreed\":{\"$gt\":\"\"},\"copies\":1,\"purpose\":\"passport\"}", null).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("agreed");
	}

	@Test
	void aBodyThatIsNotJsonStaysAMalformedRequest() {
		consent("{\"agreed\": tru", null).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dichvucong.bca.gov.vn/problems/malformed-request")
			.jsonPath("$.errors")
			.doesNotExist();
	}

	@Test
	void aValidBodyIsAccepted() {
		consent("{\"agreed\":true,\"copies\":2,\"purpose\":\"passport\"}", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.agreed")
			.isEqualTo(true);
	}

	@Test
	void theApiDescriptionHasNoCallerParameter() {
		String api = this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(api).contains("/api/sample/consents").doesNotContain("\"caller\"").doesNotContain("Caller");
	}

	private WebTestClient.ResponseSpec consent(String json, String language) {
		return this.client.post()
			.uri("/api/sample/consents")
			.headers((headers) -> {
				headers.setBearerAuth(jwt.citizen("001085012345", 2));
				if (language != null) {
					headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
				}
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

}
