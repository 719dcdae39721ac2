package vn.gov.bca.paymentsandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every transaction the platform holds, one per merchant order id, with the journal behind it. All
 * changes go through one lock: a sandbox sees a handful of requests a second, and a single lock
 * makes "an outcome is recorded exactly once" and "same order, same checkout" plainly true.
 */
final class Ledger implements AutoCloseable {

	/** Settlement days and transaction ids follow the platform's own calendar day. */
	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
	private static final String ID_PREFIX = "SBX";

	private final Settings settings;
	private final Optional<Journal> journal;
	private final Map<String, Transaction> byOrder = new LinkedHashMap<>();
	private final Map<String, String> orderByCheckout = new HashMap<>();
	private long lastTransactionNumber;

	private Ledger(Settings settings, Optional<Journal> journal) {
		this.settings = settings;
		this.journal = journal;
	}

	/** A ledger holding what the data file holds, if there is one. */
	static Ledger open(Settings settings) {
		Ledger ledger = new Ledger(settings, settings.dataFile().map(Journal::open));
		ledger.journal.ifPresent(journal -> journal.replay().forEach(ledger::remember));
		return ledger;
	}

	/** Whether a checkout was opened now, or the same order's checkout found again. */
	record Opened(Transaction transaction, boolean created) {
	}

	/** Whether this call recorded the outcome, or found one recorded before. */
	record Completed(Transaction transaction, boolean recorded) {
	}

	/** Opens a checkout, or finds the order's checkout again when the amount is the same; 409 otherwise. */
	synchronized Opened open(NewCheckout request) {
		Instant now = now();
		Transaction existing = byOrder.get(request.merchantOrderId());
		if (existing != null) {
			if (existing.checkoutId().isEmpty()) {
				throw new RequestRefused(409, "merchantOrderId " + request.merchantOrderId()
						+ " was paid outside a checkout; use a new merchantOrderId");
			}
			if (existing.amount() != request.amount()) {
				throw new RequestRefused(409, "merchantOrderId " + request.merchantOrderId()
						+ " already has a checkout for " + existing.amount() + " VND");
			}
			return new Opened(existing.asOf(now), false);
		}
		String checkoutId = UUID.randomUUID().toString().replace("-", "");
		Transaction opened = Transaction.opened(request.merchantOrderId(), checkoutId, request.amount(),
				request.description(), request.returnUrl(), request.callbackUrl(), now,
				now.plus(settings.checkoutLifetime()));
		record(opened);
		return new Opened(opened, true);
	}

	/** Records the citizen's choice if the checkout is still open; a closed one is returned as it is. */
	synchronized Optional<Completed> complete(String checkoutId, CheckoutAction action) {
		Instant now = now();
		Optional<Transaction> found = byCheckout(checkoutId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Transaction current = found.get();
		if (!current.isOpen(now)) {
			return Optional.of(new Completed(current.asOf(now), false));
		}
		Transaction completed = switch (action) {
			case PAY -> current.succeeded(nextTransactionId(now), now);
			case FAIL -> current.failed(now);
			case CANCEL -> current.cancelled(now);
		};
		record(completed);
		return Optional.of(new Completed(completed, true));
	}

	/** A payment taken outside any checkout of ours: "paid there, not here" for reconciliation tests. */
	synchronized Transaction recordForeignPayment(String merchantOrderId, long amount, Instant paidAt) {
		if (byOrder.containsKey(merchantOrderId)) {
			throw new RequestRefused(409, "merchantOrderId " + merchantOrderId + " is already known");
		}
		if (amount <= 0) {
			throw RequestRefused.badRequest("amount must be a whole number of VND greater than 0");
		}
		Instant at = paidAt.truncatedTo(ChronoUnit.SECONDS);
		Transaction paid = Transaction.paidElsewhere(merchantOrderId, nextTransactionId(at), amount, at);
		record(paid);
		return paid;
	}

	synchronized Optional<Transaction> byCheckout(String checkoutId) {
		return Optional.ofNullable(orderByCheckout.get(checkoutId)).map(byOrder::get).map(t -> t.asOf(now()));
	}

	synchronized Optional<Transaction> byMerchantOrder(String merchantOrderId) {
		return Optional.ofNullable(byOrder.get(merchantOrderId)).map(t -> t.asOf(now()));
	}

	/** The successful payments whose {@code paidAt} falls on {@code date} in Vietnam, in the order paid. */
	synchronized List<Transaction> settledOn(LocalDate date) {
		return byOrder.values()
				.stream()
				.filter(t -> t.status() == TransactionStatus.SUCCEEDED)
				.filter(t -> t.paidAt().orElseThrow().atZone(VIETNAM).toLocalDate().equals(date))
				.sorted(Comparator.comparing((Transaction t) -> t.paidAt().orElseThrow())
						.thenComparing(t -> t.transactionId().orElseThrow()))
				.toList();
	}

	synchronized List<Transaction> all() {
		Instant now = now();
		List<Transaction> all = new ArrayList<>();
		byOrder.values().forEach(t -> all.add(t.asOf(now)));
		return List.copyOf(all);
	}

	/** The journal first: what the platform confirms must be on disk before anyone hears of it. */
	private void record(Transaction transaction) {
		journal.ifPresent(j -> j.append(transaction));
		remember(transaction);
	}

	private void remember(Transaction transaction) {
		byOrder.put(transaction.merchantOrderId(), transaction);
		transaction.checkoutId().ifPresent(id -> orderByCheckout.put(id, transaction.merchantOrderId()));
		transaction.transactionId().ifPresent(id -> lastTransactionNumber = Math.max(lastTransactionNumber, number(id)));
	}

	/** {@code SBX} + the day in Vietnam + a six-digit number that never repeats, even across restarts. */
	private String nextTransactionId(Instant at) {
		lastTransactionNumber++;
		return ID_PREFIX + ID_DATE.format(at.atZone(VIETNAM)) + String.format("%06d", lastTransactionNumber);
	}

	private static long number(String transactionId) {
		int start = ID_PREFIX.length() + 8;
		try {
			return transactionId.length() > start ? Long.parseLong(transactionId.substring(start)) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private Instant now() {
		return settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
	}

	@Override
	public synchronized void close() {
		journal.ifPresent(Journal::close);
	}
}
