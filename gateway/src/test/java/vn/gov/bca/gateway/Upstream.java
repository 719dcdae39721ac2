package vn.gov.bca.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process upstream service for the gateway tests: echoes what the gateway forwarded,
 * answers slowly, or answers a 4xx, as a real service would.
 */
final class Upstream implements AutoCloseable {

	private final HttpServer server;

	Upstream() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** A port on which nothing listens: a service that is down. */
	static String downUrl() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (path.endsWith("/slow")) {
			sleep(3000);
		}
		if (path.endsWith("/missing")) {
			respond(exchange, 404, "{\"status\":404}");
			return;
		}
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String json = "{\"path\":\"" + path + "\",\"authorization\":" + quoted(authorization) + ",\"requestId\":"
				+ quoted(exchange.getRequestHeaders().getFirst("X-Request-Id")) + ",\"traceparent\":"
				+ quoted(exchange.getRequestHeaders().getFirst("traceparent")) + "}";
		respond(exchange, 200, json);
	}

	private static String quoted(String value) {
		return (value != null) ? "\"" + value + "\"" : "null";
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
