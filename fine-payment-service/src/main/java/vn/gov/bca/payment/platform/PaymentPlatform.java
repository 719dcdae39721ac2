package vn.gov.bca.payment.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * The payment platform (the national one, PayGov; the sandbox in development): where citizens pay,
 * which confirms payments by signed callbacks and answers status and settlement queries.
 */
public interface PaymentPlatform {

	/** Opens (or, for the same order and amount, returns again) the checkout of an order. */
	Mono<Checkout> openCheckout(CheckoutRequest request);

	/** What the platform knows of an order; empty if it has never seen it. */
	Mono<Transaction> transaction(String orderId);

	/** The payments the platform settled on that day (Vietnam time). */
	Mono<List<Transaction>> settlements(LocalDate day);

	/**
	 * Checks a callback's signature and freshness and reads it.
	 *
	 * @throws InvalidCallbackException when it was not signed by the platform
	 */
	Transaction verifyCallback(String merchantId, String timestamp, String signature, String body);

	record CheckoutRequest(String orderId, long amount, String description) {
	}

	record Checkout(String checkoutId, String checkoutUrl) {
	}

	/**
	 * @param status SUCCEEDED, FAILED, CANCELLED, PENDING or EXPIRED as the platform says
	 */
	record Transaction(String orderId, String transactionId, long amount, String status, Instant paidAt) {

		public boolean succeeded() {
			return "SUCCEEDED".equals(this.status);
		}

		public boolean failed() {
			return "FAILED".equals(this.status) || "CANCELLED".equals(this.status);
		}

		public boolean expired() {
			return "EXPIRED".equals(this.status);
		}

	}

	/** A callback that the platform did not sign, or that is too old to trust. */
	class InvalidCallbackException extends RuntimeException {

		public InvalidCallbackException(String message) {
			super(message);
		}

	}

}
