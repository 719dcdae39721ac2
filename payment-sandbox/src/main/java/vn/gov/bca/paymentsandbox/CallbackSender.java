package vn.gov.bca.paymentsandbox;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells the merchant's callback URL about an outcome, away from the citizen's request, and the way
 * the current {@link CallbackMode} says: a merchant that answers anything but 2xx, or cannot be
 * reached, is tried again after each wait of {@link Settings#callbackRetryBackoff()}, then given up on
 * (as the real platform does; the merchant then has the status query and the settlement).
 */
final class CallbackSender implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(CallbackSender.class.getName());

	/** When the third delivery of {@link CallbackMode#DUPLICATE} leaves. */
	static final Duration DUPLICATE_AGAIN_AFTER = Duration.ofSeconds(1);

	private static final long TAMPERED_AMOUNT_INCREASE = 1000;

	private final Settings settings;
	private final ScheduledExecutorService scheduler;
	private final HttpClient http;

	CallbackSender(Settings settings) {
		this.settings = settings;
		AtomicInteger threads = new AtomicInteger();
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4, runnable -> {
			Thread thread = new Thread(runnable, "sandbox-callback-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		this.scheduler = executor;
		// HTTP/1.1: an h2c upgrade offer would only confuse some merchants' servers.
		this.http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(settings.callbackTimeout())
				.build();
	}

	/** Schedules the deliveries of {@code transaction}'s outcome under {@code plan}; returns at once. */
	void send(Transaction transaction, CallbackPlan plan) {
		if (transaction.callbackUrl().isEmpty()) {
			return;
		}
		URI url = URI.create(transaction.callbackUrl().get());
		long amount = transaction.amount();
		String secret = settings.secret();
		switch (plan.mode()) {
			case TAMPERED_AMOUNT -> amount += TAMPERED_AMOUNT_INCREASE;
			// Another key entirely: whatever the merchant's secret is, this one differs from it.
			case BAD_SIGNATURE -> secret = settings.secret() + "#not-the-merchant-secret";
			default -> {
			}
		}
		Delivery delivery = new Delivery(url, Json.write(Json.callback(settings.merchantId(), transaction, amount)),
				secret, transaction.merchantOrderId(), plan.mode());
		switch (plan.mode()) {
			case MISSING -> LOG.log(Level.INFO, "Callback for {0} withheld (mode MISSING)", delivery.merchantOrderId());
			case LATE -> schedule(delivery, 1, plan.delay());
			case DUPLICATE -> {
				schedule(delivery, 1, Duration.ZERO);
				schedule(delivery, 1, Duration.ZERO);
				schedule(delivery, 1, DUPLICATE_AGAIN_AFTER);
			}
			default -> schedule(delivery, 1, Duration.ZERO);
		}
	}

	/** One callback body, to be delivered to one URL, signed with {@code secret}. */
	private record Delivery(URI url, String body, String secret, String merchantOrderId, CallbackMode mode) {
	}

	private void schedule(Delivery delivery, int attempt, Duration delay) {
		try {
			scheduler.schedule(() -> attempt(delivery, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the sandbox is closing
		}
	}

	private void attempt(Delivery delivery, int attempt) {
		HttpRequest.Builder request = HttpRequest.newBuilder(delivery.url())
				.timeout(settings.callbackTimeout())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(delivery.body()));
		// Signed at each attempt: a retry four seconds later must still be inside the merchant's window.
		Map<String, String> headers = Signatures.headers(settings.merchantId(), delivery.secret(),
				settings.clock().instant(), delivery.body());
		headers.forEach(request::header);
		String outcome;
		boolean accepted;
		try {
			HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			accepted = response.statusCode() / 100 == 2;
			outcome = "answered " + response.statusCode();
		}
		catch (IOException ex) {
			accepted = false;
			outcome = "failed: " + ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		String report = "Callback for " + delivery.merchantOrderId() + " to " + delivery.url() + " (mode "
				+ delivery.mode() + ", attempt " + attempt + ") " + outcome;
		if (accepted) {
			LOG.log(Level.INFO, report);
			return;
		}
		int retry = attempt - 1;
		if (retry < settings.callbackRetryBackoff().size()) {
			Duration wait = settings.callbackRetryBackoff().get(retry);
			LOG.log(Level.WARNING, report + "; retrying in " + wait.toMillis() + " ms");
			schedule(delivery, attempt + 1, wait);
		}
		else {
			LOG.log(Level.WARNING, report + "; giving up");
		}
	}

	@Override
	public void close() {
		scheduler.shutdownNow();
	}
}
