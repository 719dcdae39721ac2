package vn.gov.bca.platform.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the summary of {@code ./run} shows from the realm export: the demo accounts and the script client. */
record RealmFile(List<Account> accounts, Optional<String> devScriptsSecret) {

	static final String DEV_SCRIPTS_CLIENT = "dev-scripts";

	/** A user of the realm and the roles that matter to the portal. */
	record Account(String username, List<String> roles, String personalId, String identityLevel) {
	}

	static RealmFile read(Path file) {
		try {
			return parse(Files.readString(file));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read " + file, e);
		}
	}

	static RealmFile parse(String json) {
		JsonNode realm;
		try {
			realm = new ObjectMapper().readTree(json);
		}
		catch (IOException e) {
			throw new IllegalArgumentException("The realm file is not valid JSON: " + e.getMessage(), e);
		}
		List<Account> accounts = new ArrayList<>();
		for (JsonNode user : realm.path("users")) {
			String username = user.path("username").asText();
			// Service-account users belong to clients, not people.
			if (username.isEmpty() || user.has("serviceAccountClientId") || username.startsWith("service-account-")) {
				continue;
			}
			List<String> roles = new ArrayList<>();
			for (JsonNode role : user.path("realmRoles")) {
				String name = role.asText();
				if (!name.startsWith("default-roles-") && !name.equals("offline_access")
						&& !name.equals("uma_authorization")) {
					roles.add(name);
				}
			}
			accounts.add(new Account(username, roles, attribute(user, "personal_id"), attribute(user, "identity_level")));
		}
		Optional<String> secret = Optional.empty();
		for (JsonNode client : realm.path("clients")) {
			if (DEV_SCRIPTS_CLIENT.equals(client.path("clientId").asText()) && !client.path("publicClient").asBoolean()
					&& client.hasNonNull("secret")) {
				secret = Optional.of(client.path("secret").asText());
			}
		}
		return new RealmFile(List.copyOf(accounts), secret);
	}

	private static String attribute(JsonNode user, String name) {
		JsonNode value = user.path("attributes").path(name);
		return value.isArray() ? value.path(0).asText("") : value.asText("");
	}
}
