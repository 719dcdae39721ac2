package vn.gov.bca.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import vn.gov.bca.platform.testkit.EchoServer;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.RawHttp;
import vn.gov.bca.platform.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a random port in front of an in-process upstream, with tokens signed by the test
 * kit's issuer shaped like the vneid realm.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vneid.gateway.rate-limit.per-subject.capacity=5",
				"vneid.gateway.rate-limit.per-subject.refill-per-second=0.2",
				"vneid.gateway.rate-limit.per-ip.capacity=3", "vneid.gateway.rate-limit.per-ip.refill-per-second=0.2",
				"vneid.gateway.route-timeout=1s", "vneid.gateway.max-request-size=1KB",
				"vneid.server.header-timeout=2s" })
@AutoConfigureWebTestClient
class GatewayTests {

	private static final EchoServer upstream = new EchoServer();

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	@Autowired
	private WebTestClient client;

	@Autowired
	private MeterRegistry metrics;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("vneid.keycloak.url", jwt::keycloakUrl);
		registry.add("IDENTITY_SERVICE_URL", upstream::url);
		registry.add("FINE_PAYMENT_SERVICE_URL", upstream::url);
		String down = EchoServer.downUrl();
		registry.add("PASSPORT_SERVICE_URL", () -> down);
	}

	@AfterAll
	static void stop() {
		upstream.close();
	}

	@Test
	void routesARequestWithAValidTokenAndPassesTheTokenAndRequestIdOn() {
		String token = jwt.citizen("001085012345", 2);
		this.client.get()
			.uri("/api/identity/echo")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/identity/echo")
			.jsonPath("$.authorization")
			.isEqualTo("Bearer " + token)
			.jsonPath("$.requestId")
			.isNotEmpty()
			.jsonPath("$.traceparent")
			// A W3C context of the gateway's client span; its flag says whether the sampler kept the trace.
			.value((traceparent) -> assertThat((String) traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
	}

	@Test
	void keepsTheClientsRequestIdAndTraceId() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		this.client.get()
			.uri("/api/identity/echo")
			.headers((headers) -> {
				headers.setBearerAuth(jwt.citizen("079192004567", 2));
				headers.set("X-Request-Id", "portal-req-000123");
				headers.set("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.values("X-Request-Id", (values) -> assertThat(values).containsExactly("portal-req-000123"))
			.expectBody()
			.jsonPath("$.requestId")
			.isEqualTo("portal-req-000123")
			.jsonPath("$.traceparent")
			.value((traceparent) -> assertThat((String) traceparent).startsWith("00-" + traceId + "-")
				.doesNotContain("00f067aa0ba902b7"));
	}

	@Test
	void refusesARequestWithoutATokenWithAProblem() {
		expectUnauthenticated(null);
	}

	@Test
	void refusesAnExpiredToken() {
		expectUnauthenticated(jwt.token()
			.personalId("001085012345")
			.roles("citizen")
			.issuedAgo(Duration.ofMinutes(30), Duration.ofMinutes(5))
			.sign());
	}

	@Test
	void refusesATokenFromAnotherIssuer() {
		expectUnauthenticated(jwt.token().personalId("001085012345").issuer("https://attacker.example/realms/vneid").sign());
	}

	@Test
	void refusesATokenSignedWithAnotherKey() {
		expectUnauthenticated(jwt.token().personalId("001085012345").signedWithForeignKey().sign());
	}

	@Test
	void refusesATokenWhosePayloadWasChanged() {
		String[] parts = jwt.citizen("048201000321", 1).split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"identity_level\":1",
				"\"identity_level\":2");
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];
		expectUnauthenticated(tampered);
	}

	@Test
	void refusesAnUnsignedTokenWithAlgNone() {
		expectUnauthenticated(jwt.token().personalId("001085012345").roles("citizen", "admin").unsigned());
	}

	@Test
	void answersInEnglishWhenTheClientPrefersIt() {
		this.client.get()
			.uri("/api/identity/echo")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Not authenticated");
	}

	@Test
	void limitsOneCitizensRequestsWith429AndRetryAfter() {
		double refusedBefore = this.metrics.counter("vneid.gateway.rate.limited", "caller", "account").count();
		String token = jwt.citizen("001075003333", 2);
		for (int i = 0; i < 5; i++) {
			this.client.get()
				.uri("/api/identity/echo")
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isOk();
		}
		this.client.get()
			.uri("/api/identity/echo")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value("Retry-After", (value) -> assertThat(Integer.parseInt(value)).isBetween(1, 10))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dichvucong.bca.gov.vn/problems/too-many-requests");
		assertThat(this.metrics.counter("vneid.gateway.rate.limited", "caller", "account").count())
			.isEqualTo(refusedBefore + 1);
		// Another citizen is not affected by the first one's limit.
		this.client.get()
			.uri("/api/identity/echo")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001082004444", 2)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void limitsAnonymousCallsToPublicRoutesPerIpAddress() {
		int allowed = 0;
		int limited = 0;
		for (int i = 0; i < 6; i++) {
			int status = this.client.get()
				.uri("/api/payment/public/lookup")
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			if (status == 200) {
				allowed++;
			}
			else if (status == 429) {
				limited++;
			}
		}
		assertThat(allowed).isEqualTo(3);
		assertThat(limited).isEqualTo(3);
	}

	@Test
	void letsManyConcurrentCallsThroughToAHealthyService(@LocalServerPort int port) {
		WebClient web = WebClient.create("http://localhost:" + port);
		List<Integer> statuses = Flux.range(0, 60)
			.flatMap((i) -> web.get()
				.uri("/api/identity/pause")
				.headers((headers) -> headers.setBearerAuth(jwt.citizen("0010850%05d".formatted(i), 2)))
				.exchangeToMono((response) -> Mono.just(response.statusCode().value())), 60)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(statuses).hasSize(60).containsOnly(200);
	}

	@Test
	void answers503ProblemQuicklyWhenTheServiceIsDown() {
		Instant start = Instant.now();
		this.client.get()
			.uri("/api/passport/dossiers")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001080001111", 2)))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dichvucong.bca.gov.vn/problems/service-unavailable")
			.jsonPath("$.service")
			.isEqualTo("passport-service");
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void answers503WithinTheRouteTimeoutWhenTheServiceHangs() {
		Instant start = Instant.now();
		this.client.get()
			.uri("/api/identity/slow")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("036090006666", 2)))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(2500));
	}

	@Test
	void passesAServicesOwn404Through() {
		this.client.get()
			.uri("/api/identity/missing")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001178005555", 2)))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void refusesABodyLargerThanTheLimitWith413() {
		this.client.post()
			.uri("/api/identity/echo")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001085012345", 2)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"padding\":\"" + "x".repeat(4096) + "\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void answersCorsPreflightForThePortalOrigin() {
		this.client.method(HttpMethod.OPTIONS)
			.uri("/api/identity/echo")
			.header(HttpHeaders.ORIGIN, "http://localhost:3000")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,idempotency-key")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000");
		this.client.method(HttpMethod.OPTIONS)
			.uri("/api/identity/echo")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void setsSecurityHeaders() {
		this.client.get()
			.uri("/livez")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.exists("Content-Security-Policy");
	}

	/** Review finding 11 and "the gateway never routes /actuator". */
	@Test
	void neverRoutesActuatorPathsAndKeepsItsOwnOnTheManagementPort(@LocalManagementPort int managementPort) {
		String token = jwt.citizen("001085012345", 2);
		for (String path : List.of("/api/identity/actuator/health", "/api/identity/actuator/prometheus",
				"/api/payment/actuator/env", "/actuator/prometheus", "/actuator/health", "/actuator")) {
			this.client.get()
				.uri(path)
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
		management.get().uri("/actuator/health").exchange().expectStatus().isOk();
		management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("jvm_memory_used_bytes"));
		this.client.get().uri("/readyz").exchange().expectStatus().isOk();
	}

	/**
	 * A client writing its own X-Forwarded-For with no trusted proxy (the default) is limited by its
	 * real address: six anonymous calls from 127.0.0.2, each claiming another address, get three
	 * through (the test's per-address capacity) and three 429.
	 */
	@Test
	void limitsAnonymousCallsByTheRealAddressWhateverXForwardedForSays(@LocalServerPort int port) {
		WebClient fromAnotherAddress = WebClient.builder()
			.baseUrl("http://127.0.0.2:" + port)
			.clientConnector(new ReactorClientHttpConnector(
					HttpClient.create().bindAddress(() -> new InetSocketAddress("127.0.0.2", 0))))
			.build();
		List<Integer> statuses = Flux.range(0, 6)
			.concatMap((i) -> fromAnotherAddress.get()
				.uri("/api/payment/public/lookup")
				.header("X-Forwarded-For", "198.51.100." + i)
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())))
			.collectList()
			.block(Duration.ofSeconds(20));
		assertThat(statuses).containsExactly(200, 200, 200, 429, 429, 429);
	}

	/**
	 * Review finding 3: bodies over the limit, sent chunked (no Content-Length to check), are
	 * refused at the edge with 413 while they stream, and never count against the route: after 30
	 * of them the next normal request is served.
	 */
	@Test
	void oversizedBodiesAreRefusedAtTheEdgeAndLeaveTheRouteHealthy() {
		byte[] chunk = "x".repeat(512).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		for (int i = 0; i < 30; i++) {
			Flux<DataBuffer> chunked = Flux.range(0, 16).map((n) -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));
			String token = jwt.citizen("0010851%05d".formatted(i), 2);
			this.client.post()
				.uri("/api/identity/echo")
				.headers((headers) -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.body(BodyInserters.fromDataBuffers(chunked))
				.exchange()
				.expectStatus()
				.isEqualTo(413)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		this.client.get()
			.uri("/api/identity/echo")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001085199999", 2)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** A Content-Length under the limit with a longer body: only the declared bytes are forwarded. */
	@Test
	void aBodyLongerThanItsContentLengthIsNotForwardedBeyondIt(@LocalServerPort int port) throws Exception {
		String token = jwt.citizen("001085188888", 2);
		try (RawHttp raw = new RawHttp(port, Duration.ofSeconds(5))) {
			raw.send("POST /api/identity/echo HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
					+ "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n" + "y".repeat(8000));
			String answer = raw.readAll();
			assertThat(answer).startsWith("HTTP/1.1 200").doesNotContain("HTTP/1.1 503");
		}
		this.client.get()
			.uri("/api/identity/echo")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** Review finding 8: a client trickling header lines is cut off at the edge within the header timeout. */
	@Test
	void aClientTricklingHeadersIsCutOff(@LocalServerPort int port) throws Exception {
		long start = System.nanoTime();
		try (RawHttp raw = new RawHttp(port, Duration.ofSeconds(1))) {
			raw.send("GET /api/payment/public/lookup HTTP/1.1\r\nHost: localhost\r\n");
			for (int i = 0; i < 30 && raw.send("X-Slow-" + i + ": 1\r\n"); i++) {
				if (raw.waitForClose()) {
					break;
				}
			}
			assertThat(raw.closedByServer()).isTrue();
		}
		assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1500L, 5000L);
	}

	/** Review finding 12: a URI over 4 KB is a 414 problem from the gateway too. */
	@Test
	void aUriOver4KbIsA414Problem() {
		this.client.get()
			.uri("/api/payment/public/lookup?plate=" + "9".repeat(4200))
			.exchange()
			.expectStatus()
			.isEqualTo(414)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dichvucong.bca.gov.vn/problems/uri-too-long");
	}

	/** The gateway checks the audience too: a token for no service of the platform is refused. */
	@Test
	void refusesATokenMeantForNoneOfThePlatformsServices() {
		expectUnauthenticated(jwt.token().personalId("001085012345").roles("citizen").audience("account").sign());
		expectUnauthenticated(jwt.token().personalId("001085012345").roles("citizen").noAudience().sign());
		this.client.get()
			.uri("/api/identity/echo")
			.headers((headers) -> headers.setBearerAuth(jwt.service("passport-service")))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void expectUnauthenticated(String token) {
		this.client.get()
			.uri("/api/identity/echo")
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists(HttpHeaders.WWW_AUTHENTICATE)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dichvucong.bca.gov.vn/problems/unauthenticated")
			.jsonPath("$.title")
			.isEqualTo("Chưa xác thực")
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.requestId")
			.isNotEmpty();
	}

}
