package vn.gov.bca.platform.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one JVM of its own) on fixed ports
 * and directories. It can be stopped and started again: it comes back on the same address with the
 * topics and records it had. {@link LocalStack} starts its Kafka through this class.
 *
 * <p>Public for tests in which the broker goes away and comes back, such as an outbox that must
 * deliver what was written during an outage. spring-kafka's in-JVM {@code EmbeddedKafkaKraftBroker}
 * cannot play that part: it ignores the ports asked for and picks new ones on every start.
 *
 * <pre>{@code
 * KafkaBroker kafka = new KafkaBroker(port, controllerPort, dir.resolve("kafka"), dir.resolve("logs")).start();
 * kafka.stop();   // clients lose the broker
 * kafka.start();  // the same address, the same data
 * }</pre>
 *
 * The child JVM runs from this module's {@code target/classes} and {@code target/lib}, found from
 * the repository root (see {@link RepoRoot}), or from the caller's own classpath when that holds
 * the broker.
 */
public final class KafkaBroker {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private final ChildCommands commands;

	private final KafkaConfig config;

	private final Path configDir;

	private final Path workDir;

	private final Path logDir;

	private ManagedProcess process;

	private Thread shutdownHook;

	/**
	 * @param port the clients' port ({@link #bootstrapServers()})
	 * @param controllerPort the KRaft controller's port
	 * @param dataDir Kafka's log directory: formatted on the first start, kept afterwards
	 * @param logDir where the broker's output ({@code kafka.log}) and its rendered configuration go
	 */
	public KafkaBroker(int port, int controllerPort, Path dataDir, Path logDir) {
		this(RepoRoot.find(), new KafkaConfig(port, controllerPort, dataDir), logDir);
	}

	private KafkaBroker(Path repoRoot, KafkaConfig config, Path logDir) {
		this(ChildCommands.forRepo(repoRoot), config, logDir, repoRoot, logDir);
	}

	KafkaBroker(ChildCommands commands, KafkaConfig config, Path configDir, Path workDir, Path logDir) {
		this.commands = commands;
		this.config = config;
		this.configDir = configDir;
		this.workDir = workDir;
		this.logDir = logDir;
	}

	/**
	 * Formats the storage if this is its first start, launches the broker and waits until it answers
	 * the admin API as a live node. Fails, with the end of its log, if it does not within two minutes.
	 */
	public synchronized KafkaBroker start() {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException("The Kafka broker on " + bootstrapServers() + " is already running");
		}
		try {
			prepare(STARTUP_TIMEOUT);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while formatting the storage of " + this.config.logDir(), e);
		}
		if (this.shutdownHook == null) {
			// A test JVM that ends without stop() must not leave a broker holding the ports behind.
			this.shutdownHook = new Thread(this::stop, "kafka-broker-shutdown");
			Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		}
		ManagedProcess started = launch();
		try {
			started.awaitReady(readiness(), STARTUP_TIMEOUT, () -> false);
		}
		catch (RuntimeException e) {
			stop();
			throw e;
		}
		return this;
	}

	/** SIGTERM (a controlled shutdown that keeps the data), then SIGKILL after 20 s; nothing if not running. */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.stop(STOP_GRACE);
			this.process = null;
		}
	}

	/** {@code localhost:<port>}, the same across restarts. */
	public String bootstrapServers() {
		return this.config.bootstrapServers();
	}

	/**
	 * Writes the configuration and formats the storage unless it already was: Kafka refuses an
	 * unformatted log dir, and formatting again would give the data another cluster id.
	 */
	void prepare(Duration timeout) throws InterruptedException {
		write(serverProperties(), this.config.serverProperties());
		write(log4jConfig(), KafkaConfig.log4j2Properties());
		if (!isFormatted()) {
			ManagedProcess.runToCompletion("kafka-storage-format",
					this.commands.kafkaStorageFormat(log4jConfig(), serverProperties(), Uuid.randomUuid().toString()),
					this.workDir, this.logDir, timeout);
		}
	}

	boolean isFormatted() {
		return Files.exists(this.config.logDir().resolve("meta.properties"));
	}

	/** Starts the broker's JVM (after {@link #prepare}) without waiting for it. */
	synchronized ManagedProcess launch() {
		this.process = ManagedProcess.start("kafka", this.commands.kafka(log4jConfig(), serverProperties()), Map.of(),
				this.workDir, this.logDir);
		return this.process;
	}

	Probe readiness() {
		return Probe.kafka(bootstrapServers(), this.config.port());
	}

	private Path serverProperties() {
		return this.configDir.resolve("kafka-server.properties");
	}

	private Path log4jConfig() {
		return this.configDir.resolve("kafka-log4j2.properties");
	}

	private static void write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write " + file, e);
		}
	}
}
