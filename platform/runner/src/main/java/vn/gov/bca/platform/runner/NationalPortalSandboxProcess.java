package vn.gov.bca.platform.runner;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The national-portal-sandbox module as the stack runs it: the stand-in for the National Public
 * Service Portal, an outside system like the payment platform, so started with the infrastructure
 * and before the services. Its journal lives in the data directory so that what it holds survives a
 * restart of {@code ./run}.
 */
final class NationalPortalSandboxProcess {

	static final String NAME = "national-portal-sandbox";

	static final String USERNAME = "bca-dvc";

	static final String PASSWORD = "national-portal-sandbox-dev-secret";

	/**
	 * A JDK HTTP server and a few maps, C1 only for a quick start. It holds every dossier it was sent
	 * in memory, about 5 KB each: with 64 MB it ran out of heap after some 12,000 (a few minutes of
	 * the passport load test) and every sync then failed; 256 MB holds about 50,000.
	 */
	static final List<String> JVM_ARGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	private NationalPortalSandboxProcess() {
	}

	static Path jar(Path repoRoot) {
		return repoRoot.resolve(NAME).resolve("target").resolve(NAME + ".jar");
	}

	static String url(LocalStackOptions options) {
		return "http://localhost:" + options.port(Port.NATIONAL_PORTAL_SANDBOX);
	}

	/** The readiness probe's address: answers {@code {"status":"UP"}}. */
	static String healthUrl(LocalStackOptions options) {
		return url(options) + "/sandbox/health";
	}

	static Map<String, String> environment(LocalStackOptions options, Path dataFile) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("NATIONAL_PORTAL_SANDBOX_PORT", Integer.toString(options.port(Port.NATIONAL_PORTAL_SANDBOX)));
		environment.put("NATIONAL_PORTAL_SANDBOX_BIND_ADDRESS", "127.0.0.1");
		environment.put("NATIONAL_PORTAL_SANDBOX_USERNAME", USERNAME);
		environment.put("NATIONAL_PORTAL_SANDBOX_PASSWORD", PASSWORD);
		environment.put("NATIONAL_PORTAL_SANDBOX_DATA_FILE", dataFile.toString());
		return environment;
	}

}
