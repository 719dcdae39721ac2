package vn.gov.bca.platform.web.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/** Every failure leaves as RFC 9457 problem+json, in Vietnamese unless English is preferred. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.http.codecs.max-in-memory-size=2KB", "vneid.service-account.client-id=sample-service",
				"vneid.service-account.client-secret=sample-secret" })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final String TYPES = "https://dichvucong.bca.gov.vn/problems/";

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("vneid.keycloak.url", jwt::keycloakUrl);
		registry.add("vneid.clients.echo-service.base-url", () -> "http://127.0.0.1:9");
	}

	@Test
	void listsEachInvalidFieldInVietnameseByDefault() {
		register("{\"personalId\":\"12AB\",\"fullName\":\"\",\"email\":\"not-an-email\"}", null).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPES + "validation")
			.jsonPath("$.title")
			.isEqualTo("Dữ liệu không hợp lệ")
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.errors.length()")
			.isEqualTo(3)
			.jsonPath("$.errors[?(@.field == 'personalId')].message")
			.isEqualTo("Giá trị không đúng định dạng.")
			.jsonPath("$.errors[?(@.field == 'fullName')].code")
			.isEqualTo("NotBlank")
			.jsonPath("$.instance")
			.isEqualTo("/api/sample/registrations");
	}

	@Test
	void answersInEnglishWhenAskedTo() {
		register("{\"personalId\":\"12AB\",\"fullName\":\"Nguyễn Văn An\"}", "en").expectStatus()
			.isBadRequest()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Invalid data")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Invalid format.");
	}

	@Test
	void malformedJsonIsA400() {
		register("{\"personalId\": ", null).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPES + "malformed-request");
	}

	@Test
	void aBodyOverTheLimitIsA413() {
		register("{\"personalId\":\"001085012345\",\"fullName\":\"" + "A".repeat(4000) + "\"}", null).expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPES + "payload-too-large");
	}

	@Test
	void anUnsupportedMediaTypeIsA415() {
		this.client.post()
			.uri("/api/sample/registrations")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001085012345", 2)))
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unknownPathsAndMethodsAreProblemsToo() {
		String token = jwt.citizen("001085012345", 2);
		this.client.get()
			.uri("/api/sample/nothing-here")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPES + "not-found")
			.jsonPath("$.detail")
			.isEqualTo("Không tìm thấy tài nguyên được yêu cầu.");
		this.client.delete()
			.uri("/api/sample/conflict")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPES + "method-not-allowed");
	}

	@Test
	void aDomainConflictCarriesItsDetails() {
		get("/api/sample/conflict", jwt.citizen("001085012345", 2)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPES + "conflict")
			.jsonPath("$.currentStatus")
			.isEqualTo(4);
	}

	@Test
	void aConcurrentChangeIsA409() {
		get("/api/sample/stale", jwt.citizen("001085012345", 2)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPES + "concurrent-modification");
	}

	@Test
	void anUnexpectedFailureIsA500WithoutInternals() {
		String body = get("/api/sample/bug", jwt.citizen("001085012345", 2)).expectStatus()
			.isEqualTo(500)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains(TYPES + "internal", "requestId")
			.doesNotContain("IllegalStateException", "secret", "db.collection", "at vn.gov");
	}

	@Test
	void aMissingRoleIsA403AndAMissingLevelNamesTheLevel() {
		get("/api/sample/officers-only", jwt.citizen("001085012345", 2)).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPES + "forbidden");
		this.client.post()
			.uri("/api/sample/registrations")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("048201000321", 1)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"personalId\":\"048201000321\",\"fullName\":\"Lê Hoàng Minh\"}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPES + "identity-level-required")
			.jsonPath("$.detail")
			.isEqualTo("Thủ tục này yêu cầu tài khoản định danh điện tử mức độ 2.");
	}

	@Test
	void noTokenIsA401WithAChallenge() {
		get("/api/sample/conflict", null).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPES + "unauthenticated");
	}

	@Test
	void healthNeedsNoToken() {
		// Actuator is on the management port (ManagementPortTests); the public port has the probes.
		get("/livez", null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
		get("/readyz", null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
	}

	@Test
	void anUnreachableDownstreamServiceIsA503NamingIt(CapturedOutput output) {
		this.client.get()
			.uri("/api/sample/downstream/anything")
			.headers((headers) -> {
				headers.setBearerAuth(jwt.citizen("001085012345", 2));
				headers.set("X-Request-Id", "req-503-cause");
			})
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPES + "service-unavailable")
			.jsonPath("$.detail")
			.isEqualTo("Dịch vụ echo-service tạm thời không khả dụng; vui lòng thử lại sau.");
		// Logged once, with the request id and why (here: nothing listens on the downstream port).
		String line = output.getOut()
			.lines()
			.filter((l) -> l.contains("503 on GET /api/sample/downstream/anything"))
			.reduce((first, second) -> first + "\n" + second)
			.orElse("");
		assertThat(line).contains("req-503-cause").contains("WARN").containsIgnoringCase("connect");
		assertThat(line.lines().count()).isEqualTo(1);
	}

	private WebTestClient.ResponseSpec register(String json, String language) {
		return this.client.post()
			.uri("/api/sample/registrations")
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

	private WebTestClient.ResponseSpec get(String uri, String token) {
		return this.client.get().uri(uri).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).exchange();
	}

}
