package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The containers' deployment is not the development stack (issue 10, findings 6, 7 and 10): no
 * secret has a default, Keycloak imports the containers' realm and gets each of its secrets, Kafka,
 * MongoDB and Redis require credentials, each service has its own and only the access it needs, and
 * actuator is on the management port. No Docker engine runs where we build, so the compose file, the
 * init scripts and the modules' own configuration are read and compared.
 */
class DockerComposeHardeningTests {

	/** {@code ${VAR}}, {@code ${VAR:?message}}, {@code ${VAR:-default}}, {@code ${VAR-default}}. */
	private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(:?[-?])?([^}]*)}");

	private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|_KEY)$");

	private static Path root;
	private static String composeText;
	private static Map<String, Object> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void read() throws IOException {
		root = RepoRoot.find();
		composeText = Files.readString(root.resolve("docker-compose.yml"));
		services = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(composeText)).get("services");
	}

	@Test
	void everySecretMustBeSetAndHasNoDefault() {
		List<String> problems = new ArrayList<>();
		Set<String> required = new TreeSet<>();
		services.forEach((name, definition) -> environment(definition).forEach((key, value) -> {
			Matcher matcher = REFERENCE.matcher(String.valueOf(value));
			while (matcher.find()) {
				String variable = matcher.group(1);
				if (SECRET_NAME.matcher(variable).matches()) {
					if (!":?".equals(matcher.group(2))) {
						problems.add(name + " " + key + ": ${" + variable + "} must be ${" + variable + ":?...}");
					}
					required.add(variable);
				}
			}
			if (SECRET_NAME.matcher(key).matches() && !String.valueOf(value).contains("${")) {
				problems.add(name + " " + key + " is a literal");
			}
		}));
		assertThat(problems).isEmpty();
		assertThat(composeText).doesNotContain("dev-secret", "dev-password", Summary.DEMO_PASSWORD);
		assertThat(required).contains("KEYCLOAK_ADMIN_PASSWORD", "KEYCLOAK_DB_PASSWORD", "MONGO_ROOT_PASSWORD",
				"KAFKA_ADMIN_PASSWORD", "REDIS_PASSWORD", "PAYMENT_PLATFORM_SECRET");
	}

	@Test
	void theExampleEnvironmentFileNamesEveryRequiredVariableWithoutAValue() throws IOException {
		Set<String> required = new TreeSet<>();
		Matcher matcher = REFERENCE.matcher(String.join("\n", services.values().stream()
			.flatMap(definition -> environment(definition).values().stream().map(String::valueOf))
			.toList()));
		while (matcher.find()) {
			if (":?".equals(matcher.group(2))) {
				required.add(matcher.group(1));
			}
		}
		Map<String, String> example = new TreeMap<>();
		for (String line : Files.readAllLines(root.resolve("deploy/env.example"))) {
			if (!line.isBlank() && !line.startsWith("#")) {
				example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
			}
		}
		assertThat(example.keySet()).isEqualTo(required);
		assertThat(example.values()).allMatch(String::isEmpty, "no value that looks real");
	}

	@Test
	void keycloakImportsTheContainersRealmAndGetsEachOfItsSecrets() throws IOException {
		Map<String, Object> keycloak = map(services.get("keycloak"));
		assertThat(String.valueOf(keycloak.get("volumes")))
			.contains("./keycloak/vneid-realm.containers.json:/opt/keycloak/data/import/vneid-realm.json:ro")
			.doesNotContain("keycloak/vneid-realm.json");
		String realm = Files.readString(root.resolve(ContainerRealm.CONTAINER_REALM));
		Matcher placeholder = Pattern.compile("\\$\\{([A-Z_]+_CLIENT_SECRET)}").matcher(realm);
		Map<String, Object> environment = environment(keycloak);
		int secrets = 0;
		while (placeholder.find()) {
			secrets++;
			assertThat(String.valueOf(environment.get(placeholder.group(1)))).as(placeholder.group(1))
				.isEqualTo("${" + placeholder.group(1) + ":?set " + placeholder.group(1) + "}");
		}
		assertThat(secrets).isEqualTo(7);
		// Each service authenticates with the secret Keycloak was given for its client.
		for (Service service : Service.values()) {
			if (!service.isGateway()) {
				assertThat(String.valueOf(environment(services.get(service.module())).get("SERVICE_CLIENT_SECRET")))
					.isEqualTo(environment.get(ContainerRealm.secretVariable(service.module())));
			}
		}
	}

	@Test
	void devScriptsTokensAreRefusedEverywhere() {
		for (Service service : Service.values()) {
			assertThat(environment(services.get(service.module())).get("VNEID_SECURITY_REFUSED_CLIENTS"))
				.as(service.module()).isEqualTo(RealmFile.DEV_SCRIPTS_CLIENT);
		}
	}

	/** Browsers reach Keycloak only through the edge that limits sign-ins per address (finding 10). */
	@Test
	void signInsGoThroughThePerAddressLimit() throws IOException {
		assertThat(map(services.get("keycloak")).get("ports")).isNull();
		assertThat(String.valueOf(map(services.get("keycloak-edge")).get("ports"))).contains("8180:8180");
		assertThat(environment(services.get("keycloak"))).containsEntry("KC_PROXY_HEADERS", "xforwarded");
		String nginx = Files.readString(root.resolve("keycloak/edge/nginx.conf"));
		assertThat(nginx).contains("limit_req_zone $binary_remote_addr zone=signin")
			.contains("protocol/openid-connect/token|login-actions/")
			.contains("limit_req zone=signin");
		assertThat(Files.readString(root.resolve("keycloak/edge/keycloak-proxy.conf")))
			.contains("proxy_set_header X-Forwarded-For $remote_addr;")
			.doesNotContain("$proxy_add_x_forwarded_for");
	}

	@Test
	void actuatorIsOnTheManagementPortAndHealthOnReadyz() {
		for (Service service : Service.values()) {
			Map<String, Object> definition = map(services.get(service.module()));
			Map<String, Object> environment = environment(definition);
			int server = Integer.parseInt(String.valueOf(environment.get("SERVER_PORT")));
			assertThat(environment.get("MANAGEMENT_SERVER_PORT")).as(service.module()).isEqualTo(server + 1000);
			assertThat(String.valueOf(definition.get("ports"))).as(service.module())
				.doesNotContain(Integer.toString(server + 1000));
			assertThat(String.valueOf(map(definition.get("healthcheck")).get("test"))).as(service.module())
				.contains("GET /readyz");
		}
	}

	@Test
	void redisRequiresAPasswordAndTheGatewayHasIt() {
		Map<String, Object> redis = map(services.get("redis"));
		assertThat(String.valueOf(redis.get("command"))).contains("--requirepass \"$$REDIS_PASSWORD\"");
		assertThat(String.valueOf(map(redis.get("healthcheck")).get("test"))).contains("REDISCLI_AUTH");
		assertThat(environment(services.get("gateway")).get("REDIS_URL"))
			.isEqualTo("redis://default:${REDIS_PASSWORD:?set REDIS_PASSWORD}@redis:6379");
	}

	@Test
	void eachServiceHasItsOwnMongoUserOnItsOwnDatabase() throws IOException {
		String script = Files.readString(root.resolve("deploy/mongo/create-service-users.js"));
		Map<String, Object> mongo = map(services.get("mongodb"));
		assertThat(String.valueOf(mongo.get("volumes")))
			.contains("./deploy/mongo/create-service-users.js:/docker-entrypoint-initdb.d/");
		assertThat(String.valueOf(mongo.get("entrypoint"))).contains("--keyFile");
		// The services receiving dossiers share the counters of dossier codes (DossierCodes.DATABASE).
		assertThat(script).contains("new Set(['identity', 'residence', 'passport', 'seal'])")
			.contains("roles.push({ role: 'readWrite', db: 'dossier_codes' })");
		for (Service service : Service.values()) {
			if (service.isGateway()) {
				continue;
			}
			String database = service.database().orElseThrow();
			String password = "MONGO_" + service.module().toUpperCase().replace('-', '_') + "_PASSWORD";
			assertThat(environment(services.get(service.module())).get("MONGODB_URI")).as(service.module())
				.isEqualTo("mongodb://" + service.module() + ":${" + password + ":?set " + password + "}@mongodb:27017/"
						+ database + "?replicaSet=rs0&authSource=" + database);
			assertThat(script).contains(database + ": '" + service.module() + "'");
			assertThat(environment(mongo).get("MONGO_PASSWORD_" + service.module().toUpperCase().replace('-', '_')))
				.isEqualTo("${" + password + ":?set " + password + "}");
		}
	}

	/**
	 * Kafka (finding 6): SASL/SCRAM only, an authorizer that refuses what no ACL allows, and per
	 * service exactly its own topic to write and the topics its code consumes to read, with consumer
	 * groups named after it; read from each module's application.yml and its {@code @KafkaListener}s.
	 */
	@Test
	void kafkaRequiresScramAndEachServiceGetsTheTopicsItsCodeUses() throws IOException {
		Map<String, Object> kafka = environment(services.get("kafka"));
		assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).isEqualTo("CONTROLLER:PLAINTEXT,CLIENTS:SASL_PLAINTEXT");
		assertThat(kafka.get("KAFKA_LISTENERS")).isEqualTo("CLIENTS://:9092,CONTROLLER://localhost:9093");
		assertThat(kafka.get("KAFKA_AUTHORIZER_CLASS_NAME")).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		assertThat(kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
		assertThat(kafka.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
		assertThat(String.valueOf(kafka.get("KAFKA_LISTENER_NAME_CLIENTS_SCRAM___SHA___512_SASL_JAAS_CONFIG")))
			.contains("username=\"admin\" password=\"${KAFKA_ADMIN_PASSWORD:?");

		String script = Files.readString(root.resolve("deploy/kafka/create-users-and-acls.sh"));
		// The services declare their topics (TopicDeclarations): the script creates none, and grants
		// each service Create on its own.
		assertThat(script).doesNotContain("kafka-topics.sh")
			.contains("--operation Create --operation Alter --operation Write --operation Describe --topic \"$writes\"")
			.contains("--operation Create --operation Alter --operation Write --operation Describe --topic \"$topic.$group.dlt\"");
		Map<String, Access> granted = accessTable(script);
		Map<String, Set<String>> deadLetters = deadLetterTable(script);
		for (Service service : Service.values()) {
			if (service.isGateway()) {
				continue;
			}
			Map<String, Object> environment = environment(services.get(service.module()));
			assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL")).isEqualTo("SASL_PLAINTEXT");
			assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
			String password = "KAFKA_" + service.module().toUpperCase().replace('-', '_') + "_PASSWORD";
			assertThat(String.valueOf(environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")))
				.isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
						+ service.module() + "\" password=\"${" + password + ":?set " + password + "}\";");
			assertThat(environment(services.get("kafka-setup")))
				.containsEntry("SCRAM_PASSWORD_" + service.module().toUpperCase().replace('-', '_'),
						"${" + password + ":?set " + password + "}");

			Uses uses = usesOf(service.module());
			Access access = granted.get(service.module());
			assertThat(access).as(service.module()).isNotNull();
			assertThat(access.writes()).as("%s writes", service.module()).isEqualTo(uses.publishes());
			assertThat(access.reads()).as("%s reads", service.module()).isEqualTo(uses.consumes());
			assertThat(uses.groups()).as("%s consumer groups", service.module())
				.allMatch(group -> group.startsWith(service.module()));
			assertThat(deadLetters.getOrDefault(service.module(), Set.of())).as("%s dead-letter topics", service.module())
				.isEqualTo(uses.listeners());
		}
	}

	@Test
	void readsTheAccessTable() {
		assertThat(accessTable("""
				ACCESS='
				a-service    a.events.v1   -
				b-service    b.events.v1,b.dlt.v1   a.events.v1,c.events.v1
				'
				""")).containsEntry("a-service", new Access(Set.of("a.events.v1"), Set.of()))
			.containsEntry("b-service",
					new Access(Set.of("b.events.v1", "b.dlt.v1"), Set.of("a.events.v1", "c.events.v1")));
	}

	record Access(Set<String> writes, Set<String> reads) {
	}

	/** {@code listeners}: "topic group" of each consumer, whose dead letters go to {@code <topic>.<group>.dlt}. */
	record Uses(Set<String> publishes, Set<String> consumes, Set<String> groups, Set<String> listeners) {
	}

	/** The DEAD_LETTERS table: per service, "topic group" of each consumer group's dead-letter topic. */
	static Map<String, Set<String>> deadLetterTable(String script) {
		String table = script.substring(script.indexOf("DEAD_LETTERS='") + "DEAD_LETTERS='".length());
		table = table.substring(0, table.indexOf('\''));
		Map<String, Set<String>> letters = new TreeMap<>();
		for (String line : table.split("\n")) {
			String[] columns = line.trim().split("\\s+");
			if (columns.length == 3) {
				letters.computeIfAbsent(columns[0], (service) -> new TreeSet<>()).add(columns[1] + " " + columns[2]);
			}
		}
		return letters;
	}

	static Map<String, Access> accessTable(String script) {
		String table = script.substring(script.indexOf("ACCESS='") + "ACCESS='".length());
		table = table.substring(0, table.indexOf('\''));
		Map<String, Access> access = new TreeMap<>();
		for (String line : table.split("\n")) {
			String[] columns = line.trim().split("\\s+");
			if (columns.length == 3) {
				access.put(columns[0], new Access(Set.of(columns[1].split(",")),
						columns[2].equals("-") ? Set.of() : Set.of(columns[2].split(","))));
			}
		}
		return access;
	}

	/** What a module's code and application.yml say it publishes, consumes and groups its consumers as. */
	private static Uses usesOf(String module) throws IOException {
		String yml = Files.readString(root.resolve(module).resolve("src/main/resources/application.yml"));
		Set<String> publishes = new TreeSet<>(all(Pattern.compile("(?m)^\\s*(?:topic|publishes):\\s*([a-z0-9.\\-]+)\\s*$"), yml));
		Set<String> groups = new TreeSet<>(all(Pattern.compile("(?m)^\\s*group-id:\\s*([a-z0-9.\\-]+)\\s*$"), yml));
		Set<String> consumes = new TreeSet<>();
		Set<String> listeners = new TreeSet<>();
		boolean procedureService = false;
		try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				String code = Files.readString(file);
				procedureService |= code.contains("implements ProcedureRules<");
				Matcher listener = Pattern.compile("@KafkaListener\\(([^)]*)\\)").matcher(code);
				while (listener.find()) {
					consumes.addAll(all(Pattern.compile("\"([a-z0-9.\\-]+\\.v[0-9]+)\""), listener.group(1)));
					groups.addAll(all(Pattern.compile("groupId\\s*=\\s*\"([^\"]+)\""), listener.group(1)));
					List<String> topics = all(Pattern.compile("\"([a-z0-9.\\-]+\\.v[0-9]+)\""), listener.group(1));
					List<String> ids = all(Pattern.compile("groupId\\s*=\\s*\"([^\"]+)\""), listener.group(1));
					topics.forEach((topic) -> ids.forEach((id) -> listeners.add(topic + " " + id)));
				}
			}
		}
		if (procedureService) {
			// platform-dossier's listeners, which a service gets with its ProcedureRules: the fee's
			// PaymentSucceeded and the follow-up of its own events (groups <name>.fee-paid, <name>.dossier-follow-up).
			consumes.add("payment.events.v1");
			consumes.addAll(publishes);
			String own = publishes.iterator().next();
			listeners.add("payment.events.v1 " + module + ".fee-paid");
			listeners.add(own + " " + module + ".dossier-follow-up");
			listeners.add(own + " " + module + ".national-portal-sync");
		}
		return new Uses(publishes, consumes, groups, listeners);
	}

	private static List<String> all(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static Map<String, Object> environment(Object service) {
		return map(map(service).get("environment"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
	}
}
