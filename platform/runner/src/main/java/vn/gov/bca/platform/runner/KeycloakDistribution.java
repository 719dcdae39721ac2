package vn.gov.bca.platform.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The Keycloak server distribution (keycloak-quarkus-dist from Maven Central), unpacked under
 * .local/keycloak by the runner module's build, or by the runner from the local Maven repository
 * when .local/ was deleted since.
 */
record KeycloakDistribution(String version, Path home) {

	static KeycloakDistribution in(Path repoRoot) {
		String version = runnerProperties().getProperty("keycloak.version");
		return new KeycloakDistribution(version,
				repoRoot.resolve(".local").resolve("keycloak").resolve("keycloak-" + version));
	}

	static Properties runnerProperties() {
		try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/vneid-runner.properties")) {
			if (in == null) {
				throw new IllegalStateException("vneid-runner.properties missing from the runner's classpath");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Path script() {
		return home.resolve("bin").resolve("kc.sh");
	}

	/** Unpacks the distribution if it is missing; {@code tar} is on every Linux and macOS. */
	void ensureUnpacked() {
		if (Files.isRegularFile(script())) {
			return;
		}
		Path archive = localRepository().resolve("org/keycloak/keycloak-quarkus-dist").resolve(version)
				.resolve("keycloak-quarkus-dist-" + version + ".tar.gz");
		if (!Files.isRegularFile(archive)) {
			throw new IllegalStateException("Keycloak " + version + " is neither unpacked at " + home
					+ " nor in the local Maven repository (" + archive + "). Build the runner once: ./run --build");
		}
		System.out.println("[local] unpacking Keycloak " + version + " from " + archive);
		try {
			Files.createDirectories(home.getParent());
			Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", home.getParent().toString())
					.inheritIO().start();
			if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
				throw new IllegalStateException("Could not unpack " + archive + " into " + home.getParent());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not unpack " + archive, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while unpacking Keycloak", e);
		}
	}

	private static Path localRepository() {
		String configured = System.getProperty("maven.repo.local");
		return configured != null ? Path.of(configured)
				: Path.of(System.getProperty("user.home"), ".m2", "repository");
	}

	/**
	 * {@code --import-realm} reads only the distribution's data/import; the realm is skipped when it
	 * already exists in the database, so a changed realm file needs {@code ./run --clean}.
	 */
	void installRealm(Path realmFile) {
		try {
			Path importDir = home.resolve("data").resolve("import");
			Files.createDirectories(importDir);
			Files.copy(realmFile, importDir.resolve(LocalStackOptions.REALM + "-realm.json"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not copy " + realmFile + " into Keycloak's import folder", e);
		}
	}

	/**
	 * {@code kc.db-url-path} moves the dev-file H2 database out of the distribution, into
	 * {@code <databaseDir>/data/h2}, so that it lives with the stack's other data.
	 */
	List<String> command(int httpPort, int managementPort, Path databaseDir, boolean importRealm) {
		List<String> command = new ArrayList<>(List.of(
				"/bin/sh", script().toString(), "start-dev",
				"--http-port=" + httpPort,
				"--http-host=127.0.0.1",
				"--hostname=http://localhost:" + httpPort,
				"--health-enabled=true",
				"--http-management-port=" + managementPort,
				"-Dkc.db-url-path=" + databaseDir.toAbsolutePath()));
		if (importRealm) {
			command.add("--import-realm");
		}
		return command;
	}

	static Map<String, String> environment(String javaHome) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("JAVA_HOME", javaHome);
		// Only for the dev start: the admin console at /admin with admin/admin.
		environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
		environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
		// An inherited JAVA_OPTS would replace all of kc.sh's defaults; empty lets kc.sh use them.
		environment.put("JAVA_OPTS", "");
		environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
		environment.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
		return environment;
	}
}
