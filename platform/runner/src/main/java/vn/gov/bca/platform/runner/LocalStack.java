package vn.gov.bca.platform.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.Uuid;

/**
 * The whole system on this machine, each part in its own process: a Kafka broker (KRaft), a
 * MongoDB-protocol server (or a MongoDB of the user's), Keycloak with the vneid realm, the services
 * and the gateway. {@code ./run} uses it through {@link LocalRunner}; system tests use it directly:
 *
 * <pre>{@code
 * try (LocalStack stack = new LocalStack(LocalStackOptions.forTests()).start()) {
 *     String gateway = stack.gatewayUrl();
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private final LocalStackOptions options;
	private final PrintStream out;
	private final List<Stage> stages = new CopyOnWriteArrayList<>();
	private final Map<String, String> urls = Collections.synchronizedMap(new LinkedHashMap<>());
	private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");
	private volatile boolean stopping;
	private Duration startupTime = Duration.ZERO;

	public LocalStack(LocalStackOptions options) {
		this(options, System.out);
	}

	public LocalStack(LocalStackOptions options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	/** Processes started together and stopped together. */
	private record Stage(List<ManagedProcess> processes) {
	}

	/** One started process, for the summary table. */
	public record StackProcess(String name, long pid, String url, Path log) {
	}

	/**
	 * Starts every part and waits until each is healthy. When one fails, everything already started
	 * is stopped and the exception names the part, its log file and the end of that log.
	 */
	public synchronized LocalStack start() {
		if (!stages.isEmpty()) {
			throw new IllegalStateException("Already started");
		}
		Instant begin = Instant.now();
		stopping = false;
		Runtime.getRuntime().addShutdownHook(shutdownHook);
		try {
			checkJarsBuilt();
			checkPortsFree();
			prepareDataDir();
			startInfrastructure();
			List<Service> services = new ArrayList<>();
			for (Service service : Service.values()) {
				if (!service.isGateway() && options.services().contains(service)) {
					services.add(service);
				}
			}
			if (!services.isEmpty()) {
				startServices(services);
			}
			if (options.services().contains(Service.GATEWAY)) {
				startServices(List.of(Service.GATEWAY));
			}
			startupTime = Duration.between(begin, Instant.now());
			return this;
		}
		catch (RuntimeException e) {
			close();
			throw e;
		}
	}

	/** Stops everything in the reverse order of start; safe to call more than once. */
	@Override
	public void close() {
		synchronized (this) {
			if (stopping) {
				return;
			}
			stopping = true;
		}
		if (Thread.currentThread() != shutdownHook) {
			try {
				Runtime.getRuntime().removeShutdownHook(shutdownHook);
			}
			catch (IllegalStateException e) {
				// the JVM is already shutting down and runs the hook itself
			}
		}
		List<Stage> reversed = new ArrayList<>(stages);
		Collections.reverse(reversed);
		for (Stage stage : reversed) {
			stopStage(stage);
		}
		stages.clear();
	}

	private void stopStage(Stage stage) {
		List<Thread> stoppers = new ArrayList<>();
		for (ManagedProcess process : stage.processes()) {
			if (process.isAlive()) {
				out.println("[local] stopping " + process.name() + " (pid " + process.pid() + ")");
			}
			Thread stopper = new Thread(() -> process.stop(STOP_GRACE), "stop-" + process.name());
			stopper.start();
			stoppers.add(stopper);
		}
		for (Thread stopper : stoppers) {
			try {
				stopper.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void checkJarsBuilt() {
		for (Service service : options.services()) {
			Path jar = service.jar(options.repoRoot());
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException(jar + " is missing: build first (./run --build, or ./mvnw -DskipTests install)");
			}
		}
	}

	private void checkPortsFree() {
		Map<String, Integer> wanted = new LinkedHashMap<>();
		wanted.put("Kafka", options.port(Port.KAFKA));
		wanted.put("Kafka controller", options.port(Port.KAFKA_CONTROLLER));
		if (options.externalMongoUri().isEmpty()) {
			wanted.put("MongoDB", options.port(Port.MONGO));
		}
		wanted.put("Keycloak", options.port(Port.KEYCLOAK));
		wanted.put("Keycloak management", options.port(Port.KEYCLOAK_MANAGEMENT));
		for (Service service : options.services()) {
			wanted.put(service.module(), options.port(service.port()));
		}
		List<String> busy = new ArrayList<>();
		wanted.forEach((name, port) -> {
			if (!isFree(port)) {
				busy.add(name + " " + port);
			}
		});
		if (!busy.isEmpty()) {
			throw new IllegalStateException("Port(s) already in use: " + String.join(", ", busy)
					+ ". Is another ./run or test stack still running? (ss -ltnp | grep <port>)");
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	private void prepareDataDir() {
		Path dataDir = options.dataDir();
		if (options.clean() && Files.exists(dataDir)) {
			if (options.repoRoot().startsWith(dataDir) || dataDir.getNameCount() < 2) {
				throw new IllegalStateException("Refusing to delete " + dataDir + ": it holds the repository");
			}
			out.println("[local] deleting " + dataDir);
			deleteRecursively(dataDir);
		}
		try {
			Files.createDirectories(dataDir.resolve("config"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void startInfrastructure() {
		String java = javaCommand();
		String classpath = ChildClasspath.of(options.repoRoot());
		// Before anything runs: unpacking may fail, and nothing should then be left to stop.
		KeycloakDistribution keycloak = KeycloakDistribution.in(options.repoRoot());
		keycloak.ensureUnpacked();
		KafkaConfig kafka = new KafkaConfig(options.port(Port.KAFKA), options.port(Port.KAFKA_CONTROLLER),
				options.dataDir().resolve("kafka"));
		Path serverProperties = write("kafka-server.properties", kafka.serverProperties());
		Path log4j = write("kafka-log4j2.properties", KafkaConfig.log4j2Properties());
		List<String> kafkaJvm = List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
				"-Dlog4j2.configurationFile=" + log4j.toUri(), "-cp", classpath);
		formatKafkaStorage(kafka, kafkaJvm, serverProperties);

		List<ManagedProcess> processes = new ArrayList<>();
		Stage stage = new Stage(processes);
		stages.add(stage);
		Map<ManagedProcess, Probe> probes = new LinkedHashMap<>();

		ManagedProcess kafkaProcess = launch(processes, "kafka",
				concat(kafkaJvm, "kafka.Kafka", serverProperties.toString()), Map.of());
		probes.put(kafkaProcess, Probe.kafka(kafka.bootstrapServers(), options.port(Port.KAFKA)));
		urls.put("kafka", kafka.bootstrapServers());

		if (options.externalMongoUri().isEmpty()) {
			int port = options.port(Port.MONGO);
			List<String> backend = options.mongoBackend() == MongoBackend.H2
					? List.of("h2", options.dataDir().resolve("mongo").resolve("vneid.mv").toString())
					: List.of("memory");
			String heap = options.mongoBackend() == MongoBackend.H2 ? "-Xmx256m" : "-Xmx1g";
			List<String> command = new ArrayList<>(List.of(java, heap, "-XX:+UseSerialGC", "-cp", classpath,
					MongoServerMain.class.getName(), Integer.toString(port)));
			command.addAll(backend);
			ManagedProcess mongo = launch(processes, "mongo", command, Map.of());
			probes.put(mongo, Probe.mongoPing(port));
			urls.put("mongo", "mongodb://localhost:" + port);
		}
		else {
			urls.put("mongo", options.externalMongoUri().get());
		}

		boolean importRealm = Files.isRegularFile(options.realmFile());
		if (importRealm) {
			keycloak.installRealm(options.realmFile());
		}
		else {
			out.println("[local] WARNING: no realm file at " + options.realmFile() + "; Keycloak starts without realm "
					+ LocalStackOptions.REALM);
		}
		ManagedProcess keycloakProcess = launch(processes, "keycloak",
				keycloak.command(options.port(Port.KEYCLOAK), options.port(Port.KEYCLOAK_MANAGEMENT),
						options.dataDir().resolve("keycloak"), importRealm),
				KeycloakDistribution.environment(System.getProperty("java.home")));
		Probe keycloakReady = Probe.ok(
				"http://localhost:" + options.port(Port.KEYCLOAK_MANAGEMENT) + "/health/ready");
		Probe realmServed = Probe.ok(issuerUri() + "/.well-known/openid-configuration");
		probes.put(keycloakProcess, importRealm ? () -> keycloakReady.ready() && realmServed.ready() : keycloakReady);
		urls.put("keycloak", keycloakUrl());

		probes.forEach(this::awaitHealthy);
	}

	private void formatKafkaStorage(KafkaConfig kafka, List<String> kafkaJvm, Path serverProperties) {
		if (Files.exists(kafka.logDir().resolve("meta.properties"))) {
			return;
		}
		List<String> command = concat(kafkaJvm, "kafka.tools.StorageTool", "format",
				"--cluster-id", Uuid.randomUuid().toString(), "--config", serverProperties.toString());
		ManagedProcess format = ManagedProcess.start("kafka-storage-format", command, Map.of(), options.repoRoot(),
				options.logDir());
		try {
			if (!format.process().waitFor(options.startupTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
					|| format.exitValue() != 0) {
				format.stop(Duration.ofSeconds(1));
				throw new IllegalStateException("Formatting Kafka's storage in " + kafka.logDir() + " failed; log: "
						+ format.log() + System.lineSeparator() + format.tail(20));
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while formatting Kafka's storage", e);
		}
	}

	private void startServices(List<Service> services) {
		String java = javaCommand();
		List<ManagedProcess> processes = new ArrayList<>();
		stages.add(new Stage(processes));
		Map<ManagedProcess, Probe> probes = new LinkedHashMap<>();
		for (Service service : services) {
			List<String> command = new ArrayList<>();
			command.add(java);
			command.addAll(options.serviceJvmArgs());
			command.add("-jar");
			command.add(service.jar(options.repoRoot()).toString());
			Map<String, String> environment = ServiceEnvironment.of(service, options, kafkaBootstrapServers(),
					keycloakUrl(), this::mongoUri);
			ManagedProcess process = launch(processes, service.module(), command, environment);
			probes.put(process, Probe.statusUp(serviceUrl(service) + "/actuator/health"));
			urls.put(service.module(), serviceUrl(service));
		}
		probes.forEach(this::awaitHealthy);
	}

	private ManagedProcess launch(List<ManagedProcess> stage, String name, List<String> command,
			Map<String, String> environment) {
		out.println("[local] starting " + name + " (log " + options.logDir().resolve(name + ".log") + ")");
		ManagedProcess process = ManagedProcess.start(name, command, environment, options.repoRoot(),
				options.logDir());
		stage.add(process);
		process.process().onExit().thenAccept(exited -> {
			if (!stopping) {
				out.println("[local] " + name + " exited unexpectedly with code " + exited.exitValue() + "; see "
						+ process.log());
			}
		});
		return process;
	}

	private void awaitHealthy(ManagedProcess process, Probe probe) {
		Instant begin = Instant.now();
		Instant deadline = begin.plus(options.startupTimeout());
		while (true) {
			if (!process.isAlive()) {
				throw failure(process, process.name() + " exited with code " + process.exitValue() + " during start-up");
			}
			if (probe.ready()) {
				out.printf("[local] %s ready after %.1f s%n", process.name(),
						Duration.between(begin, Instant.now()).toMillis() / 1000.0);
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw failure(process, process.name() + " was not healthy within " + options.startupTimeout().toSeconds()
						+ " s");
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + process.name(), e);
			}
		}
	}

	private static IllegalStateException failure(ManagedProcess process, String what) {
		String nl = System.lineSeparator();
		return new IllegalStateException(what + "." + nl + "Log: " + process.log() + nl + "--- last lines ---" + nl
				+ process.tail(30));
	}

	private Path write(String fileName, String content) {
		Path file = options.dataDir().resolve("config").resolve(fileName);
		try {
			Files.writeString(file, content, StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static List<String> concat(List<String> head, String... tail) {
		List<String> all = new ArrayList<>(head);
		all.addAll(List.of(tail));
		return all;
	}

	private static void deleteRecursively(Path dir) {
		try {
			Files.walkFileTree(dir, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
					Files.delete(directory);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not delete " + dir, e);
		}
	}

	public LocalStackOptions options() {
		return options;
	}

	public String gatewayUrl() {
		return serviceUrl(Service.GATEWAY);
	}

	public String serviceUrl(Service service) {
		return "http://localhost:" + options.port(service.port());
	}

	public String keycloakUrl() {
		return "http://localhost:" + options.port(Port.KEYCLOAK);
	}

	/** The issuer of the realm's tokens, {@code <keycloak>/realms/vneid}. */
	public String issuerUri() {
		return keycloakUrl() + "/realms/" + LocalStackOptions.REALM;
	}

	public String tokenUrl() {
		return issuerUri() + "/protocol/openid-connect/token";
	}

	public String kafkaBootstrapServers() {
		return "localhost:" + options.port(Port.KAFKA);
	}

	/** The connection string the services get for {@code database}: the local server's or the user's. */
	public String mongoUri(String database) {
		return options.externalMongoUri()
				.map(uri -> MongoUris.withDatabase(uri, database))
				.orElseGet(() -> MongoUris.local(options.port(Port.MONGO), database));
	}

	public List<StackProcess> processes() {
		List<StackProcess> processes = new ArrayList<>();
		for (Stage stage : stages) {
			for (ManagedProcess process : stage.processes()) {
				processes.add(new StackProcess(process.name(), process.pid(), urls.getOrDefault(process.name(), ""),
						process.log()));
			}
		}
		return processes;
	}

	/** VmRSS of each started process with its descendants, by process name. */
	public Map<String, Long> residentSetBytesByProcess() {
		Map<String, Long> bytes = new LinkedHashMap<>();
		for (Stage stage : stages) {
			for (ManagedProcess process : stage.processes()) {
				bytes.put(process.name(), process.residentSetBytes());
			}
		}
		return bytes;
	}

	public long residentSetBytes() {
		return residentSetBytesByProcess().values().stream().mapToLong(Long::longValue).sum();
	}

	public Duration startupTime() {
		return startupTime;
	}
}
