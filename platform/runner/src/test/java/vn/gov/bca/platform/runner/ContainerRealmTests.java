package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two realm files: the development realm ./run imports (demo people, dev-scripts, dev secrets)
 * and the containers' realm docker-compose imports, which must be the development realm without
 * anything published in the repository (finding 7 of issue 10), and the audience mappers of the
 * contract in both.
 */
class ContainerRealmTests {

	private static final String PLATFORM_AUDIENCE = "dichvucong-bca";

	private static String devText;
	private static String containerText;
	private static JsonNode dev;
	private static JsonNode containers;

	@BeforeAll
	static void read() throws IOException {
		Path root = RepoRoot.find();
		devText = Files.readString(root.resolve(ContainerRealm.DEV_REALM));
		containerText = Files.readString(root.resolve(ContainerRealm.CONTAINER_REALM));
		dev = new ObjectMapper().readTree(devText);
		containers = new ObjectMapper().readTree(containerText);
	}

	@Test
	void theContainersRealmIsGeneratedFromTheDevelopmentRealm() {
		assertThat(containers)
			.as("%s is out of date: regenerate it with ContainerRealm (see its javadoc)", ContainerRealm.CONTAINER_REALM)
			.isEqualTo(ContainerRealm.from(devText));
	}

	@Test
	void theContainersRealmHasNoDemoPeopleNoDevScriptsAndNoLiteralSecret() {
		List<String> people = new ArrayList<>();
		containers.path("users").forEach(user -> {
			if (!user.has("serviceAccountClientId")) {
				people.add(user.path("username").asText());
			}
		});
		assertThat(people).isEmpty();
		assertThat(containerText).doesNotContain("dev-scripts", "dev-secret", Summary.DEMO_PASSWORD, "\"credentials\"");
		containers.path("clients").forEach(client -> {
			if (client.has("secret")) {
				assertThat(client.path("secret").asText()).as(client.path("clientId").asText())
					.isEqualTo("${" + ContainerRealm.secretVariable(client.path("clientId").asText()) + "}")
					.matches("\\$\\{[A-Z_]+_CLIENT_SECRET}");
			}
		});
	}

	@Test
	void theContainersRealmKeepsEverythingElseOfTheDevelopmentRealm() {
		for (String field : List.of("clientScopes", "roles", "components", "defaultDefaultClientScopes",
				"passwordPolicy", "bruteForceProtected", "permanentLockout", "maxTemporaryLockouts",
				"eventsListeners", "eventsEnabled", "accessTokenLifespan", "localizationTexts")) {
			assertThat(containers.path(field)).as(field).isEqualTo(dev.path(field));
		}
		Map<String, JsonNode> devClients = clients(dev);
		devClients.remove(RealmFile.DEV_SCRIPTS_CLIENT);
		Map<String, JsonNode> containerClients = clients(containers);
		assertThat(containerClients.keySet()).isEqualTo(devClients.keySet());
		containerClients.forEach((clientId, client) -> {
			for (String field : List.of("publicClient", "serviceAccountsEnabled", "directAccessGrantsEnabled",
					"standardFlowEnabled", "defaultClientScopes", "protocolMappers", "attributes")) {
				assertThat(client.path(field)).as(clientId + " " + field).isEqualTo(devClients.get(clientId).path(field));
			}
		});
		List<String> serviceAccounts = new ArrayList<>();
		containers.path("users").forEach(user -> serviceAccounts.add(user.path("serviceAccountClientId").asText()));
		assertThat(serviceAccounts).containsExactlyInAnyOrder("national-portal", "identity-service",
				"residence-service", "passport-service", "seal-service", "fine-payment-service",
				"traffic-violation-system");
	}

	/** The contract: user-facing clients carry the platform audience, service accounts the services they call. */
	@Test
	void audiencesFollowTheContract() {
		JsonNode scope = null;
		for (JsonNode candidate : dev.path("clientScopes")) {
			if ("dichvucong-bca-audience".equals(candidate.path("name").asText())) {
				scope = candidate;
			}
		}
		assertThat(scope).isNotNull();
		JsonNode mapper = scope.path("protocolMappers").path(0);
		assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-audience-mapper");
		assertThat(mapper.path("config").path("included.custom.audience").asText()).isEqualTo(PLATFORM_AUDIENCE);
		assertThat(mapper.path("config").path("access.token.claim").asText()).isEqualTo("true");

		Map<String, List<String>> audiences = new TreeMap<>();
		Map<String, Boolean> platform = new TreeMap<>();
		clients(dev).forEach((clientId, client) -> {
			List<String> targets = new ArrayList<>();
			client.path("protocolMappers").forEach(m -> {
				if ("oidc-audience-mapper".equals(m.path("protocolMapper").asText())) {
					targets.add(m.path("config").path("included.client.audience").asText());
				}
			});
			audiences.put(clientId, targets);
			boolean hasScope = false;
			for (JsonNode name : client.path("defaultClientScopes")) {
				hasScope |= "dichvucong-bca-audience".equals(name.asText());
			}
			platform.put(clientId, hasScope);
		});
		assertThat(platform).containsEntry("vneid-mobile", true).containsEntry("citizen-portal", true)
			.containsEntry("officer-console", true).containsEntry("national-portal", true)
			.containsEntry("dev-scripts", true).containsEntry("identity-service", false)
			.containsEntry("residence-service", false).containsEntry("passport-service", false)
			.containsEntry("seal-service", false).containsEntry("fine-payment-service", false)
			.containsEntry("traffic-violation-system", false);
		assertThat(audiences)
			.containsEntry("passport-service", List.of("identity-service", "fine-payment-service"))
			.containsEntry("residence-service", List.of("identity-service", "fine-payment-service"))
			.containsEntry("seal-service", List.of("identity-service", "fine-payment-service"))
			.containsEntry("traffic-violation-system", List.of("fine-payment-service"))
			// The registry reads the residence register's current residence of a person an event names.
			.containsEntry("identity-service", List.of("residence-service", "fine-payment-service"))
			.containsEntry("fine-payment-service", List.of());
	}

	/** Finding 10: login errors carry the user name (a personal id); lockouts are temporary only. */
	@Test
	void eventsAreNotLoggedAndLockoutsAreTemporary() {
		assertThat(dev.path("eventsListeners").isArray()).isTrue();
		assertThat(devText).doesNotContain("jboss-logging");
		assertThat(dev.path("eventsEnabled").asBoolean()).isTrue();
		assertThat(dev.path("eventsExpiration").asInt()).isPositive();
		assertThat(dev.path("bruteForceProtected").asBoolean()).isTrue();
		assertThat(dev.path("permanentLockout").asBoolean()).isFalse();
		assertThat(dev.path("maxTemporaryLockouts").asInt()).isZero();
		assertThat(dev.path("maxFailureWaitSeconds").asInt()).isBetween(60, 3600);
	}

	private static Map<String, JsonNode> clients(JsonNode realm) {
		Map<String, JsonNode> clients = new TreeMap<>();
		realm.path("clients").forEach(client -> clients.put(client.path("clientId").asText(), client));
		return clients;
	}
}
