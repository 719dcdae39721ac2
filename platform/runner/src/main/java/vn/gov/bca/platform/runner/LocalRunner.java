package vn.gov.bca.platform.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code ./run}: starts the local stack, prints where everything is, and stops it all on Ctrl-C. */
public final class LocalRunner {

	static final String USAGE = String.join(System.lineSeparator(),
			"Usage: ./run [options]",
			"",
			"Starts Kafka (KRaft), a MongoDB-protocol server, Keycloak (realm vneid), the payment sandbox",
			"(stands in for PayGov), every service and the gateway, each in its own process with its log in",
			".local/logs/. Ctrl-C stops them all.",
			"",
			"  --build              build with Maven first (done anyway when a jar is missing)",
			"  --clean              delete .local/data first: Kafka topics, MongoDB data, Keycloak's database,",
			"                       the payment sandbox's transactions",
			"  --infra              start only Kafka, MongoDB, Keycloak and the payment sandbox (run the",
			"                       services from your IDE)",
			"  --services=a,b       start only these services (e.g. identity,gateway)",
			"  --port-offset=N      add N to every port (e.g. 10000: gateway 18080, Keycloak 18180)",
			"  --memory             keep MongoDB data in memory instead of the H2 file",
			"  --replicas=s=N,...   run N instances of service s behind the gateway (e.g. passport=2; at most",
			"                       3; instance k on the service's ports + 100 x (k-1), same database)",
			"  --observability      also start Zipkin (http://localhost:9411/zipkin/) and have every service",
			"                       report all its traces to it (spans of HTTP, MongoDB and Kafka)",
			"  --timeout=SECONDS    how long each part may take to become healthy (default 180)",
			"  --realm=FILE         import this realm file instead of keycloak/vneid-realm.json",
			"  --help               this text",
			"",
			"Environment: MONGODB_URI=mongodb://host:27017 uses that MongoDB instead of starting one;",
			"each service gets its own database on it. IDENTITY_SYNTHETIC_POPULATION=N: how many synthetic",
			"citizens identity-service loads into its registry in the background (default 50000, at most",
			"1000000, 0 for none). MONGO_HEAP=10g: the heap of the --memory MongoDB server (default 1g).");

	private LocalRunner() {
	}

	public static void main(String[] args) throws InterruptedException {
		Optional<LocalStackOptions> parsed;
		try {
			parsed = parse(List.of(args), LocalStackOptions.defaults(), System.getenv("MONGODB_URI"))
					.map(options -> withSyntheticPopulation(options, System.getenv("IDENTITY_SYNTHETIC_POPULATION")));
		}
		catch (IllegalArgumentException e) {
			System.err.println(e.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		if (parsed.isEmpty()) {
			System.out.println(USAGE);
			return;
		}
		LocalStackOptions options = parsed.get();
		LocalStack stack = new LocalStack(options);
		try {
			stack.start();
		}
		catch (LocalStack.StoppedException e) {
			System.out.println("[local] stopped during start-up");
			return;
		}
		catch (RuntimeException e) {
			System.err.println();
			System.err.println("[local] start-up failed: " + e.getMessage());
			System.exit(1);
			return;
		}
		RealmFile realm = Files.isRegularFile(options.realmFile()) ? RealmFile.read(options.realmFile())
				: new RealmFile(List.of(), Optional.empty());
		System.out.println(Summary.render(options, stack.processes(), stack.residentSetBytesByProcess(),
				stack.startupTime(), realm, stack.tokenUrl(), stack.gatewayUrl(), stack.keycloakUrl()));
		// The stack's own shutdown hook stops everything on Ctrl-C; until then there is nothing to do.
		new CountDownLatch(1).await();
	}

	/** The options for these arguments, or empty when help was asked for. */
	static Optional<LocalStackOptions> parse(List<String> args, LocalStackOptions defaults, String mongoUri) {
		LocalStackOptions options = defaults;
		if (mongoUri != null && !mongoUri.isBlank()) {
			options = options.withExternalMongo(mongoUri.trim());
		}
		for (String arg : args) {
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
			switch (name) {
				case "--help", "-h" -> {
					return Optional.empty();
				}
				case "--build" -> {
					// handled by the run script before the JVM starts
				}
				case "--clean" -> options = options.withClean(true);
				case "--infra" -> options = options.withInfrastructureOnly();
				case "--memory" -> options = options.withMongoBackend(MongoBackend.MEMORY);
				case "--observability" -> options = options.withObservability(true);
				case "--replicas" -> options = replicas(options, value);
				case "--services" -> options = options.withServices(services(value));
				case "--port-offset" -> options = options.withPortOffset(number(arg, value));
				case "--timeout" -> options = options.withStartupTimeout(Duration.ofSeconds(number(arg, value)));
				case "--realm" -> options = options.withRealmFile(Path.of(value));
				default -> throw new IllegalArgumentException("Unknown option: " + arg);
			}
		}
		return Optional.of(options);
	}

	/** {@code IDENTITY_SYNTHETIC_POPULATION=1000000 ./run}: the user's size instead of the default one. */
	static LocalStackOptions withSyntheticPopulation(LocalStackOptions options, String value) {
		if (value == null || value.isBlank()) {
			return options;
		}
		return options.withSyntheticPopulation(number("IDENTITY_SYNTHETIC_POPULATION=" + value, value.trim()));
	}

	/** {@code passport=2,seal=2}: the named services' instance counts. */
	private static LocalStackOptions replicas(LocalStackOptions options, String value) {
		LocalStackOptions changed = options;
		for (String entry : value.split(",")) {
			if (entry.isBlank()) {
				continue;
			}
			String[] parts = entry.split("=", 2);
			if (parts.length != 2) {
				throw new IllegalArgumentException("--replicas takes service=count, e.g. passport=2, not " + entry);
			}
			changed = changed.withReplicas(Service.parse(parts[0].trim()), number("--replicas=" + entry, parts[1].trim()));
		}
		return changed;
	}

	private static Set<Service> services(String value) {
		Set<Service> services = EnumSet.noneOf(Service.class);
		Arrays.stream(value.split(",")).filter(name -> !name.isBlank()).map(Service::parse).forEach(services::add);
		return services;
	}

	private static int number(String arg, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("Not a number in " + arg);
		}
	}
}
