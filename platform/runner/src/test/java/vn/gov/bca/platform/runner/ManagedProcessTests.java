package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTests {

	@TempDir
	Path dir;

	@Test
	void writesOutputAndEnvironmentToItsOwnLogAndKeepsThePreviousOne() throws Exception {
		Files.writeString(dir.resolve("echo.log"), "earlier run");

		ManagedProcess process = ManagedProcess.start("echo", List.of("sh", "-c", "echo hello $GREETING; echo oops >&2"),
				Map.of("GREETING", "Việt Nam"), dir, dir);
		process.process().waitFor();

		String log = Files.readString(process.log());
		assertThat(log).contains("$ sh -c", "hello Việt Nam", "oops");
		assertThat(dir.resolve("echo.previous.log")).hasContent("earlier run");
	}

	@Test
	void stopEndsTheProcessAndTheChildrenItForked() throws Exception {
		ManagedProcess process = ManagedProcess.start("forker", List.of("sh", "-c", "sleep 300 & sleep 300 & wait"),
				Map.of(), dir, dir);
		waitForChildren(process, 2);
		List<ProcessHandle> children = process.process().toHandle().descendants().toList();

		process.stop(Duration.ofSeconds(5));

		assertThat(process.isAlive()).isFalse();
		assertThat(children).noneMatch(ProcessHandle::isAlive);
	}

	@Test
	void aProcessIgnoringSigtermIsKilledAfterTheGracePeriod() throws Exception {
		ManagedProcess process = ManagedProcess.start("stubborn",
				List.of("sh", "-c", "trap '' TERM; echo ready; while true; do sleep 1; done"), Map.of(), dir, dir);
		waitForLog(process, "ready");
		long begin = System.nanoTime();

		process.stop(Duration.ofSeconds(1));

		assertThat(process.isAlive()).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void measuresTheResidentMemoryOfTheTree() throws Exception {
		ManagedProcess process = ManagedProcess.start("sleeper", List.of("sh", "-c", "sleep 300 & wait"), Map.of(),
				dir, dir);
		try {
			waitForChildren(process, 1);
			if (Files.isDirectory(Path.of("/proc/self"))) {
				assertThat(process.residentSetBytes()).isPositive();
			}
		}
		finally {
			process.stop(Duration.ofSeconds(2));
		}
	}

	@Test
	void awaitReadyReturnsOnceTheProbeAnswers() {
		ManagedProcess process = ManagedProcess.start("server", List.of("sh", "-c", "sleep 300"), Map.of(), dir, dir);
		try {
			AtomicInteger asked = new AtomicInteger();

			assertThat(process.awaitReady(() -> asked.incrementAndGet() == 2, Duration.ofSeconds(30), () -> false))
					.isTrue();
			assertThat(asked).hasValue(2);
		}
		finally {
			process.stop(Duration.ofSeconds(2));
		}
	}

	@Test
	void awaitReadyFailsWithTheEndOfTheLogWhenTheProcessExits() {
		ManagedProcess process = ManagedProcess.start("broken", List.of("sh", "-c", "echo cannot bind; exit 3"),
				Map.of(), dir, dir);

		assertThatThrownBy(() -> process.awaitReady(() -> false, Duration.ofSeconds(30), () -> false))
				.hasMessageContaining("broken exited with code 3 during start-up")
				.hasMessageContaining(process.log().toString())
				.hasMessageContaining("cannot bind");
	}

	@Test
	void awaitReadyGivesUpAtTheTimeoutAndWhenCancelled() {
		ManagedProcess process = ManagedProcess.start("slow", List.of("sh", "-c", "sleep 300"), Map.of(), dir, dir);
		try {
			assertThatThrownBy(() -> process.awaitReady(() -> false, Duration.ofMillis(100), () -> false))
					.hasMessageContaining("slow was not healthy within 0 s");
			assertThat(process.awaitReady(() -> false, Duration.ofSeconds(30), () -> true)).isFalse();
		}
		finally {
			process.stop(Duration.ofSeconds(2));
		}
	}

	@Test
	void runToCompletionFailsWithTheEndOfTheLogUnlessTheCommandSucceeds() throws Exception {
		ManagedProcess.runToCompletion("tool", List.of("sh", "-c", "exit 0"), dir, dir, Duration.ofSeconds(30));

		assertThatThrownBy(() -> ManagedProcess.runToCompletion("tool", List.of("sh", "-c", "echo no such dir; exit 1"),
				dir, dir, Duration.ofSeconds(30)))
				.hasMessageContaining("tool failed with code 1")
				.hasMessageContaining("no such dir");
		assertThatThrownBy(() -> ManagedProcess.runToCompletion("hanging", List.of("sh", "-c", "sleep 300"), dir, dir,
				Duration.ofMillis(200)))
				.hasMessageContaining("hanging did not finish within 0 s");
	}

	private static void waitForChildren(ManagedProcess process, int count) throws InterruptedException {
		for (int i = 0; i < 100 && process.process().toHandle().descendants().count() < count; i++) {
			Thread.sleep(50);
		}
	}

	private static void waitForLog(ManagedProcess process, String text) throws Exception {
		for (int i = 0; i < 100 && !Files.readString(process.log()).contains(text); i++) {
			Thread.sleep(50);
		}
	}
}
