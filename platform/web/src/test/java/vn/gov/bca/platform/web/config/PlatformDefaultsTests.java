package vn.gov.bca.platform.web.config;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Actuator's management port follows the public port: server.port + 1000 unless set. */
class PlatformDefaultsTests {

	@Test
	void theManagementPortIsTheServerPortPlus1000() {
		assertThat(managementPort(Map.of("server.port", "8083"))).isEqualTo("9083");
		assertThat(managementPort(Map.of("server.port", "8080"))).isEqualTo("9080");
	}

	@Test
	void withoutAServerPortItIsThatOfTheDefault8080() {
		assertThat(managementPort(Map.of())).isEqualTo("9080");
	}

	@Test
	void aRandomPortStaysRandom() {
		assertThat(managementPort(Map.of("server.port", "0"))).isEqualTo("0");
	}

	@Test
	void anExplicitManagementPortWins() {
		assertThat(managementPort(Map.of("server.port", "8083", "management.server.port", "7083"))).isEqualTo("7083");
	}

	@Test
	void theServicesOwnAudienceAndThePlatformsAreTheDefault() {
		StandardEnvironment environment = environment(Map.of("spring.application.name", "seal-service"));
		assertThat(environment.getProperty("vneid.security.audiences")).isEqualTo("seal-service,dichvucong-bca");
	}

	private static String managementPort(Map<String, Object> properties) {
		return environment(properties).getProperty("management.server.port");
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		// As in an application: Boot's view of the sources is attached (it once looped on ours).
		ConfigurationPropertySources.attach(environment);
		new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
