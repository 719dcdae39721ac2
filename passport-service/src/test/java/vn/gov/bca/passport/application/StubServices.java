package vn.gov.bca.passport.application;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * identity-service and fine-payment-service as passport-service sees them, for its integration
 * tests: the registry confirms every identity except those listed as unknown (a birth date as a
 * year, a month or a day, as identity-service compares them) and the parents listed;
 * fee orders get consecutive ids and are recorded. The real services meet in the system tests.
 */
final class StubServices implements AutoCloseable {

	final Set<String> unknownToRegistry = ConcurrentHashMap.newKeySet();

	final Set<String> parentChild = ConcurrentHashMap.newKeySet();

	final List<String> feeOrders = new CopyOnWriteArrayList<>();

	/** The bodies of the verification requests, as sent. */
	final List<String> verifications = new CopyOnWriteArrayList<>();

	/**
	 * The birth dates identity-service compares (a year, a year and month, or a day, as the registry
	 * may hold them); any other shape is not a match.
	 */
	private static final java.util.regex.Pattern BIRTH_DATE = java.util.regex.Pattern
		.compile(".*\"birthDate\"\\s*:\\s*\"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\".*", java.util.regex.Pattern.DOTALL);

	private final AtomicInteger orders = new AtomicInteger();

	private final HttpServer server;

	StubServices() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(Executors.newFixedThreadPool(8));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String path = exchange.getRequestURI().getPath();
		String answer;
		if (path.equals("/api/identity/registry/verifications")) {
			this.verifications.add(body);
			boolean match = this.unknownToRegistry.stream().noneMatch(body::contains)
					&& BIRTH_DATE.matcher(body).matches();
			answer = "{\"match\": " + match + "}";
		}
		else if (path.equals("/api/identity/registry/relations")) {
			answer = "{\"match\": " + this.parentChild.stream()
				.anyMatch((pair) -> body.contains(pair.split(">")[0]) && body.contains(pair.split(">")[1])) + "}";
		}
		else if (path.equals("/api/payment/fee-orders")) {
			this.feeOrders.add(body);
			answer = "{\"id\": \"PO-TEST-" + this.orders.incrementAndGet() + "\", \"status\": \"CREATED\"}";
		}
		else {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(path.endsWith("fee-orders") ? 201 : 200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
