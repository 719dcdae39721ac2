package vn.gov.bca.platform.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines of the JVMs the stack starts, all on the runner's own Java so that
 * {@code JAVA_HOME=... ./run} moves everything to another JDK.
 */
record ChildCommands(String java, String classpath) {

	static ChildCommands forRepo(Path repoRoot) {
		return new ChildCommands(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				ChildClasspath.of(repoRoot));
	}

	List<String> kafka(Path log4jConfig, Path serverProperties) {
		return concat(kafkaJvm(log4jConfig), "kafka.Kafka", serverProperties.toString());
	}

	/** Kafka 4 refuses to start on an unformatted log dir; the cluster id is chosen once, here. */
	List<String> kafkaStorageFormat(Path log4jConfig, Path serverProperties, String clusterId) {
		return concat(kafkaJvm(log4jConfig), "kafka.tools.StorageTool", "format", "--cluster-id", clusterId,
				"--config", serverProperties.toString());
	}

	private List<String> kafkaJvm(Path log4jConfig) {
		return List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
				"-Dlog4j2.configurationFile=" + log4jConfig.toUri(), "-cp", classpath);
	}

	/**
	 * The memory backend holds every document on the heap (about 5.6 KB a citizen record: 1 GB fits
	 * some 150,000): a larger heap, and {@code MONGO_HEAP} (e.g. {@code 10g}) for the load tests'
	 * million-record data sets.
	 */
	List<String> mongo(int port, MongoBackend backend, Path h2File) {
		return backend == MongoBackend.H2
				? List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", classpath, MongoServerMain.class.getName(),
						Integer.toString(port), "h2", h2File.toString())
				: List.of(java, "-Xmx" + memoryBackendHeap(System.getenv("MONGO_HEAP")), "-XX:+UseSerialGC", "-cp",
						classpath, MongoServerMain.class.getName(), Integer.toString(port), "memory");
	}

	static String memoryBackendHeap(String requested) {
		if (requested == null || requested.isBlank()) {
			return "1g";
		}
		if (!requested.strip().matches("[0-9]+[mMgG]")) {
			throw new IllegalArgumentException("MONGO_HEAP must look like 4g or 4096m, not " + requested);
		}
		return requested.strip();
	}

	List<String> service(Path jar, List<String> jvmArgs) {
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(jvmArgs);
		command.add("-jar");
		command.add(jar.toString());
		return command;
	}

	private static List<String> concat(List<String> head, String... tail) {
		List<String> all = new ArrayList<>(head);
		all.addAll(List.of(tail));
		return all;
	}
}
