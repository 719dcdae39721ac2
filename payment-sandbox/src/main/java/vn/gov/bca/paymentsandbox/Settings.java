package vn.gov.bca.paymentsandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link PaymentSandbox} is set up. Start from {@link #defaults()} (what {@code ./run} and the
 * container use, see {@link #fromEnvironment}) or {@link #forTests()} and change what differs.
 *
 * @param port 0 for any free port
 * @param bindAddress {@code 0.0.0.0} to be reachable from other hosts (containers), a loopback address for tests
 * @param merchantId the one merchant the platform knows
 * @param secret the key both sides sign with
 * @param publicUrl the address browsers reach the sandbox at, for {@code checkoutUrl}; empty for
 *        {@code http://localhost:<port>}
 * @param dataFile the journal replayed at start; empty to keep everything in memory
 * @param checkoutLifetime how long a checkout can be paid
 * @param callbackRetryBackoff the wait before each retry of a callback the merchant did not accept
 * @param callbackTimeout connect and answer timeout of each callback attempt
 * @param clock the platform's time, for expiry, {@code paidAt} and the signature window
 */
public record Settings(
		int port,
		String bindAddress,
		String merchantId,
		String secret,
		Optional<String> publicUrl,
		Optional<Path> dataFile,
		Duration checkoutLifetime,
		List<Duration> callbackRetryBackoff,
		Duration callbackTimeout,
		Clock clock) {

	public static final int DEFAULT_PORT = 8086;
	public static final String DEFAULT_MERCHANT_ID = "BCA-DVC";
	public static final String DEFAULT_SECRET = "payment-sandbox-dev-secret";

	public Settings {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("Port out of range: " + port);
		}
		Objects.requireNonNull(bindAddress, "bindAddress");
		requireText(merchantId, "merchantId");
		requireText(secret, "secret");
		Objects.requireNonNull(publicUrl, "publicUrl");
		Objects.requireNonNull(dataFile, "dataFile");
		Objects.requireNonNull(checkoutLifetime, "checkoutLifetime");
		Objects.requireNonNull(callbackTimeout, "callbackTimeout");
		Objects.requireNonNull(clock, "clock");
		publicUrl = publicUrl.map(Settings::withoutTrailingSlash).filter(url -> !url.isEmpty());
		callbackRetryBackoff = List.copyOf(callbackRetryBackoff);
	}

	/** Port 8086 on every interface, the dev merchant and secret, in memory, retries after 1, 2 and 4 s. */
	public static Settings defaults() {
		return new Settings(DEFAULT_PORT, "0.0.0.0", DEFAULT_MERCHANT_ID, DEFAULT_SECRET, Optional.empty(),
				Optional.empty(), Duration.ofMinutes(30),
				List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), Duration.ofSeconds(5),
				Clock.systemUTC());
	}

	/** A free port on the loopback address, in memory, and retries short enough for a test to wait for. */
	public static Settings forTests() {
		return defaults()
				.withPort(0)
				.withBindAddress("127.0.0.1")
				.withCallbackRetryBackoff(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)))
				.withCallbackTimeout(Duration.ofSeconds(2));
	}

	/**
	 * {@code SANDBOX_PORT} (8086), {@code SANDBOX_MERCHANT_ID} ("BCA-DVC"), {@code SANDBOX_SECRET}
	 * ("payment-sandbox-dev-secret"), {@code SANDBOX_DATA_FILE} (none: in memory) and
	 * {@code SANDBOX_PUBLIC_URL} ({@code http://localhost:<port>}); a blank variable counts as unset.
	 */
	public static Settings fromEnvironment(Map<String, String> environment) {
		Settings settings = defaults();
		Optional<String> port = variable(environment, "SANDBOX_PORT");
		if (port.isPresent()) {
			try {
				settings = settings.withPort(Integer.parseInt(port.get()));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("SANDBOX_PORT is not a number: " + port.get());
			}
		}
		Optional<String> merchantId = variable(environment, "SANDBOX_MERCHANT_ID");
		Optional<String> secret = variable(environment, "SANDBOX_SECRET");
		settings = settings.withMerchant(merchantId.orElse(settings.merchantId()), secret.orElse(settings.secret()));
		Optional<String> dataFile = variable(environment, "SANDBOX_DATA_FILE");
		if (dataFile.isPresent()) {
			settings = settings.withDataFile(Path.of(dataFile.get()));
		}
		Optional<String> publicUrl = variable(environment, "SANDBOX_PUBLIC_URL");
		if (publicUrl.isPresent()) {
			settings = settings.withPublicUrl(publicUrl.get());
		}
		return settings;
	}

	public Settings withPort(int port) {
		return new Settings(port, bindAddress, merchantId, secret, publicUrl, dataFile, checkoutLifetime,
				callbackRetryBackoff, callbackTimeout, clock);
	}

	public Settings withBindAddress(String bindAddress) {
		return new Settings(port, bindAddress, merchantId, secret, publicUrl, dataFile, checkoutLifetime,
				callbackRetryBackoff, callbackTimeout, clock);
	}

	public Settings withMerchant(String merchantId, String secret) {
		return new Settings(port, bindAddress, merchantId, secret, publicUrl, dataFile, checkoutLifetime,
				callbackRetryBackoff, callbackTimeout, clock);
	}

	public Settings withPublicUrl(String publicUrl) {
		return new Settings(port, bindAddress, merchantId, secret, Optional.of(publicUrl), dataFile, checkoutLifetime,
				callbackRetryBackoff, callbackTimeout, clock);
	}

	public Settings withDataFile(Path dataFile) {
		return new Settings(port, bindAddress, merchantId, secret, publicUrl, Optional.of(dataFile), checkoutLifetime,
				callbackRetryBackoff, callbackTimeout, clock);
	}

	public Settings withCheckoutLifetime(Duration checkoutLifetime) {
		return new Settings(port, bindAddress, merchantId, secret, publicUrl, dataFile, checkoutLifetime,
				callbackRetryBackoff, callbackTimeout, clock);
	}

	/** One wait per retry: three waits mean three retries after the first attempt. */
	public Settings withCallbackRetryBackoff(List<Duration> callbackRetryBackoff) {
		return new Settings(port, bindAddress, merchantId, secret, publicUrl, dataFile, checkoutLifetime,
				callbackRetryBackoff, callbackTimeout, clock);
	}

	public Settings withCallbackTimeout(Duration callbackTimeout) {
		return new Settings(port, bindAddress, merchantId, secret, publicUrl, dataFile, checkoutLifetime,
				callbackRetryBackoff, callbackTimeout, clock);
	}

	public Settings withClock(Clock clock) {
		return new Settings(port, bindAddress, merchantId, secret, publicUrl, dataFile, checkoutLifetime,
				callbackRetryBackoff, callbackTimeout, clock);
	}

	private static Optional<String> variable(Map<String, String> environment, String name) {
		return Optional.ofNullable(environment.get(name)).map(String::trim).filter(value -> !value.isEmpty());
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

	private static String withoutTrailingSlash(String url) {
		String trimmed = url.trim();
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}
}
