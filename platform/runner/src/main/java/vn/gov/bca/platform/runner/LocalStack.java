package vn.gov.bca.platform.runner;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The whole system on this machine, each part in its own process: a Kafka broker (KRaft), a
 * MongoDB-protocol server (or a MongoDB of the user's), Keycloak with the vneid realm, the payment
 * sandbox standing in for the national payment platform, the services and the gateway.
 * {@code ./run} uses it through {@link LocalRunner}; system tests use it directly:
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
	// Guards "launch a process" against "stop everything": Ctrl-C during start-up must neither wait
	// for the start-up to finish nor miss a process launched meanwhile.
	private final Object lifecycle = new Object();
	private final AtomicBoolean started = new AtomicBoolean();
	private volatile boolean stopping;
	/** Instances stopped by {@link #stopInstance} while the rest runs on: their exit is expected. */
	private final Set<String> stoppedOnPurpose = ConcurrentHashMap.newKeySet();
	private volatile Duration startupTime = Duration.ZERO;

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

	/** Thrown by {@link #start()} when {@link #close()} (e.g. Ctrl-C) ended the start-up. */
	public static final class StoppedException extends IllegalStateException {

		StoppedException(String message) {
			super(message);
		}
	}

	/** One started process, for the summary table. */
	public record StackProcess(String name, long pid, String url, Path log) {
	}

	/**
	 * Starts every part and waits until each is healthy. When one fails, everything already started
	 * is stopped and the exception names the part, its log file and the end of that log.
	 */
	public LocalStack start() {
		if (!started.compareAndSet(false, true)) {
			throw new IllegalStateException("A LocalStack starts once; make a new one");
		}
		Instant begin = Instant.now();
		Runtime.getRuntime().addShutdownHook(shutdownHook);
		try {
			Preflight.check(options);
			DataDirectory data = DataDirectory.prepare(options, out);
			startInfrastructure(data);
			if (options.observability()) {
				startZipkin();
			}
			startPaymentSandbox(data);
			startNationalPortalSandbox(data);
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
		synchronized (lifecycle) {
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

	/**
	 * Kafka, MongoDB and Keycloak are launched together to overlap their start-up, but each is a
	 * stage of its own: stopped one by one, Keycloak first and Kafka last.
	 */
	private void startInfrastructure(DataDirectory data) {
		ChildCommands commands = ChildCommands.forRepo(options.repoRoot());
		// Before anything runs: unpacking may fail, and nothing should then be left to stop.
		KeycloakDistribution keycloak = KeycloakDistribution.in(options.repoRoot());
		keycloak.ensureUnpacked();

		KafkaBroker kafka = new KafkaBroker(commands,
				new KafkaConfig(options.port(Port.KAFKA), options.port(Port.KAFKA_CONTROLLER), data.kafka()),
				data.config(), options.repoRoot(), options.logDir());
		try {
			kafka.prepare(options.startupTimeout());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StoppedException("Interrupted while formatting Kafka's storage");
		}

		Map<ManagedProcess, Probe> probes = new LinkedHashMap<>();
		probes.put(launch(newStage(), "kafka", kafka::launch), kafka.readiness());
		urls.put("kafka", kafka.bootstrapServers());

		if (options.externalMongoUri().isEmpty()) {
			int port = options.port(Port.MONGO);
			probes.put(launch(newStage(), "mongo", commands.mongo(port, options.mongoBackend(), data.mongoFile()),
					Map.of()), Probe.mongoPing(port));
			urls.put("mongo", "mongodb://localhost:" + port);
		}

		boolean importRealm = Files.isRegularFile(options.realmFile());
		if (importRealm) {
			keycloak.installRealm(options.realmFile());
		}
		else {
			out.println("[local] WARNING: no realm file at " + options.realmFile() + "; Keycloak starts without realm "
					+ LocalStackOptions.REALM);
		}
		ManagedProcess keycloakProcess = launch(newStage(), "keycloak",
				keycloak.command(options.port(Port.KEYCLOAK), options.port(Port.KEYCLOAK_MANAGEMENT), data.keycloak(),
						importRealm),
				KeycloakDistribution.environment(System.getProperty("java.home")));
		Probe keycloakReady = Probe.ok("http://localhost:" + options.port(Port.KEYCLOAK_MANAGEMENT) + "/health/ready");
		Probe realmServed = Probe.ok(issuerUri() + "/.well-known/openid-configuration");
		probes.put(keycloakProcess, importRealm ? Probe.both(keycloakReady, realmServed) : keycloakReady);
		urls.put("keycloak", keycloakUrl());

		probes.forEach(this::awaitHealthy);
	}

	/**
	 * After Keycloak, before the services: fine-payment-service's health does not need it, but its
	 * first checkout does. Tiny and quick, so not worth overlapping with the others.
	 */
	private void startPaymentSandbox(DataDirectory data) {
		ChildCommands commands = ChildCommands.forRepo(options.repoRoot());
		ManagedProcess process = launch(newStage(), PaymentSandboxProcess.NAME,
				commands.service(PaymentSandboxProcess.jar(options.repoRoot()), PaymentSandboxProcess.JVM_ARGS),
				PaymentSandboxProcess.environment(options, data.paymentSandboxJournal()));
		urls.put(PaymentSandboxProcess.NAME, paymentSandboxUrl());
		awaitHealthy(process, Probe.statusUp(PaymentSandboxProcess.healthUrl(options)));
	}

	/** Before the services, which report their spans to it from their first request on. */
	private void startZipkin() {
		ZipkinProcess.requireJar(options.repoRoot());
		ChildCommands commands = ChildCommands.forRepo(options.repoRoot());
		ManagedProcess process = launch(newStage(), ZipkinProcess.NAME,
				commands.service(ZipkinProcess.jar(options.repoRoot()), ZipkinProcess.JVM_ARGS),
				ZipkinProcess.environment(options));
		urls.put(ZipkinProcess.NAME, zipkinUrl() + "/zipkin/");
		awaitHealthy(process, Probe.statusUp(ZipkinProcess.healthUrl(options)));
	}

	/** After the payment sandbox, before the services: the stand-in national portal, as small. */
	private void startNationalPortalSandbox(DataDirectory data) {
		ChildCommands commands = ChildCommands.forRepo(options.repoRoot());
		ManagedProcess process = launch(newStage(), NationalPortalSandboxProcess.NAME,
				commands.service(NationalPortalSandboxProcess.jar(options.repoRoot()),
						NationalPortalSandboxProcess.JVM_ARGS),
				NationalPortalSandboxProcess.environment(options, data.nationalPortalSandboxJournal()));
		urls.put(NationalPortalSandboxProcess.NAME, nationalPortalSandboxUrl());
		awaitHealthy(process, Probe.statusUp(NationalPortalSandboxProcess.healthUrl(options)));
	}

	private void startServices(List<Service> services) {
		// Peers that need nothing of each other: stopped together.
		List<ManagedProcess> processes = newStage();
		Map<ManagedProcess, Probe> probes = new LinkedHashMap<>();
		for (Service service : services) {
			for (int instance = 1; instance <= options.replicas(service); instance++) {
				ManagedProcess process = launchInstance(processes, service, instance);
				// Readiness on the public port (the contract of issue 10): UP only once what the first request
				// needs is there, e.g. the service-account token; the actuator itself is on the management port.
				probes.put(process, Probe.statusUp(serviceUrl(service, instance) + "/readyz"));
			}
		}
		probes.forEach(this::awaitHealthy);
	}

	private ManagedProcess launchInstance(List<ManagedProcess> stage, Service service, int instance) {
		List<String> command = ChildCommands.forRepo(options.repoRoot())
			.service(service.jar(options.repoRoot()), options.serviceJvmArgs());
		Map<String, String> environment = new LinkedHashMap<>(ServiceEnvironment.of(service, options,
				kafkaBootstrapServers(), keycloakUrl(), this::mongoUri));
		environment.putAll(ServiceEnvironment.instance(service, instance, options));
		if (!service.isGateway()) {
			environment.put("DOCUMENTS_KEYSTORE_PASSWORD", DevelopmentKeystores.password(options.dataDir()));
		}
		if (options.observability()) {
			environment.putAll(ZipkinProcess.serviceEnvironment(options));
		}
		String name = instanceName(service, instance);
		ManagedProcess process = launch(stage, name, command, environment);
		urls.put(name, serviceUrl(service, instance));
		return process;
	}

	/**
	 * Starts again an instance that {@link #stopInstance} stopped (the gateway knows every instance
	 * of {@link LocalStackOptions#replicas} and gives it requests once it answers ready).
	 */
	public void startInstance(Service service, int instance) {
		if (instance < 2 || instance > options.replicas(service)) {
			throw new IllegalArgumentException("The stack runs instances 1 to " + options.replicas(service) + " of "
					+ service.module() + "; instance " + instance + " cannot be started again");
		}
		stoppedOnPurpose.remove(instanceName(service, instance));
		ManagedProcess process = launchInstance(newStage(), service, instance);
		awaitHealthy(process, Probe.statusUp(serviceUrl(service, instance) + "/readyz"));
	}

	private List<ManagedProcess> newStage() {
		List<ManagedProcess> processes = new CopyOnWriteArrayList<>();
		stages.add(new Stage(processes));
		return processes;
	}

	private ManagedProcess launch(List<ManagedProcess> stage, String name, List<String> command,
			Map<String, String> environment) {
		return launch(stage, name,
				() -> ManagedProcess.start(name, command, environment, options.repoRoot(), options.logDir()));
	}

	private ManagedProcess launch(List<ManagedProcess> stage, String name, Supplier<ManagedProcess> starter) {
		ManagedProcess process;
		synchronized (lifecycle) {
			if (stopping) {
				throw new StoppedException("Stopped before " + name + " was started");
			}
			out.println("[local] starting " + name + " (log " + options.logDir().resolve(name + ".log") + ")");
			process = starter.get();
			stage.add(process);
		}
		process.process().onExit().thenAccept(exited -> {
			if (!stopping && !stoppedOnPurpose.contains(name)) {
				out.println("[local] " + name + " exited unexpectedly with code " + exited.exitValue() + "; see "
						+ process.log());
			}
		});
		return process;
	}

	private void awaitHealthy(ManagedProcess process, Probe probe) {
		Instant begin = Instant.now();
		if (!process.awaitReady(probe, options.startupTimeout(), () -> stopping)) {
			throw new StoppedException("Stopped while waiting for " + process.name());
		}
		out.printf("[local] %s ready after %.1f s%n", process.name(),
				Duration.between(begin, Instant.now()).toMillis() / 1000.0);
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

	/** The address of one instance (1 for the first) of a service run with replicas. */
	public String serviceUrl(Service service, int instance) {
		return "http://localhost:" + options.port(service, instance);
	}

	public String managementUrl(Service service, int instance) {
		return "http://localhost:" + options.managementPort(service, instance) + "/actuator";
	}

	/** The process name of an instance: the module's for the first, {@code <module>-<k>} for others. */
	static String instanceName(Service service, int instance) {
		return (instance == 1) ? service.module() : service.module() + "-" + instance;
	}

	/**
	 * Stops one instance of a service as an orchestrator would (SIGTERM: it finishes the requests
	 * it has, then exits; killed after 20 s), while the rest of the stack runs on.
	 */
	public void stopInstance(Service service, int instance) {
		String name = instanceName(service, instance);
		for (Stage stage : stages) {
			for (ManagedProcess process : stage.processes()) {
				if (process.name().equals(name) && process.isAlive()) {
					out.println("[local] stopping " + name + " (pid " + process.pid() + ")");
					stoppedOnPurpose.add(name);
					process.stop(STOP_GRACE);
					return;
				}
			}
		}
		throw new IllegalArgumentException("No process " + name + " in this stack");
	}

	/** The service's actuator, on its management port (health details, metrics, prometheus). */
	public String managementUrl(Service service) {
		return "http://localhost:" + options.port(service.managementPort()) + "/actuator";
	}

	/**
	 * identity-service's development notification sink: one JSON file per message (one-time codes of
	 * account registration), see identity-service/README.md.
	 */
	public Path notificationsDir() {
		return ServiceEnvironment.notificationsDir(options);
	}

	/** The stand-in payment platform: its API, its checkout pages and {@code /sandbox/control}. */
	public String paymentSandboxUrl() {
		return PaymentSandboxProcess.url(options);
	}

	/** Zipkin's API and UI ({@code /zipkin/}), when started with observability. */
	public String zipkinUrl() {
		return ZipkinProcess.url(options);
	}

	/** The stand-in national portal: its integration API, its page and {@code /sandbox/mode}. */
	public String nationalPortalSandboxUrl() {
		return NationalPortalSandboxProcess.url(options);
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
