package vn.gov.bca.paymentsandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the national payment platform (PayGov) wherever the real one cannot be used:
 * {@code ./run}, the containers, and fine-payment-service's tests. It speaks the platform's side of
 * the contract (signed checkout API, checkout page, signed callbacks, status and settlement queries)
 * and can be made to misbehave the ways a real platform does: duplicate, late, missing or tampered
 * callbacks ({@link #setCallbackMode}), or not answering at all ({@link #stop()}, {@link #restart()}).
 *
 * <pre>{@code
 * try (PaymentSandbox platform = PaymentSandbox.start(Settings.forTests())) {
 *     String url = platform.url();
 * }
 * }</pre>
 *
 * Plain JDK HTTP server and Jackson, no Spring: started in a test in milliseconds, and on its own a
 * process of a few tens of megabytes.
 */
public final class PaymentSandbox implements AutoCloseable {

	private final Settings settings;
	private final Ledger ledger;
	private final CallbackSender callbacks;
	private final ExecutorService requestThreads;
	private final int port;
	private final String publicUrl;
	private volatile CallbackPlan callbackPlan = CallbackPlan.NORMAL;
	private HttpServer server;
	private boolean closed;

	private PaymentSandbox(Settings settings, Ledger ledger) {
		this.settings = settings;
		this.ledger = ledger;
		this.callbacks = new CallbackSender(settings);
		AtomicInteger threads = new AtomicInteger();
		this.requestThreads = Executors.newFixedThreadPool(16, runnable -> {
			Thread thread = new Thread(runnable, "sandbox-http-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		HttpServer bound;
		try {
			bound = bind(settings.port());
		}
		catch (IOException ex) {
			close();
			throw new UncheckedIOException("Cannot listen on " + settings.bindAddress() + ":" + settings.port(), ex);
		}
		this.port = bound.getAddress().getPort();
		// Known before the first request is taken: every checkoutUrl is built from it.
		this.publicUrl = settings.publicUrl().orElse("http://localhost:" + port);
		bound.start();
		this.server = bound;
	}

	/** Replays the data file, if any, and listens. */
	public static PaymentSandbox start(Settings settings) {
		return new PaymentSandbox(settings, Ledger.open(settings));
	}

	/**
	 * {@code java -jar payment-sandbox.jar}, set up from {@code SANDBOX_PORT}, {@code SANDBOX_MERCHANT_ID},
	 * {@code SANDBOX_SECRET}, {@code SANDBOX_DATA_FILE} and {@code SANDBOX_PUBLIC_URL}.
	 */
	public static void main(String[] args) {
		if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
			System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s %5$s%6$s%n");
		}
		PaymentSandbox sandbox = start(Settings.fromEnvironment(System.getenv()));
		Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "payment-sandbox-shutdown"));
		System.out.println("Payment sandbox (stands in for PayGov) listening on port " + sandbox.port()
				+ ", public URL " + sandbox.url() + ", merchant " + sandbox.merchantId() + ", data "
				+ sandbox.settings().dataFile().map(Object::toString).orElse("in memory") + " ("
				+ sandbox.transactions().size() + " transactions)");
	}

	/** The base URL of the API and the checkout pages: {@link Settings#publicUrl()}, or {@code http://localhost:<port>}. */
	public String url() {
		return publicUrl;
	}

	public int port() {
		return port;
	}

	public Settings settings() {
		return settings;
	}

	public String merchantId() {
		return settings.merchantId();
	}

	/**
	 * Stops listening, as a platform that is down: connections are refused until {@link #restart()}.
	 * What it holds is kept, and callbacks already scheduled still leave.
	 */
	public synchronized void stop() {
		if (server != null) {
			server.stop(0);
			server = null;
		}
	}

	/** Listens again on the same port with the same data, after {@link #stop()} or in place of a running listener. */
	public synchronized void restart() {
		if (closed) {
			throw new IllegalStateException("The sandbox is closed");
		}
		stop();
		// The port was just released; the kernel may take a moment to let it be bound again.
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (true) {
			try {
				HttpServer bound = bind(port);
				bound.start();
				server = bound;
				return;
			}
			catch (BindException ex) {
				if (System.nanoTime() > deadline) {
					throw new UncheckedIOException("Cannot listen again on port " + port, ex);
				}
				pause();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot listen again on port " + port, ex);
			}
		}
	}

	/** How the callbacks of the outcomes recorded from now on are delivered; {@code delay} counts for {@code LATE} only. */
	public void setCallbackMode(CallbackMode mode, Duration delay) {
		this.callbackPlan = new CallbackPlan(mode, delay);
	}

	public void setCallbackMode(CallbackMode mode) {
		setCallbackMode(mode, Duration.ZERO);
	}

	public CallbackMode callbackMode() {
		return callbackPlan.mode();
	}

	CallbackPlan callbackPlan() {
		return callbackPlan;
	}

	/** Every transaction as it stands now (a pending checkout past its expiry shows as EXPIRED), oldest first. */
	public List<Transaction> transactions() {
		return ledger.all();
	}

	public Optional<Transaction> transaction(String merchantOrderId) {
		return ledger.byMerchantOrder(merchantOrderId);
	}

	/**
	 * A successful payment the platform took with no checkout of the merchant's behind it, paid now:
	 * it shows in the status query and the settlement, and no callback is sent.
	 */
	public Transaction recordForeignPayment(String merchantOrderId, long amount) {
		return recordForeignPayment(merchantOrderId, amount, settings.clock().instant());
	}

	public Transaction recordForeignPayment(String merchantOrderId, long amount, Instant paidAt) {
		if (!NewCheckout.MERCHANT_ORDER_ID.matcher(merchantOrderId).matches()) {
			throw new IllegalArgumentException("merchantOrderId must be 1 to 64 of A-Z a-z 0-9 . _ ~ : -");
		}
		try {
			return ledger.recordForeignPayment(merchantOrderId, amount, paidAt);
		}
		catch (RequestRefused ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	/** Stops listening and sending, and closes the data file; safe to call more than once. */
	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		stop();
		callbacks.close();
		requestThreads.shutdownNow();
		ledger.close();
	}

	/** Bound to the port, not yet taking requests. */
	private HttpServer bind(int port) throws IOException {
		HttpServer listener = HttpServer.create(new InetSocketAddress(settings.bindAddress(), port), 0);
		listener.setExecutor(requestThreads);
		listener.createContext("/", new SandboxRoutes(this, ledger, callbacks));
		return listener;
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while listening again", ex);
		}
	}
}
