package vn.gov.bca.loadtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real tokens from Keycloak (dev-only password grant, service client credentials), fetched before a simulation. */
final class Tokens {

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private Tokens() {
	}

	static String password(String keycloakUrl, String username, String password) {
		return token(keycloakUrl, "grant_type=password&client_id=dev-scripts&username=" + encode(username)
				+ "&password=" + encode(password));
	}

	/** A service account's token, with the dev secret the realm gives each service client. */
	static String service(String keycloakUrl, String clientId) {
		return token(keycloakUrl, "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
				+ encode(clientId + "-dev-secret"));
	}

	private static String token(String keycloakUrl, String form) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(keycloakUrl + "/realms/vneid/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher matcher = ACCESS_TOKEN.matcher(response.body());
			if (response.statusCode() != 200 || !matcher.find()) {
				throw new IllegalStateException("No token: HTTP " + response.statusCode() + " " + response.body());
			}
			return matcher.group(1);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Keycloak not reachable at " + keycloakUrl + "; is ./run up?", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
