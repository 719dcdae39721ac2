package vn.gov.bca.identity.account;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Keycloak's admin API as far as a registration uses it, in-process: no user found by personal id,
 * a user created (its representation kept for the test to read), the citizen role given. Enough to
 * see what the service sends Keycloak; the real one is in the system tests.
 */
final class FakeKeycloakAdmin implements AutoCloseable {

	private final HttpServer server;

	final List<String> createdUsers = new CopyOnWriteArrayList<>();

	FakeKeycloakAdmin() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/admin/realms/vneid/users", this::handle);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/admin/realms/vneid";
	}

	private void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		byte[] body = exchange.getRequestBody().readAllBytes();
		if ("POST".equals(method) && path.endsWith("/users")) {
			this.createdUsers.add(new String(body, StandardCharsets.UTF_8));
			exchange.getResponseHeaders().set("Location", baseUrl() + "/users/" + UUID.randomUUID());
			exchange.sendResponseHeaders(201, -1);
		}
		else if ("GET".equals(method) && path.endsWith("/role-mappings/realm/available")) {
			json(exchange, "[{\"id\":\"role-citizen\",\"name\":\"citizen\"}]");
		}
		else if ("GET".equals(method) && path.endsWith("/role-mappings/realm/composite")) {
			json(exchange, "[{\"id\":\"role-citizen\",\"name\":\"citizen\"}]");
		}
		else if ("GET".equals(method) && path.endsWith("/users")) {
			json(exchange, "[]");
		}
		else {
			exchange.sendResponseHeaders(204, -1);
		}
		exchange.close();
	}

	private static void json(HttpExchange exchange, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
