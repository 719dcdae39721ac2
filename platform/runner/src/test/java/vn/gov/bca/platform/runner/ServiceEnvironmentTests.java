package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceEnvironmentTests {

	private final LocalStackOptions options = LocalStackOptions.defaults(Path.of("/repo"));

	@Test
	void aServiceGetsItsPortItsDatabaseKafkaKeycloakAndItsClient() {
		Map<String, String> environment = ServiceEnvironment.of(Service.FINE_PAYMENT, options, "localhost:9092",
				"http://localhost:8180", database -> "mongodb://localhost:27017/" + database);

		assertThat(environment)
				.containsEntry("SERVER_PORT", "8085")
				.containsEntry("MONGODB_URI", "mongodb://localhost:27017/payment")
				.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
				.containsEntry("KEYCLOAK_URL", "http://localhost:8180")
				.containsEntry("SERVICE_CLIENT_ID", "fine-payment-service")
				.containsEntry("SERVICE_CLIENT_SECRET", "fine-payment-service-dev-secret")
				.containsEntry("IDENTITY_SERVICE_URL", "http://localhost:8081")
				.containsEntry("FINE_PAYMENT_SERVICE_URL", "http://localhost:8085");
	}

	@Test
	void theGatewayGetsEveryRouteAndNoDatabase() {
		Map<String, String> environment = ServiceEnvironment.of(Service.GATEWAY, options.withPortOffset(10_000),
				"localhost:19092", "http://localhost:18180", database -> "unused");

		assertThat(environment)
				.containsEntry("SERVER_PORT", "18080")
				.containsEntry("KEYCLOAK_URL", "http://localhost:18180")
				.containsEntry("IDENTITY_SERVICE_URL", "http://localhost:18081")
				.containsEntry("RESIDENCE_SERVICE_URL", "http://localhost:18082")
				.containsEntry("PASSPORT_SERVICE_URL", "http://localhost:18083")
				.containsEntry("SEAL_SERVICE_URL", "http://localhost:18084")
				.containsEntry("FINE_PAYMENT_SERVICE_URL", "http://localhost:18085")
				.doesNotContainKeys("MONGODB_URI", "SERVICE_CLIENT_SECRET");
	}
}
