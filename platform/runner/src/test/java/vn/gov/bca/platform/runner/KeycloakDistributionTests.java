package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakDistributionTests {

	@TempDir
	Path dir;

	@Test
	void theVersionComesFromTheBuildAndTheDistributionLivesUnderDotLocal() {
		KeycloakDistribution distribution = KeycloakDistribution.in(Path.of("/repo"));

		assertThat(distribution.version()).matches("\\d+\\.\\d+\\.\\d+");
		assertThat(distribution.home()).isEqualTo(Path.of("/repo/.local/keycloak/keycloak-" + distribution.version()));
	}

	@Test
	void startsInDevModeOnTheGivenPortsWithItsDatabaseInTheDataDirectory() {
		KeycloakDistribution distribution = new KeycloakDistribution("26.7.3", Path.of("/kc"));

		List<String> command = distribution.command(18180, 19180, Path.of("/data/keycloak"), true);

		assertThat(command).containsSubsequence("/bin/sh", "/kc/bin/kc.sh", "start-dev");
		assertThat(command).contains("--http-port=18180", "--http-management-port=19180",
				"--hostname=http://localhost:18180", "--health-enabled=true", "-Dkc.db-url-path=/data/keycloak",
				"--import-realm");
		assertThat(distribution.command(8180, 9180, Path.of("/d"), false)).doesNotContain("--import-realm");
	}

	@Test
	void theRealmGoesWhereImportRealmReadsIt() throws IOException {
		Path realm = Files.writeString(dir.resolve("my-realm.json"), "{\"realm\":\"vneid\"}");
		KeycloakDistribution distribution = new KeycloakDistribution("26.7.3", dir.resolve("kc"));

		distribution.installRealm(realm);

		assertThat(dir.resolve("kc/data/import/vneid-realm.json")).hasContent("{\"realm\":\"vneid\"}");
	}

	@Test
	void devAdminAndModestHeap() {
		assertThat(KeycloakDistribution.environment("/jdk"))
				.containsEntry("JAVA_HOME", "/jdk")
				.containsEntry("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
				.containsEntry("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
				.containsEntry("JAVA_OPTS", "")
				.containsEntry("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
	}
}
