package vn.gov.bca.platform.testkit;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the {@link TestInfrastructure}: its own MongoDB database (so test
 * classes do not see each other's data), the shared Kafka broker, and the test JWT issuer in
 * place of Keycloak; a service that signs documents gets a development keystore of its own.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestInfrastructure infrastructure = TestInfrastructure.get();
		String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("vneid-test-infrastructure",
					Map.of("spring.mongodb.uri", infrastructure.mongoUri(database), "spring.kafka.bootstrap-servers",
							infrastructure.kafkaBootstrapServers(), "vneid.keycloak.url",
							infrastructure.jwt().keycloakUrl(), "spring.kafka.consumer.auto-offset-reset",
							"earliest",
							// A service with documents writes a development CA for its units here (platform-document).
							"vneid.documents.keystore.path", keystore(database).toString(),
							"vneid.documents.keystore.password", "test-keystore", "vneid.documents.development-ca",
							"true")));
	}

	/** The signing keystore of one test context, in the build's temporary files. */
	private static java.nio.file.Path keystore(String database) {
		return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "vneid-test-keystores", database + ".p12");
	}

}
