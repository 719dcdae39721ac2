package vn.gov.bca.platform.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link LocalStack} starts and where. Start from {@link #defaults()} (what {@code ./run}
 * uses) or {@link #forTests()} and change what differs with the {@code with...} methods.
 *
 * @param repoRoot the directory holding {@code mvnw}; jars, the realm and .local/ are found from it
 * @param dataDir Kafka's log dir, the MongoDB H2 file and Keycloak's dev database live here
 * @param logDir one {@code <name>.log} per process
 * @param externalMongoUri when present no MongoDB-protocol server is started and each service gets
 *        this URI with its own database
 * @param services the services to start after Kafka, MongoDB, Keycloak and the payment sandbox;
 *        empty for those alone
 * @param clean delete {@code dataDir} before starting
 * @param realmFile imported into Keycloak on its first start
 * @param serviceJvmArgs JVM options of each service and the gateway
 * @param syntheticPopulation how many synthetic citizens identity-service loads into its registry at
 *        start ({@code IDENTITY_SYNTHETIC_POPULATION}); 0 for none
 * @param observability start a Zipkin server and have every service report each trace to it
 *        ({@code ./run --observability}); without it spans are made and propagated but not kept
 * @param replicas how many instances of a service to run behind the gateway ({@code ./run
 *        --replicas=passport=2}); one for a service not named. Instance k (from 1) listens on the
 *        service's ports + 100 × k and shares its database, topic and consumer groups
 */
public record LocalStackOptions(
		Path repoRoot,
		Path dataDir,
		Path logDir,
		Ports ports,
		MongoBackend mongoBackend,
		Optional<String> externalMongoUri,
		Set<Service> services,
		Duration startupTimeout,
		boolean clean,
		Path realmFile,
		List<String> serviceJvmArgs,
		int syntheticPopulation,
		boolean observability,
		Map<Service, Integer> replicas) {

	public static final String REALM = "vneid";

	/** Enough citizens to search and browse; about 20 s of background loading into the H2 file backend. */
	public static final int DEFAULT_SYNTHETIC_POPULATION = 50_000;

	public LocalStackOptions {
		Objects.requireNonNull(repoRoot, "repoRoot");
		Objects.requireNonNull(dataDir, "dataDir");
		Objects.requireNonNull(logDir, "logDir");
		Objects.requireNonNull(ports, "ports");
		Objects.requireNonNull(mongoBackend, "mongoBackend");
		Objects.requireNonNull(externalMongoUri, "externalMongoUri");
		Objects.requireNonNull(startupTimeout, "startupTimeout");
		Objects.requireNonNull(realmFile, "realmFile");
		repoRoot = repoRoot.toAbsolutePath().normalize();
		dataDir = dataDir.toAbsolutePath().normalize();
		logDir = logDir.toAbsolutePath().normalize();
		realmFile = realmFile.toAbsolutePath().normalize();
		services = services.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(services));
		serviceJvmArgs = List.copyOf(serviceJvmArgs);
		replicas = Map.copyOf(replicas);
		replicas.forEach((service, count) -> {
			if (service.isGateway()) {
				throw new IllegalArgumentException("The gateway runs once here (several gateways need a load balancer in front)");
			}
			if (count < 1 || count > 3) {
				throw new IllegalArgumentException("Between 1 and 3 instances of " + service.module() + ", not " + count);
			}
		});
		if (syntheticPopulation < 0) {
			throw new IllegalArgumentException("syntheticPopulation must not be negative");
		}
	}

	/** What {@code ./run} starts: everything on the default ports, data kept in .local/data. */
	public static LocalStackOptions defaults() {
		return defaults(RepoRoot.find());
	}

	public static LocalStackOptions defaults(Path repoRoot) {
		Path local = repoRoot.resolve(".local");
		return new LocalStackOptions(repoRoot, local.resolve("data"), local.resolve("logs"), Ports.defaults(),
				MongoBackend.H2, Optional.empty(), EnumSet.allOf(Service.class), Duration.ofMinutes(3), false,
				repoRoot.resolve("keycloak").resolve(REALM + "-realm.json"),
				// No code cache flushing: with it the JIT kept recompiling what the sweeper had thrown
				// out (load-tests/README.md, issue 18).
				List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:-UseCodeCacheFlushing"), DEFAULT_SYNTHETIC_POPULATION, false,
				Map.of());
	}

	/**
	 * For tests beside a running {@code ./run}: ports moved by 10000, a fresh in-memory MongoDB and
	 * a data and log directory of their own under .local/test-stack (cleaned at each start), and no
	 * synthetic population (only the demo citizens in the registry).
	 */
	public static LocalStackOptions forTests() {
		Path repoRoot = RepoRoot.find();
		Path testStack = repoRoot.resolve(".local").resolve("test-stack");
		return defaults(repoRoot)
				.withPortOffset(10_000)
				.withMongoBackend(MongoBackend.MEMORY)
				.withDataDir(testStack.resolve("data"))
				.withLogDir(testStack.resolve("logs"))
				.withClean(true)
				.withSyntheticPopulation(0);
	}

	public LocalStackOptions withPortOffset(int offset) {
		return withPorts(Ports.withOffset(offset));
	}

	public LocalStackOptions withPorts(Ports ports) {
		return new LocalStackOptions(repoRoot, dataDir, logDir, ports, mongoBackend, externalMongoUri, services,
				startupTimeout, clean, realmFile, serviceJvmArgs, syntheticPopulation, observability, replicas);
	}

	public LocalStackOptions withDataDir(Path dataDir) {
		return new LocalStackOptions(repoRoot, dataDir, logDir, ports, mongoBackend, externalMongoUri, services,
				startupTimeout, clean, realmFile, serviceJvmArgs, syntheticPopulation, observability, replicas);
	}

	public LocalStackOptions withLogDir(Path logDir) {
		return new LocalStackOptions(repoRoot, dataDir, logDir, ports, mongoBackend, externalMongoUri, services,
				startupTimeout, clean, realmFile, serviceJvmArgs, syntheticPopulation, observability, replicas);
	}

	public LocalStackOptions withMongoBackend(MongoBackend mongoBackend) {
		return new LocalStackOptions(repoRoot, dataDir, logDir, ports, mongoBackend, externalMongoUri, services,
				startupTimeout, clean, realmFile, serviceJvmArgs, syntheticPopulation, observability, replicas);
	}

	/** Uses a real MongoDB (e.g. {@code mongodb://localhost:27017/?replicaSet=rs0}) instead of starting one. */
	public LocalStackOptions withExternalMongo(String uri) {
		return new LocalStackOptions(repoRoot, dataDir, logDir, ports, mongoBackend, Optional.of(uri), services,
				startupTimeout, clean, realmFile, serviceJvmArgs, syntheticPopulation, observability, replicas);
	}

	public LocalStackOptions withServices(Set<Service> services) {
		return new LocalStackOptions(repoRoot, dataDir, logDir, ports, mongoBackend, externalMongoUri, services,
				startupTimeout, clean, realmFile, serviceJvmArgs, syntheticPopulation, observability, replicas);
	}

	public LocalStackOptions withServices(Service... services) {
		return withServices(Set.of(services));
	}

	/** Kafka, MongoDB, Keycloak and the payment sandbox only. */
	public LocalStackOptions withInfrastructureOnly() {
		return withServices(Set.of());
	}

	public LocalStackOptions withStartupTimeout(Duration startupTimeout) {
		return new LocalStackOptions(repoRoot, dataDir, logDir, ports, mongoBackend, externalMongoUri, services,
				startupTimeout, clean, realmFile, serviceJvmArgs, syntheticPopulation, observability, replicas);
	}

	public LocalStackOptions withClean(boolean clean) {
		return new LocalStackOptions(repoRoot, dataDir, logDir, ports, mongoBackend, externalMongoUri, services,
				startupTimeout, clean, realmFile, serviceJvmArgs, syntheticPopulation, observability, replicas);
	}

	public LocalStackOptions withRealmFile(Path realmFile) {
		return new LocalStackOptions(repoRoot, dataDir, logDir, ports, mongoBackend, externalMongoUri, services,
				startupTimeout, clean, realmFile, serviceJvmArgs, syntheticPopulation, observability, replicas);
	}

	public LocalStackOptions withServiceJvmArgs(List<String> serviceJvmArgs) {
		return new LocalStackOptions(repoRoot, dataDir, logDir, ports, mongoBackend, externalMongoUri, services,
				startupTimeout, clean, realmFile, serviceJvmArgs, syntheticPopulation, observability, replicas);
	}

	public LocalStackOptions withSyntheticPopulation(int syntheticPopulation) {
		return new LocalStackOptions(repoRoot, dataDir, logDir, ports, mongoBackend, externalMongoUri, services,
				startupTimeout, clean, realmFile, serviceJvmArgs, syntheticPopulation, observability, replicas);
	}

	public LocalStackOptions withObservability(boolean observability) {
		return new LocalStackOptions(repoRoot, dataDir, logDir, ports, mongoBackend, externalMongoUri, services,
				startupTimeout, clean, realmFile, serviceJvmArgs, syntheticPopulation, observability, replicas);
	}

	public LocalStackOptions withReplicas(Service service, int count) {
		Map<Service, Integer> changed = new EnumMap<>(Service.class);
		changed.putAll(replicas);
		changed.put(service, count);
		return new LocalStackOptions(repoRoot, dataDir, logDir, ports, mongoBackend, externalMongoUri, services,
				startupTimeout, clean, realmFile, serviceJvmArgs, syntheticPopulation, observability, changed);
	}

	/** How many instances of the service run: 1 unless {@link #withReplicas} said more. */
	public int replicas(Service service) {
		return replicas.getOrDefault(service, 1);
	}

	/** The server port of instance {@code instance} (1 for the first) of a service. */
	public int port(Service service, int instance) {
		return port(service.port()) + 100 * (instance - 1);
	}

	/** The management port of instance {@code instance} (1 for the first) of a service. */
	public int managementPort(Service service, int instance) {
		return port(service.managementPort()) + 100 * (instance - 1);
	}

	public int port(Port port) {
		return ports.of(port);
	}
}
