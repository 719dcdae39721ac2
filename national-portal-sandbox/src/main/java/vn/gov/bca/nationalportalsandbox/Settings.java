package vn.gov.bca.nationalportalsandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How a sandbox is set up: where it listens, the account the ministry's system signs in with, how
 * long a session lasts, and the journal that keeps what it accepted across restarts (none: in memory).
 *
 * @param bindAddress the address listened on ({@code 0.0.0.0} in a container)
 * @param port the port (0: any free one, for tests)
 * @param username the integrating system's account at the portal
 * @param password its password
 * @param sessionLifetime how long a session issued at sign-in is accepted
 * @param dataFile the journal, one JSON line per message accepted
 */
public record Settings(String bindAddress, int port, String username, String password, Duration sessionLifetime,
		Optional<Path> dataFile) {

	public static final String DEFAULT_USERNAME = "bca-dvc";

	public static final String DEFAULT_PASSWORD = "national-portal-sandbox-dev-secret";

	public Settings {
		if (username == null || username.isBlank() || password == null || password.isBlank()) {
			throw new IllegalArgumentException("The sandbox needs an account: a username and a password");
		}
		if (sessionLifetime.isNegative() || sessionLifetime.isZero()) {
			throw new IllegalArgumentException("A session must last some time, got " + sessionLifetime);
		}
	}

	/** In memory, on a free port of the loopback interface. */
	public static Settings forTests() {
		return new Settings("127.0.0.1", 0, DEFAULT_USERNAME, DEFAULT_PASSWORD, Duration.ofMinutes(30), Optional.empty());
	}

	public Settings withDataFile(Path file) {
		return new Settings(this.bindAddress, this.port, this.username, this.password, this.sessionLifetime,
				Optional.of(file));
	}

	public Settings withSessionLifetime(Duration lifetime) {
		return new Settings(this.bindAddress, this.port, this.username, this.password, lifetime, this.dataFile);
	}

	/**
	 * From {@code NATIONAL_PORTAL_SANDBOX_PORT} (8087), {@code _BIND_ADDRESS} (0.0.0.0), {@code _USERNAME},
	 * {@code _PASSWORD}, {@code _SESSION_SECONDS} (1800) and {@code _DATA_FILE} (none).
	 */
	public static Settings fromEnvironment(Map<String, String> environment) {
		return new Settings(environment.getOrDefault("NATIONAL_PORTAL_SANDBOX_BIND_ADDRESS", "0.0.0.0"),
				Integer.parseInt(environment.getOrDefault("NATIONAL_PORTAL_SANDBOX_PORT", "8087")),
				environment.getOrDefault("NATIONAL_PORTAL_SANDBOX_USERNAME", DEFAULT_USERNAME),
				environment.getOrDefault("NATIONAL_PORTAL_SANDBOX_PASSWORD", DEFAULT_PASSWORD),
				Duration.ofSeconds(Long.parseLong(environment.getOrDefault("NATIONAL_PORTAL_SANDBOX_SESSION_SECONDS", "1800"))),
				Optional.ofNullable(environment.get("NATIONAL_PORTAL_SANDBOX_DATA_FILE"))
					.filter((file) -> !file.isBlank())
					.map(Path::of));
	}

}
