package vn.gov.bca.paymentsandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A merchant's checkout request, validated: a request the platform would refuse never reaches the
 * ledger. A merchant order id names one payment attempt and travels in URL paths and query strings,
 * hence its alphabet.
 */
record NewCheckout(String merchantOrderId, long amount, String description, Optional<String> returnUrl,
		String callbackUrl) {

	static final Pattern MERCHANT_ORDER_ID = Pattern.compile("[A-Za-z0-9._~:-]{1,64}");

	static NewCheckout from(JsonNode body) {
		return new NewCheckout(merchantOrderId(body), amount(body), description(body),
				Json.optionalText(body, "returnUrl").map(url -> httpUrl("returnUrl", url)),
				httpUrl("callbackUrl", Json.optionalText(body, "callbackUrl")
						.orElseThrow(() -> RequestRefused.badRequest("callbackUrl is required"))));
	}

	static String merchantOrderId(JsonNode body) {
		String id = Json.optionalText(body, "merchantOrderId")
				.orElseThrow(() -> RequestRefused.badRequest("merchantOrderId is required"));
		if (!MERCHANT_ORDER_ID.matcher(id).matches()) {
			throw RequestRefused.badRequest("merchantOrderId must be 1 to 64 of A-Z a-z 0-9 . _ ~ : -");
		}
		return id;
	}

	/** A whole number of VND above zero; "1000" or 1000.5 are refused, not guessed at. */
	static long amount(JsonNode body) {
		JsonNode amount = body.get("amount");
		if (amount == null || amount.isNull()) {
			throw RequestRefused.badRequest("amount is required");
		}
		if (!amount.isIntegralNumber() || !amount.canConvertToLong() || amount.longValue() <= 0) {
			throw RequestRefused.badRequest("amount must be a whole number of VND greater than 0");
		}
		return amount.longValue();
	}

	private static String description(JsonNode body) {
		String description = Json.optionalText(body, "description")
				.orElseThrow(() -> RequestRefused.badRequest("description is required"));
		if (description.isBlank() || description.length() > 255) {
			throw RequestRefused.badRequest("description must be 1 to 255 characters");
		}
		return description;
	}

	private static String httpUrl(String field, String value) {
		try {
			URI uri = new URI(value);
			if (uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null) {
				return value;
			}
		}
		catch (URISyntaxException ex) {
			// refused below
		}
		throw RequestRefused.badRequest(field + " must be an absolute http or https URL");
	}
}
