package vn.gov.bca.paymentsandbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One merchant order as the platform knows it: the checkout the merchant asked for and, once the
 * citizen has chosen, its outcome. Immutable: each transition returns the next state, and an
 * outcome is recorded once ({@link #isOpen} is false from then on).
 *
 * @param merchantOrderId the merchant's id of this payment attempt, unique per merchant
 * @param checkoutId empty for a payment recorded with {@link PaymentSandbox#recordForeignPayment}
 * @param amount in VND
 * @param status as stored; {@link #asOf} adds {@link TransactionStatus#EXPIRED}
 * @param expiresAt empty for a foreign payment
 * @param transactionId the platform's id, given on success only
 */
public record Transaction(
		String merchantOrderId,
		Optional<String> checkoutId,
		long amount,
		String description,
		Optional<String> returnUrl,
		Optional<String> callbackUrl,
		TransactionStatus status,
		Instant createdAt,
		Optional<Instant> expiresAt,
		Optional<String> transactionId,
		Optional<Instant> paidAt,
		Optional<Instant> completedAt) {

	public Transaction {
		Objects.requireNonNull(merchantOrderId, "merchantOrderId");
		Objects.requireNonNull(checkoutId, "checkoutId");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(returnUrl, "returnUrl");
		Objects.requireNonNull(callbackUrl, "callbackUrl");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(expiresAt, "expiresAt");
		Objects.requireNonNull(transactionId, "transactionId");
		Objects.requireNonNull(paidAt, "paidAt");
		Objects.requireNonNull(completedAt, "completedAt");
	}

	static Transaction opened(String merchantOrderId, String checkoutId, long amount, String description,
			Optional<String> returnUrl, String callbackUrl, Instant createdAt, Instant expiresAt) {
		return new Transaction(merchantOrderId, Optional.of(checkoutId), amount, description, returnUrl,
				Optional.of(callbackUrl), TransactionStatus.PENDING, createdAt, Optional.of(expiresAt), Optional.empty(),
				Optional.empty(), Optional.empty());
	}

	/** A payment the platform took through another channel: it exists there and nowhere on the merchant's side. */
	static Transaction paidElsewhere(String merchantOrderId, String transactionId, long amount, Instant paidAt) {
		return new Transaction(merchantOrderId, Optional.empty(), amount, "", Optional.empty(), Optional.empty(),
				TransactionStatus.SUCCEEDED, paidAt, Optional.empty(), Optional.of(transactionId), Optional.of(paidAt),
				Optional.of(paidAt));
	}

	/** Still waiting for the citizen's choice at {@code now}. */
	public boolean isOpen(Instant now) {
		return asOf(now).status() == TransactionStatus.PENDING;
	}

	/** This transaction as it stands at {@code now}: a pending checkout past its expiry is {@code EXPIRED}. */
	public Transaction asOf(Instant now) {
		if (status == TransactionStatus.PENDING && expiresAt.isPresent() && !now.isBefore(expiresAt.get())) {
			return with(TransactionStatus.EXPIRED, Optional.empty(), Optional.empty(), Optional.empty());
		}
		return this;
	}

	Transaction succeeded(String transactionId, Instant at) {
		requireOpen(at, "pay");
		return with(TransactionStatus.SUCCEEDED, Optional.of(transactionId), Optional.of(at), Optional.of(at));
	}

	Transaction failed(Instant at) {
		requireOpen(at, "fail");
		return with(TransactionStatus.FAILED, Optional.empty(), Optional.empty(), Optional.of(at));
	}

	Transaction cancelled(Instant at) {
		requireOpen(at, "cancel");
		return with(TransactionStatus.CANCELLED, Optional.empty(), Optional.empty(), Optional.of(at));
	}

	private void requireOpen(Instant at, String action) {
		if (!isOpen(at)) {
			throw new IllegalStateException(
					"Cannot " + action + " " + merchantOrderId + ": it is " + asOf(at).status() + " already");
		}
	}

	private Transaction with(TransactionStatus status, Optional<String> transactionId, Optional<Instant> paidAt,
			Optional<Instant> completedAt) {
		return new Transaction(merchantOrderId, checkoutId, amount, description, returnUrl, callbackUrl, status,
				createdAt, expiresAt, transactionId, paidAt, completedAt);
	}
}
