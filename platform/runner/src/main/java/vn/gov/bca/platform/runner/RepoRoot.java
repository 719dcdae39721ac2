package vn.gov.bca.platform.runner;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root from wherever the JVM was started: Maven runs the system tests with
 * system-tests/ as working directory, an IDE may use the module or the root.
 */
public final class RepoRoot {

	private static final String MARKER = "mvnw";

	private RepoRoot() {
	}

	public static Path find() {
		return find(Path.of(System.getProperty("user.dir")));
	}

	public static Path find(Path start) {
		for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve(MARKER)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No repository root (a directory holding " + MARKER
				+ " and pom.xml) at or above " + start.toAbsolutePath());
	}
}
