package vn.gov.bca.platform.runner;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath of the Kafka and MongoDB JVMs: the runner module's own build output. A module that
 * uses LocalStack (system-tests) does not carry the broker on its classpath, so its own classpath
 * is used only when it happens to hold everything.
 */
final class ChildClasspath {

	private ChildClasspath() {
	}

	static String of(Path repoRoot) {
		Path target = repoRoot.resolve("platform").resolve("runner").resolve("target");
		Path classes = target.resolve("classes");
		Path lib = target.resolve("lib");
		if (Files.isDirectory(classes.resolve("vn")) && Files.isDirectory(lib)) {
			return classes + File.pathSeparator + lib + File.separator + "*";
		}
		if (ChildClasspath.class.getResource("/kafka/Kafka.class") != null
				&& ChildClasspath.class.getResource("/de/bwaldvogel/mongo/MongoServer.class") != null) {
			return System.getProperty("java.class.path");
		}
		throw new IllegalStateException("The runner is not built: " + lib + " is missing. Run ./run --build, or "
				+ "./mvnw -pl platform/runner -am -DskipTests install");
	}
}
