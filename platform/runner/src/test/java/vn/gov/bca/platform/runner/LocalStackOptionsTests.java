package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class LocalStackOptionsTests {

	private final Path root = Path.of("/repo");

	@Test
	void defaultsKeepDataUnderDotLocalAndStartEverything() {
		LocalStackOptions options = LocalStackOptions.defaults(root);

		assertThat(options.dataDir()).isEqualTo(Path.of("/repo/.local/data"));
		assertThat(options.logDir()).isEqualTo(Path.of("/repo/.local/logs"));
		assertThat(options.realmFile()).isEqualTo(Path.of("/repo/keycloak/vneid-realm.json"));
		assertThat(options.services()).isEqualTo(EnumSet.allOf(Service.class));
		assertThat(options.mongoBackend()).isEqualTo(MongoBackend.H2);
		assertThat(options.externalMongoUri()).isEmpty();
		assertThat(options.clean()).isFalse();
		assertThat(options.syntheticPopulation()).isEqualTo(50_000);
	}

	@Test
	void forTestsRunsBesideRunOnPortsMovedBy10000InMemory() {
		LocalStackOptions options = LocalStackOptions.forTests();

		assertThat(options.port(Port.GATEWAY)).isEqualTo(18080);
		assertThat(options.port(Port.MONGO)).isEqualTo(37017);
		assertThat(options.mongoBackend()).isEqualTo(MongoBackend.MEMORY);
		assertThat(options.clean()).isTrue();
		assertThat(options.dataDir()).isEqualTo(options.repoRoot().resolve(".local/test-stack/data"));
		assertThat(options.syntheticPopulation()).isZero();
	}

	@Test
	void withersChangeOneThing() {
		LocalStackOptions options = LocalStackOptions.defaults(root)
				.withServices(Service.IDENTITY, Service.GATEWAY)
				.withExternalMongo("mongodb://db:27017")
				.withDataDir(Path.of("relative"));

		assertThat(options.services()).containsExactlyInAnyOrder(Service.IDENTITY, Service.GATEWAY);
		assertThat(options.externalMongoUri()).contains("mongodb://db:27017");
		assertThat(options.dataDir()).isAbsolute();
		assertThat(options.logDir()).isEqualTo(Path.of("/repo/.local/logs"));
		assertThat(options.withInfrastructureOnly().services()).isEmpty();
	}
}
