package vn.gov.bca.paymentsandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The merchant's side in the tests: a callback endpoint that records what the platform delivered
 * and answers with the statuses it is told to (200 once those run out).
 */
final class MerchantServer implements AutoCloseable {

	/** One delivery as received. */
	record Callback(String merchantId, String timestamp, String signature, String body, Instant receivedAt) {

		boolean signedWith(String secret) {
			return Signatures.matches(secret, timestamp, body.getBytes(StandardCharsets.UTF_8), signature);
		}
	}

	private final HttpServer server;
	private final ExecutorService threads = Executors.newFixedThreadPool(8);
	private final LinkedBlockingQueue<Callback> pending = new LinkedBlockingQueue<>();
	private final List<Callback> received = new CopyOnWriteArrayList<>();
	private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();

	MerchantServer() throws IOException {
		this(0);
	}

	/** On {@code port} again, as a merchant back after being down. */
	MerchantServer(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.setExecutor(threads);
		server.createContext("/callbacks", this::callback);
		server.start();
	}

	int port() {
		return server.getAddress().getPort();
	}

	String callbackUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks";
	}

	String returnUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/back?from=sandbox";
	}

	/** The statuses of the next answers, in order. */
	void answerWith(int... statuses) {
		for (int status : statuses) {
			answers.add(status);
		}
	}

	Optional<Callback> next(Duration within) throws InterruptedException {
		return Optional.ofNullable(pending.poll(within.toMillis(), TimeUnit.MILLISECONDS));
	}

	List<Callback> received() {
		return new ArrayList<>(received);
	}

	private void callback(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Callback callback = new Callback(exchange.getRequestHeaders().getFirst(Signatures.MERCHANT_ID_HEADER),
					exchange.getRequestHeaders().getFirst(Signatures.TIMESTAMP_HEADER),
					exchange.getRequestHeaders().getFirst(Signatures.SIGNATURE_HEADER), body, Instant.now());
			received.add(callback);
			pending.add(callback);
			Integer status = answers.poll();
			exchange.sendResponseHeaders(status != null ? status : 200, -1);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}
}
