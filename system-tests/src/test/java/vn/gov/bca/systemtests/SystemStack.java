package vn.gov.bca.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.Base64;

import com.jayway.jsonpath.JsonPath;

import vn.gov.bca.platform.runner.LocalStack;
import vn.gov.bca.platform.runner.LocalStackOptions;
import vn.gov.bca.platform.runner.Service;

/**
 * The whole system as {@code ./run} starts it (Kafka, the MongoDB-protocol server, the real
 * Keycloak with the repository's realm, every service and the gateway), on ports shifted by
 * 10000, started once for all system tests of this JVM and stopped when it ends. Zipkin runs
 * beside it and every trace is kept; a second passport-service instance is known to the gateway
 * and started by the scale-out test.
 */
final class SystemStack {

	static final String DEMO_PASSWORD = "Vneid@2026";

	private static final LocalStack STACK = standby(new LocalStack(
			LocalStackOptions.forTests().withObservability(true).withReplicas(Service.PASSPORT, 2)).start());

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private SystemStack() {
	}

	/**
	 * The second passport-service waits stopped until ScaleOutSystemTests starts it: the gateway
	 * knows it and skips it while it is not ready. With both running throughout, the national portal
	 * journey once found the portal holding the processed dossier without its result notice (the
	 * notice is issued by the follow-up consumer, the portal's copy built by the sync consumer, and
	 * on two instances the sync can come first; reported, not yet fixed), so the other journeys run
	 * on one instance.
	 */
	private static LocalStack standby(LocalStack stack) {
		stack.stopInstance(Service.PASSPORT, 2);
		return stack;
	}

	static LocalStack get() {
		return STACK;
	}

	static String gateway() {
		return STACK.gatewayUrl();
	}

	/** A demo user's access token, from the dev-only password-grant client, as a script would get it. */
	static String userToken(String username) {
		return token("grant_type=password&client_id=dev-scripts&username=" + encode(username) + "&password="
				+ encode(DEMO_PASSWORD));
	}

	/** A service account's token (client credentials with the service's dev secret). */
	static String serviceToken(String clientId) {
		return token("grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
				+ encode(clientId + "-dev-secret"));
	}

	static HttpResponse<String> get(String url, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	/** A GET whose answer is bytes (a PDF). */
	static HttpResponse<byte[]> getBytes(String url, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(url + " did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Keycloak's answer to a sign-in with user name and password (dev-only password grant). */
	static HttpResponse<String> signIn(String username, String password) {
		return tokenResponse("grant_type=password&client_id=dev-scripts&username=" + encode(username) + "&password="
				+ encode(password));
	}

	/** A signed-in user's access token; fails the test if Keycloak refuses. */
	static String tokenOf(String username, String password) {
		return accessToken(signIn(username, password));
	}

	/** The claims of a JWT, read without checking it (the services check it). */
	static String claims(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
	}

	static HttpResponse<String> post(String url, String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	private static String token(String form) {
		return accessToken(tokenResponse(form));
	}

	private static HttpResponse<String> tokenResponse(String form) {
		return send(HttpRequest.newBuilder(URI.create(STACK.tokenUrl()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	private static String accessToken(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Keycloak refused a token: " + response.statusCode() + " " + response.body());
		}
		return JsonPath.read(response.body(), "$.access_token");
	}

	/** A dossier's file as a browser uploads it: multipart with its {@code kind} and a PDF {@code file}. */
	static HttpResponse<String> upload(String url, String token, String kind, String filename, byte[] content) {
		String boundary = "----vneid" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	/**
	 * A fee order paid as its payer does it: the checkout opened through the gateway, then the
	 * sandbox's "Thanh toán" button pressed (a 303 back to the portal).
	 */
	static void payFeeOrder(String orderId, String payerToken) {
		HttpResponse<String> checkout = post(gateway() + "/api/payment/orders/" + orderId + "/checkout", "",
				"Authorization", "Bearer " + payerToken);
		if (checkout.statusCode() != 200) {
			throw new AssertionError("The checkout of " + orderId + " answered " + checkout.statusCode() + ": " + checkout.body());
		}
		HttpResponse<String> paid = send(HttpRequest.newBuilder(URI.create(JsonPath.read(checkout.body(), "$.checkoutUrl")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("action=pay"))
			.build());
		if (paid.statusCode() != 303) {
			throw new AssertionError("The sandbox answered " + paid.statusCode() + " to the payment of " + orderId);
		}
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + " did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The code of the latest message to that phone in the development sink (up to 20 s). */
	static String awaitRegistrationCode(String phone) {
		Path sink = SystemStack.get().options().dataDir().resolve("notifications");
		Instant deadline = Instant.now().plusSeconds(20);
		while (Instant.now().isBefore(deadline)) {
			List<String> messages = messages(sink).stream()
				.filter((json) -> phone.equals(JsonPath.read(json, "$.to")))
				.filter((json) -> "ACCOUNT_REGISTRATION_CODE".equals(JsonPath.read(json, "$.kind")))
				.toList();
			if (!messages.isEmpty()) {
				return JsonPath.read(messages.get(messages.size() - 1), "$.code");
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("No code sent to " + phone + " in " + sink);
	}

	private static List<String> messages(Path sink) {
		if (!Files.isDirectory(sink)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(sink)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json"))
				.sorted(Comparator.comparing((Path file) -> file.getFileName().toString()))
				.map((file) -> {
					try {
						return Files.readString(file);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				})
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
