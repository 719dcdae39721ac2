package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoRootTests {

	@TempDir
	Path dir;

	@Test
	void findsTheRootFromAModuleDirectoryBelowIt() throws IOException {
		Files.createFile(dir.resolve("mvnw"));
		Files.createFile(dir.resolve("pom.xml"));
		Path module = Files.createDirectories(dir.resolve("system-tests/target"));
		Files.createFile(dir.resolve("system-tests/pom.xml"));

		assertThat(RepoRoot.find(module)).isEqualTo(dir.toAbsolutePath().normalize());
		assertThat(RepoRoot.find(dir)).isEqualTo(dir.toAbsolutePath().normalize());
	}

	@Test
	void aModulePomAloneIsNotTheRoot() throws IOException {
		Path module = Files.createDirectories(dir.resolve("gateway"));
		Files.createFile(module.resolve("pom.xml"));

		assertThatThrownBy(() -> RepoRoot.find(module))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("mvnw");
	}

	@Test
	void findsThisRepositoryFromTheWorkingDirectory() {
		Path root = RepoRoot.find();
		assertThat(root.resolve("platform/runner/pom.xml")).exists();
	}
}
