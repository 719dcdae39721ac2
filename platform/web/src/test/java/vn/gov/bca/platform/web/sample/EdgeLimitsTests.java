package vn.gov.bca.platform.web.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.RawHttp;
import vn.gov.bca.platform.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP edge of every module: a request head trickled line by line is cut off (review finding
 * 8), a URI over 4 KB is a 414 problem+json (finding 12), and so is one over Netty's hard limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vneid.server.header-timeout=2s", "vneid.service-account.client-id=sample-service", "vneid.service-account.client-secret=sample-secret", "vneid.clients.echo-service.base-url=http://127.0.0.1:9" })
@AutoConfigureWebTestClient
class EdgeLimitsTests {

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("vneid.keycloak.url", () -> TestInfrastructure.get().jwt().keycloakUrl());
	}

	@Test
	void aClientTricklingHeadersIsCutOffAfterTheHeaderTimeout() throws Exception {
		long start = System.nanoTime();
		int sent = 0;
		try (RawHttp raw = new RawHttp(this.port, Duration.ofSeconds(1))) {
			raw.send("GET /livez HTTP/1.1\r\nHost: localhost\r\n");
			// One header line a second, as a slowloris client does (every 5 s in the review's probe).
			while (raw.send("X-Slow-" + sent + ": still coming\r\n") && sent < 30) {
				sent++;
				if (raw.waitForClose()) {
					break;
				}
			}
			long elapsedMs = (System.nanoTime() - start) / 1_000_000;
			assertThat(raw.closedByServer() || !raw.send("X-Last: x\r\n\r\n")).as("closed by the server").isTrue();
			assertThat(elapsedMs).isBetween(1500L, 5000L);
		}
	}

	@Test
	void aCompleteRequestOnAQuietConnectionIsServed() throws Exception {
		try (RawHttp raw = new RawHttp(this.port, Duration.ofSeconds(3))) {
			raw.send("GET /livez HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(raw.readAll()).startsWith("HTTP/1.1 200");
		}
	}

	@Test
	void aUriOver4KbIsA414ProblemInTheCallersLanguage() {
		String uri = "/api/sample/conflict?q=" + "a".repeat(4100);
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isEqualTo(414)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dichvucong.bca.gov.vn/problems/uri-too-long")
			.jsonPath("$.title")
			.isEqualTo("Địa chỉ yêu cầu quá dài");
		this.client.get()
			.uri(uri)
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isEqualTo(414)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("URI too long")
			.jsonPath("$.detail")
			.isEqualTo("The request URI is longer than 4096 bytes.");
	}

	@Test
	void aUriJustUnder4KbIsServedAsUsual() {
		this.client.get()
			.uri("/livez?q=" + "a".repeat(4000))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aUriOverTheHardLimitIsA414ProblemToo() throws Exception {
		try (RawHttp raw = new RawHttp(this.port, Duration.ofSeconds(5))) {
			raw.send("GET /livez?q=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
			String answer = raw.readAll();
			assertThat(answer).startsWith("HTTP/1.1 414")
				.containsIgnoringCase("content-type: application/problem+json")
				.contains("https://dichvucong.bca.gov.vn/problems/uri-too-long");
			assertThat(raw.closedByServer()).isTrue();
		}
	}

	@Test
	void headersOverTheLimitAreA431Problem() throws Exception {
		try (RawHttp raw = new RawHttp(this.port, Duration.ofSeconds(5))) {
			raw.send("GET /livez HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
			String answer = raw.readAll();
			assertThat(answer).startsWith("HTTP/1.1 431")
				.contains("https://dichvucong.bca.gov.vn/problems/headers-too-large");
		}
	}

}
