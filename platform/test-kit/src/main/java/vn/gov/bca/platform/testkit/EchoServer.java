package vn.gov.bca.platform.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process downstream service for tests of what a caller sends and how it copes: it echoes
 * the path and the Authorization, X-Request-Id, traceparent and X-Purpose headers it received
 * as JSON; a path ending in {@code /slow} answers after 3 s, {@code /pause} after 0.3 s, {@code /missing} answers 404 and
 * {@code /failing} answers 500.
 */
public final class EchoServer implements AutoCloseable {

	private final HttpServer server;

	public EchoServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the echo server", ex);
		}
		this.server.setExecutor(Executors.newFixedThreadPool(64));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** A port on which nothing listens: a service that is down. */
	public static String downUrl() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		// As a service does, the whole body is read before the answer (a gateway test relies on it).
		try {
			exchange.getRequestBody().readAllBytes();
		}
		catch (IOException ex) {
			exchange.close();
			return;
		}
		String path = exchange.getRequestURI().getPath();
		if (path.endsWith("/slow")) {
			sleep(3000);
		}
		if (path.endsWith("/pause")) {
			sleep(300);
		}
		if (path.endsWith("/missing")) {
			JsonResponses.respond(exchange, 404, "{\"status\":404}");
			return;
		}
		if (path.endsWith("/failing")) {
			JsonResponses.respond(exchange, 500, "{\"status\":500}");
			return;
		}
		String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
		if (requestId != null) {
			// As a service on the platform does: the request id comes back in the answer.
			exchange.getResponseHeaders().set("X-Request-Id", requestId);
		}
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String json = "{\"path\":\"" + path + "\",\"authorization\":" + quoted(authorization) + ",\"requestId\":"
				+ quoted(exchange.getRequestHeaders().getFirst("X-Request-Id")) + ",\"traceparent\":"
				+ quoted(exchange.getRequestHeaders().getFirst("traceparent")) + ",\"purpose\":"
				+ quoted(exchange.getRequestHeaders().getFirst("X-Purpose")) + "}";
		JsonResponses.respond(exchange, 200, json);
	}

	private static String quoted(String value) {
		return (value != null) ? "\"" + value + "\"" : "null";
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
