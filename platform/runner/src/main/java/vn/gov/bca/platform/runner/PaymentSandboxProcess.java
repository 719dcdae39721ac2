package vn.gov.bca.platform.runner;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payment-sandbox module as the stack runs it: the stand-in for the national payment platform
 * (PayGov), an outside system like Keycloak is, so started with the infrastructure and before the
 * services. Its merchant id and secret are the ones fine-payment-service is given
 * ({@link ServiceEnvironment}); its journal lives in the data directory so that what it confirmed
 * survives a restart of {@code ./run}.
 */
final class PaymentSandboxProcess {

	static final String NAME = "payment-sandbox";
	static final String MERCHANT_ID = "BCA-DVC";
	static final String SECRET = "payment-sandbox-dev-secret";

	/** A JDK HTTP server and a few maps: a small heap, and C1 only for a quick start. */
	static final List<String> JVM_ARGS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	private PaymentSandboxProcess() {
	}

	static Path jar(Path repoRoot) {
		return repoRoot.resolve(NAME).resolve("target").resolve(NAME + ".jar");
	}

	static String url(LocalStackOptions options) {
		return "http://localhost:" + options.port(Port.PAYMENT_SANDBOX);
	}

	/** The readiness probe's address: answers {@code {"status":"UP"}}. */
	static String healthUrl(LocalStackOptions options) {
		return url(options) + "/sandbox/health";
	}

	static Map<String, String> environment(LocalStackOptions options, Path dataFile) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SANDBOX_PORT", Integer.toString(options.port(Port.PAYMENT_SANDBOX)));
		environment.put("SANDBOX_MERCHANT_ID", MERCHANT_ID);
		environment.put("SANDBOX_SECRET", SECRET);
		environment.put("SANDBOX_DATA_FILE", dataFile.toString());
		environment.put("SANDBOX_PUBLIC_URL", url(options));
		return environment;
	}
}
