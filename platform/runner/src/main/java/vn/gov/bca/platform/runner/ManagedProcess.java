package vn.gov.bca.platform.runner;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One child process of the stack, its output going to its own log file. */
final class ManagedProcess {

	private static final boolean SETSID = onPath("setsid");

	private final String name;
	private final Process process;
	private final Path log;

	private ManagedProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts {@code command} with {@code environment} added to the runner's own. The previous log is
	 * kept as {@code <name>.previous.log} so that a crash can still be read after a restart.
	 */
	static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
			Path logDir) {
		try {
			Files.createDirectories(logDir);
			Path log = logDir.resolve(name + ".log");
			if (Files.exists(log)) {
				Files.move(log, logDir.resolve(name + ".previous.log"), StandardCopyOption.REPLACE_EXISTING);
			}
			Files.writeString(log, "$ " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
			ProcessBuilder builder = new ProcessBuilder(detached(command))
					.directory(workDir.toFile())
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			Process process = builder.start();
			// Nothing is ever typed into a child: an immediate end of input rather than a pipe that blocks.
			process.getOutputStream().close();
			return new ManagedProcess(name, process, log);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start " + name + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Runs a command that must end by itself with exit code 0 within {@code timeout} (a tool, not a
	 * server); otherwise fails with the end of its log.
	 */
	static void runToCompletion(String name, List<String> command, Path workDir, Path logDir, Duration timeout)
			throws InterruptedException {
		ManagedProcess process = start(name, command, Map.of(), workDir, logDir);
		try {
			if (!process.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw process.failure(name + " did not finish within " + timeout.toSeconds() + " s");
			}
			if (process.exitValue() != 0) {
				throw process.failure(name + " failed with code " + process.exitValue());
			}
		}
		finally {
			if (process.isAlive()) {
				process.stop(Duration.ofSeconds(1));
			}
		}
	}

	/**
	 * Ctrl-C in a terminal reaches the whole foreground process group. In a session of their own the
	 * children hear only the runner, which stops them in reverse order (gateway first, Kafka last).
	 */
	private static List<String> detached(List<String> command) {
		if (!SETSID) {
			return command;
		}
		List<String> detached = new ArrayList<>(command.size() + 1);
		detached.add("setsid");
		detached.addAll(command);
		return detached;
	}

	private static boolean onPath(String executable) {
		String path = System.getenv("PATH");
		return path != null && Stream.of(path.split(File.pathSeparator))
				.anyMatch(dir -> Files.isExecutable(Path.of(dir, executable)));
	}

	String name() {
		return name;
	}

	long pid() {
		return process.pid();
	}

	Path log() {
		return log;
	}

	boolean isAlive() {
		return process.isAlive();
	}

	int exitValue() {
		return process.exitValue();
	}

	Process process() {
		return process;
	}

	/**
	 * SIGTERM to the process and every descendant (kc.sh forks the Keycloak JVM), up to {@code grace}
	 * for them to finish, then SIGKILL to whatever is left.
	 */
	void stop(Duration grace) {
		List<ProcessHandle> tree = tree();
		tree.forEach(ProcessHandle::destroy);
		Instant deadline = Instant.now().plus(grace);
		for (ProcessHandle handle : tree) {
			long left = Duration.between(Instant.now(), deadline).toMillis();
			try {
				handle.onExit().get(Math.max(left, 1), TimeUnit.MILLISECONDS);
			}
			catch (Exception e) {
				// still running at the deadline: killed below
			}
		}
		tree().forEach(ProcessHandle::destroyForcibly);
		tree.forEach(ProcessHandle::destroyForcibly);
		try {
			process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Asks {@code probe} every half second until it answers true (returns true) or {@code cancelled}
	 * does (returns false). Fails, with the end of the log, when the process exits first or
	 * {@code timeout} passes.
	 */
	boolean awaitReady(Probe probe, Duration timeout, BooleanSupplier cancelled) {
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			if (cancelled.getAsBoolean()) {
				return false;
			}
			if (!isAlive()) {
				throw failure(name + " exited with code " + exitValue() + " during start-up");
			}
			if (probe.ready()) {
				return true;
			}
			if (Instant.now().isAfter(deadline)) {
				String answer = probe.lastAnswer().isEmpty() ? "" : " (" + probe.lastAnswer() + ")";
				throw failure(name + " was not healthy within " + timeout.toSeconds() + " s" + answer);
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + name, e);
			}
		}
	}

	/** {@code what} happened: the message names the log and shows its last lines. */
	IllegalStateException failure(String what) {
		String nl = System.lineSeparator();
		return new IllegalStateException(what + "." + nl + "Log: " + log + nl + "--- last lines ---" + nl + tail(30));
	}

	/** Resident memory of the process and its descendants, from /proc (0 where there is no /proc). */
	long residentSetBytes() {
		return tree().stream().mapToLong(handle -> ResidentSet.ofPid(handle.pid())).sum();
	}

	private List<ProcessHandle> tree() {
		List<ProcessHandle> tree = new ArrayList<>();
		ProcessHandle self = process.toHandle();
		if (self.isAlive()) {
			tree.add(self);
		}
		tree.addAll(self.descendants().collect(Collectors.toList()));
		return tree;
	}

	/** The last lines of the log, shown when the process fails to start. */
	String tail(int lines) {
		try {
			List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException e) {
			return "(log not readable: " + e.getMessage() + ")";
		}
	}
}
