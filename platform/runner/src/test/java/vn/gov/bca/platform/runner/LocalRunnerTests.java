package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class LocalRunnerTests {

	private final LocalStackOptions defaults = LocalStackOptions.defaults(Path.of("/repo"));

	@Test
	void noArgumentsStartEverythingAsConfigured() {
		assertThat(LocalRunner.parse(List.of(), defaults, null)).contains(defaults);
	}

	@Test
	void optionsChangeWhatIsStarted() {
		LocalStackOptions options = LocalRunner.parse(
				List.of("--clean", "--services=identity,fine-payment,gateway", "--port-offset=100", "--memory",
						"--timeout=60", "--build"),
				defaults, "").orElseThrow();

		assertThat(options.clean()).isTrue();
		assertThat(options.services()).containsExactlyInAnyOrder(Service.IDENTITY, Service.FINE_PAYMENT,
				Service.GATEWAY);
		assertThat(options.port(Port.GATEWAY)).isEqualTo(8180);
		assertThat(options.mongoBackend()).isEqualTo(MongoBackend.MEMORY);
		assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(LocalRunner.parse(List.of("--infra"), defaults, null).orElseThrow().services()).isEmpty();
	}

	@Test
	void aUserMongoUriReplacesTheLocalServer() {
		assertThat(LocalRunner.parse(List.of(), defaults, "mongodb://db:27017/?replicaSet=rs0").orElseThrow()
				.externalMongoUri()).contains("mongodb://db:27017/?replicaSet=rs0");
	}

	@Test
	void theUsersSyntheticPopulationReplacesTheDefault() {
		assertThat(LocalRunner.withSyntheticPopulation(defaults, null).syntheticPopulation()).isEqualTo(50_000);
		assertThat(LocalRunner.withSyntheticPopulation(defaults, "1000000").syntheticPopulation()).isEqualTo(1_000_000);
		assertThat(LocalRunner.withSyntheticPopulation(defaults, "0").syntheticPopulation()).isZero();
		assertThatThrownBy(() -> LocalRunner.withSyntheticPopulation(defaults, "a million"))
				.hasMessageContaining("Not a number in IDENTITY_SYNTHETIC_POPULATION");
		assertThatThrownBy(() -> LocalRunner.withSyntheticPopulation(defaults, "-1"))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void helpAsksForNothingToStartAndUnknownOptionsAreRejected() {
		assertThat(LocalRunner.parse(List.of("--clean", "--help"), defaults, null)).isEmpty();
		assertThatThrownBy(() -> LocalRunner.parse(List.of("--cleam"), defaults, null))
				.hasMessageContaining("Unknown option: --cleam");
		assertThatThrownBy(() -> LocalRunner.parse(List.of("--services=billing"), defaults, null))
				.hasMessageContaining("Unknown service 'billing'");
		assertThatThrownBy(() -> LocalRunner.parse(List.of("--port-offset=x"), defaults, null))
				.hasMessageContaining("Not a number");
	}
}
