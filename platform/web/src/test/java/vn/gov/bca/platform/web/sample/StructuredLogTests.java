package vn.gov.bca.platform.web.sample;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The containers' logs (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs): one JSON object per line, with the
 * service's name and the request and trace ids of the request it was written for, and no token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=ecs",
				"logging.config=classpath:vn/gov/bca/platform/web/sample/structured-logback.xml",
				"spring.application.name=sample-service",
				"vneid.service-account.client-id=sample-service",
				"vneid.service-account.client-secret=sample-secret" })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	@Autowired
	private WebTestClient client;

	/**
	 * Boot configures logging once per JVM and keeps it while earlier test classes' contexts stay
	 * cached: forgotten here, so that this class's context sets up the containers' format, and again
	 * after, so that the next context sets up its own.
	 */
	@BeforeAll
	static void loggingSetUpAnew() {
		LoggingSystem.get(StructuredLogTests.class.getClassLoader()).cleanUp();
	}

	@AfterAll
	static void plainLoggingAgain() {
		LoggingSystem logging = LoggingSystem.get(StructuredLogTests.class.getClassLoader());
		logging.cleanUp();
		logging.beforeInitialize();
		logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
	}

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("vneid.keycloak.url", jwt::keycloakUrl);
		registry.add("vneid.clients.echo-service.base-url", () -> "http://127.0.0.1:9");
	}

	@Test
	void aLineIsAJsonObjectWithTheServiceAndTheRequestsIds(CapturedOutput output) {
		String token = jwt.citizen("001085012345", 2);
		this.client.get()
			.uri("/api/sample/bug")
			.headers((headers) -> {
				headers.setBearerAuth(token);
				headers.set("X-Request-Id", "structured-log-test-1");
			})
			.exchange()
			.expectStatus()
			.isEqualTo(500);

		List<String> lines = output.getOut().lines().filter((line) -> line.contains("structured-log-test-1")).toList();
		assertThat(lines).isNotEmpty();
		String line = lines.get(0);
		assertThat(line).startsWith("{").endsWith("}");
		assertThat((String) JsonPath.read(line, "$.log.level")).isEqualTo("ERROR");
		assertThat((String) JsonPath.read(line, "$.service.name")).isEqualTo("sample-service");
		assertThat((String) JsonPath.read(line, "$.requestId")).isEqualTo("structured-log-test-1");
		assertThat((String) JsonPath.read(line, "$.traceId")).matches("[0-9a-f]{32}");
		assertThat(output.getOut()).doesNotContain(token);
	}

}
