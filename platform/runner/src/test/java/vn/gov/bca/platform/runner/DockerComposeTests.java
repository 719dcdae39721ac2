package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where we build, so docker-compose.yml is checked here against what the
 * modules actually read: an environment variable a service's application.yml uses but the compose
 * file does not set would silently fall back to its localhost default inside a container.
 */
class DockerComposeTests {

	/** {@code ${VAR}} or {@code ${VAR:default}}; lower-case placeholders are Spring properties, not variables. */
	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)[:}]");

	/** In Java: a string literal in upper case with an underscore, such as {@code "SANDBOX_PORT"}. */
	private static final Pattern JAVA_VARIABLE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");

	private static Path root;
	private static Map<String, Object> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readCompose() throws IOException {
		root = RepoRoot.find();
		Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
		services = (Map<String, Object>) compose.get("services");
	}

	@Test
	void everyDeployableIsBuiltFromItsModule() {
		for (String module : deployables()) {
			Map<String, Object> definition = map(services.get(module));
			assertThat(definition).as("compose service %s", module).isNotEmpty();
			assertThat(map(map(definition.get("build")).get("args")).get("MODULE"))
					.as("build arg MODULE of %s", module)
					.isEqualTo(module);
		}
		assertThat(root.resolve("Dockerfile")).exists();
	}

	@Test
	void everyServiceSetsEveryVariableItsApplicationYmlReads() throws IOException {
		Map<String, Set<String>> missing = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : services.entrySet()) {
			String module = buildModule(map(entry.getValue()));
			if (module == null) {
				continue; // an image from a registry (MongoDB, Kafka, ...), not one of our modules
			}
			Set<String> read = variablesReadBy(module, entry.getKey());
			read.removeAll(environment(map(entry.getValue())).keySet());
			if (!read.isEmpty()) {
				missing.put(entry.getKey(), read);
			}
		}
		assertThat(missing).as("variables read by application.yml but not set in docker-compose.yml").isEmpty();
	}

	@Test
	void servicesGetTheRunnersContract() {
		for (Service service : Service.values()) {
			Set<String> compose = environment(map(services.get(service.module()))).keySet();
			Set<String> contract = new TreeSet<>(List.of("SERVER_PORT", "KEYCLOAK_URL", "IDENTITY_SERVICE_URL",
					"FINE_PAYMENT_SERVICE_URL"));
			contract.addAll(List.of("MANAGEMENT_SERVER_PORT", "VNEID_SECURITY_REFUSED_CLIENTS"));
			if (!service.isGateway()) {
				contract.addAll(List.of("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS", "SERVICE_CLIENT_ID",
						"SERVICE_CLIENT_SECRET", "SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL",
						"SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"));
			}
			assertThat(compose).as("environment of %s", service.module()).containsAll(contract);
		}
	}

	@Test
	void dependenciesWaitForHealthyServicesThatHaveAHealthCheck() {
		List<String> problems = new ArrayList<>();
		services.forEach((name, definition) -> {
			map(map(definition).get("depends_on")).forEach((dependency, condition) -> {
				Map<String, Object> target = map(services.get(dependency));
				// A one-shot container (Kafka's storage format, users and ACLs) is waited for until it has
				// finished successfully; anything else until its health check passes.
				if (isOneShot(target)) {
					if (!"service_completed_successfully".equals(map(condition).get("condition"))) {
						problems.add(name + " -> " + dependency + " (one-shot) is not condition: service_completed_successfully");
					}
					return;
				}
				if (!"service_healthy".equals(map(condition).get("condition"))) {
					problems.add(name + " -> " + dependency + " is not condition: service_healthy");
				}
				if (target.get("healthcheck") == null) {
					problems.add(name + " -> " + dependency + " has no healthcheck");
				}
			});
		});
		for (String module : deployables()) {
			if (map(services.get(module)).get("healthcheck") == null) {
				problems.add(module + " has no healthcheck");
			}
		}
		assertThat(problems).isEmpty();
	}

	private static boolean isOneShot(Map<String, Object> service) {
		return "no".equals(String.valueOf(service.get("restart"))) && service.get("healthcheck") == null;
	}

	@Test
	void finePaymentAndTheSandboxAgreeOnTheMerchant() {
		Map<String, Object> payment = environment(map(services.get(Service.FINE_PAYMENT.module())));
		Map<String, Object> sandbox = environment(map(services.get(PaymentSandboxProcess.NAME)));

		assertThat(payment.get("PAYMENT_PLATFORM_URL")).isEqualTo("http://payment-sandbox:" + sandbox.get("SANDBOX_PORT"));
		assertThat(payment.get("PAYMENT_PLATFORM_MERCHANT_ID")).isEqualTo(sandbox.get("SANDBOX_MERCHANT_ID"));
		assertThat(payment.get("PAYMENT_PLATFORM_SECRET")).isEqualTo(sandbox.get("SANDBOX_SECRET"));
		assertThat(payment.get("PAYMENT_CALLBACK_URL").toString()).startsWith("http://gateway:8080/api/payment/public/");
	}

	@Test
	void readsPlaceholdersWithAndWithoutDefaults() {
		assertThat(variablesIn("""
				uri: ${MONGODB_URI:mongodb://localhost:27017/identity}
				port: ${SERVER_PORT}
				name: ${spring.application.name}
				nested: ${A_URL:${B_URL:http://x}}
				"""))
				.containsExactly("A_URL", "B_URL", "MONGODB_URI", "SERVER_PORT");
	}

	/**
	 * A Spring Boot module reads its variables in application.yml; a plain Java one (payment-sandbox)
	 * in its code, where each is a string literal such as {@code "SANDBOX_PORT"}.
	 */
	private static Set<String> variablesReadBy(String module, String composeService) throws IOException {
		Path yml = root.resolve(module).resolve("src/main/resources/application.yml");
		if (Files.isRegularFile(yml)) {
			return variablesIn(Files.readString(yml));
		}
		Set<String> read = new TreeSet<>();
		Path sources = root.resolve(module).resolve("src/main/java");
		if (Files.isDirectory(sources)) {
			try (Stream<Path> files = Files.walk(sources)) {
				for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
					Matcher matcher = JAVA_VARIABLE.matcher(Files.readString(file));
					while (matcher.find()) {
						read.add(matcher.group(1));
					}
				}
			}
		}
		if (read.isEmpty()) {
			fail("%s has no %s and its code reads no variable: the compose service %s cannot be checked against"
					+ " what it reads", module, root.relativize(yml), composeService);
		}
		return read;
	}

	/** Every module docker compose builds an image of: the services, the gateway and the two sandboxes. */
	private static List<String> deployables() {
		List<String> modules = new ArrayList<>();
		for (Service service : Service.values()) {
			modules.add(service.module());
		}
		modules.add(PaymentSandboxProcess.NAME);
		modules.add(NationalPortalSandboxProcess.NAME);
		return modules;
	}

	static Set<String> variablesIn(String yml) {
		Set<String> variables = new TreeSet<>();
		Matcher matcher = VARIABLE.matcher(yml);
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		return variables;
	}

	private static String buildModule(Map<String, Object> service) {
		Object module = map(map(service.get("build")).get("args")).get("MODULE");
		return module == null ? null : module.toString();
	}

	/** Compose accepts a map or a list of {@code KEY=value}. */
	private static Map<String, Object> environment(Map<String, Object> service) {
		Object environment = service.get("environment");
		if (environment instanceof List<?> list) {
			Map<String, Object> variables = new LinkedHashMap<>();
			for (Object item : list) {
				String entry = item.toString();
				int equals = entry.indexOf('=');
				variables.put(equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? "" : entry.substring(equals + 1));
			}
			return variables;
		}
		return map(environment);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}
}
