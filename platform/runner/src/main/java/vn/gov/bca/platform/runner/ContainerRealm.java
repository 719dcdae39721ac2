package vn.gov.bca.platform.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm docker-compose imports, derived from the development realm so that the two cannot
 * drift: the same clients, scopes, mappers, roles, user profile and security settings, but no demo
 * people (their published password), no password-grant client {@code dev-scripts}, and every client
 * secret a placeholder {@code ${<CLIENT_ID>_CLIENT_SECRET}} that Keycloak's import fills from the
 * container's environment. Service-account users stay: they carry the roles of the service clients.
 *
 * <p>{@code RealmFileTests} fails when keycloak/vneid-realm.containers.json is not what this class
 * makes of keycloak/vneid-realm.json; regenerate it with
 * {@code java -cp "platform/runner/target/classes:platform/runner/target/lib/*" vn.gov.bca.platform.runner.ContainerRealm}.
 */
final class ContainerRealm {

	static final String DEV_REALM = "keycloak/vneid-realm.json";

	static final String CONTAINER_REALM = "keycloak/vneid-realm.containers.json";

	private static final ObjectMapper JSON = new ObjectMapper();

	private ContainerRealm() {
	}

	public static void main(String[] args) throws IOException {
		Path root = RepoRoot.find();
		Path target = root.resolve(CONTAINER_REALM);
		Files.writeString(target, render(from(Files.readString(root.resolve(DEV_REALM)))));
		System.out.println("Wrote " + target);
	}

	/** The environment variable holding a client's secret: {@code national-portal} reads {@code NATIONAL_PORTAL_CLIENT_SECRET}. */
	static String secretVariable(String clientId) {
		return clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_CLIENT_SECRET";
	}

	static ObjectNode from(String devRealmJson) {
		ObjectNode realm;
		try {
			realm = (ObjectNode) JSON.readTree(devRealmJson);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The development realm is not valid JSON", e);
		}
		realm.put("displayName", "VNeID");
		realm.put("displayNameHtml",
				"<div class=\"kc-logo-text\"><span>VNeID — Định danh điện tử</span></div>");

		ArrayNode clients = (ArrayNode) realm.path("clients");
		for (Iterator<JsonNode> it = clients.elements(); it.hasNext();) {
			ObjectNode client = (ObjectNode) it.next();
			String clientId = client.path("clientId").asText();
			if (RealmFile.DEV_SCRIPTS_CLIENT.equals(clientId)) {
				it.remove();
				continue;
			}
			if (client.hasNonNull("secret")) {
				client.put("secret", "${" + secretVariable(clientId) + "}");
			}
			if (client.path("description").asText().contains("dev stack only")) {
				client.put("description", client.path("description").asText()
					.replace(" Secret is for the local dev stack only.", " Secret from the environment ("
							+ secretVariable(clientId) + ")."));
			}
		}

		ArrayNode users = (ArrayNode) realm.path("users");
		for (Iterator<JsonNode> it = users.elements(); it.hasNext();) {
			if (!it.next().has("serviceAccountClientId")) {
				it.remove(); // a demo person: her password is published in the repository
			}
		}
		return realm;
	}

	/** Two-space indentation, {@code "key": value}, one array item per line, as jq writes the development realm. */
	static String render(JsonNode realm) {
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
			.withSeparators(Separators.createDefaultInstance()
				.withObjectFieldValueSpacing(Separators.Spacing.AFTER)
				.withObjectEmptySeparator("")
				.withArrayEmptySeparator(""));
		DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
		printer.indentObjectsWith(indenter);
		printer.indentArraysWith(indenter);
		try {
			return JSON.writer(printer).writeValueAsString(realm) + "\n";
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
