package vn.gov.bca.paymentsandbox;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON the platform speaks: what it answers, what it sends in callbacks and what its journal
 * holds. Written from maps so that each document's fields and their order are visible in one place;
 * times are ISO-8601 instants, an absent value is {@code null}.
 */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/** The body as a JSON object, or a 400. */
	static JsonNode readObject(byte[] body) {
		JsonNode node;
		try {
			node = MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw RequestRefused.badRequest("the body is not valid JSON");
		}
		if (node == null || !node.isObject()) {
			throw RequestRefused.badRequest("the body must be a JSON object");
		}
		return node;
	}

	static Map<String, Object> error(String message) {
		return Map.of("error", message);
	}

	/** The answer of {@code POST /api/v1/checkouts}. */
	static Map<String, Object> checkout(Transaction transaction, String publicUrl) {
		Map<String, Object> json = new LinkedHashMap<>();
		String checkoutId = transaction.checkoutId().orElseThrow();
		json.put("checkoutId", checkoutId);
		json.put("checkoutUrl", publicUrl + "/checkout/" + checkoutId);
		json.put("expiresAt", text(transaction.expiresAt()));
		return json;
	}

	/** The answer of {@code GET /api/v1/transactions/{merchantOrderId}}. */
	static Map<String, Object> status(Transaction transaction) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("merchantOrderId", transaction.merchantOrderId());
		json.put("checkoutId", transaction.checkoutId().orElse(null));
		json.put("transactionId", transaction.transactionId().orElse(null));
		json.put("amount", transaction.amount());
		json.put("status", transaction.status().name());
		json.put("paidAt", text(transaction.paidAt()));
		return json;
	}

	/** One line of a settlement. */
	static Map<String, Object> settled(Transaction transaction) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("merchantOrderId", transaction.merchantOrderId());
		json.put("transactionId", transaction.transactionId().orElse(null));
		json.put("amount", transaction.amount());
		json.put("paidAt", text(transaction.paidAt()));
		return json;
	}

	/** What the merchant's callback URL receives; {@code amount} is a parameter so that it can be tampered with. */
	static Map<String, Object> callback(String merchantId, Transaction transaction, long amount) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("merchantId", merchantId);
		json.put("merchantOrderId", transaction.merchantOrderId());
		json.put("transactionId", transaction.transactionId().orElse(null));
		json.put("amount", amount);
		json.put("status", transaction.status().name());
		json.put("paidAt", text(transaction.paidAt()));
		return json;
	}

	/** A transaction in full, as one journal line. */
	static Map<String, Object> journal(Transaction transaction) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("merchantOrderId", transaction.merchantOrderId());
		json.put("checkoutId", transaction.checkoutId().orElse(null));
		json.put("amount", transaction.amount());
		json.put("description", transaction.description());
		json.put("returnUrl", transaction.returnUrl().orElse(null));
		json.put("callbackUrl", transaction.callbackUrl().orElse(null));
		json.put("status", transaction.status().name());
		json.put("createdAt", transaction.createdAt().toString());
		json.put("expiresAt", text(transaction.expiresAt()));
		json.put("transactionId", transaction.transactionId().orElse(null));
		json.put("paidAt", text(transaction.paidAt()));
		json.put("completedAt", text(transaction.completedAt()));
		return json;
	}

	static Transaction fromJournal(String line) {
		JsonNode node = MAPPER.readTree(line);
		return new Transaction(node.get("merchantOrderId").stringValue(), optionalText(node, "checkoutId"),
				node.get("amount").longValue(), node.get("description").stringValue(), optionalText(node, "returnUrl"),
				optionalText(node, "callbackUrl"), TransactionStatus.valueOf(node.get("status").stringValue()),
				Instant.parse(node.get("createdAt").stringValue()), optionalInstant(node, "expiresAt"),
				optionalText(node, "transactionId"), optionalInstant(node, "paidAt"),
				optionalInstant(node, "completedAt"));
	}

	/** An optional string field: absent or null is empty, anything but a string is a 400. */
	static Optional<String> optionalText(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (!value.isString()) {
			throw RequestRefused.badRequest(field + " must be a string");
		}
		return Optional.of(value.stringValue());
	}

	static Optional<Instant> optionalInstant(JsonNode node, String field) {
		try {
			return optionalText(node, field).map(Instant::parse);
		}
		catch (DateTimeParseException ex) {
			throw RequestRefused.badRequest(field + " must be an ISO-8601 instant such as 2026-01-15T03:00:00Z");
		}
	}

	private static String text(Optional<Instant> instant) {
		return instant.map(Instant::toString).orElse(null);
	}
}
