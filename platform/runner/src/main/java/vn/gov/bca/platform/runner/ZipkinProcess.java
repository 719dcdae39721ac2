package vn.gov.bca.platform.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zipkin's server, the trace backend of {@code ./run --observability} and of the system tests:
 * Zipkin's own runnable jar from Maven Central ({@code io.zipkin:zipkin-server:exec}), copied to
 * {@code .local/zipkin/} by platform/runner's build, keeping the spans in memory. Started with the
 * infrastructure, before the services that report to it.
 */
final class ZipkinProcess {

	static final String NAME = "zipkin";

	/** Spans held in memory (Zipkin's default is 500,000, about 1 GB with the stack's span sizes). */
	static final int MAX_SPANS = 200_000;

	static final List<String> JVM_ARGS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	private ZipkinProcess() {
	}

	static Path jar(Path repoRoot) {
		return repoRoot.resolve(".local").resolve("zipkin").resolve("zipkin-server.jar");
	}

	static String url(LocalStackOptions options) {
		return "http://localhost:" + options.port(Port.ZIPKIN);
	}

	/** Where the services send their spans (Zipkin's v2 JSON API). */
	static String spansEndpoint(LocalStackOptions options) {
		return url(options) + "/api/v2/spans";
	}

	/** Answers {@code {"status":"UP",...}} once the collector and the storage run. */
	static String healthUrl(LocalStackOptions options) {
		return url(options) + "/health";
	}

	static void requireJar(Path repoRoot) {
		if (!Files.isRegularFile(jar(repoRoot))) {
			throw new IllegalStateException("No Zipkin server at " + jar(repoRoot)
					+ ": build first (./run --build, or ./mvnw -pl platform/runner package) to fetch it");
		}
	}

	static Map<String, String> environment(LocalStackOptions options) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("QUERY_PORT", Integer.toString(options.port(Port.ZIPKIN)));
		environment.put("STORAGE_TYPE", "mem");
		environment.put("MEM_MAX_SPANS", Integer.toString(MAX_SPANS));
		// Zipkin does not trace itself.
		environment.put("SELF_TRACING_ENABLED", "false");
		return environment;
	}

	/** What each service is told to do with its spans: all kept and sent to this Zipkin. */
	static Map<String, String> serviceEnvironment(LocalStackOptions options) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("TRACING_EXPORT_ENABLED", "true");
		environment.put("TRACING_SAMPLING_PROBABILITY", "1.0");
		environment.put("ZIPKIN_ENDPOINT", spansEndpoint(options));
		return environment;
	}

}
