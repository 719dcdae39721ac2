package vn.gov.bca.paymentsandbox;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tools.jackson.databind.JsonNode;

/**
 * Every path the sandbox answers. The merchant API ({@code /api/v1/...}) is signed; the citizen's
 * pages ({@code /checkout/...}) and the sandbox's own controls ({@code /sandbox/...}) are not, as on
 * a test platform anyone on the developer's machine may steer it.
 */
final class SandboxRoutes implements HttpHandler {

	private static final System.Logger LOG = System.getLogger(SandboxRoutes.class.getName());

	private static final int MAX_BODY_BYTES = 64 * 1024;
	private static final String CHECKOUTS = "/api/v1/checkouts";
	private static final String TRANSACTIONS = "/api/v1/transactions/";
	private static final String SETTLEMENTS = "/api/v1/settlements";
	private static final String CHECKOUT_PAGE = "/checkout/";

	private final PaymentSandbox sandbox;
	private final Ledger ledger;
	private final CallbackSender callbacks;

	SandboxRoutes(PaymentSandbox sandbox, Ledger ledger, CallbackSender callbacks) {
		this.sandbox = sandbox;
		this.ledger = ledger;
		this.callbacks = callbacks;
	}

	@Override
	public void handle(HttpExchange exchange) {
		try {
			route(exchange);
		}
		catch (RequestRefused ex) {
			tryRespondJson(exchange, ex.status(), Json.error(ex.getMessage()));
		}
		catch (IOException ex) {
			// the client went away; nothing to answer
			LOG.log(Level.DEBUG, "Exchange failed", ex);
		}
		catch (RuntimeException ex) {
			LOG.log(Level.ERROR, "Failed to answer " + exchange.getRequestMethod() + " " + exchange.getRequestURI(), ex);
			tryRespondJson(exchange, 500, Json.error("internal error"));
		}
		finally {
			exchange.close();
		}
	}

	private void route(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		if (path.equals(CHECKOUTS)) {
			requireMethod(method, "POST");
			createCheckout(exchange);
		}
		else if (path.startsWith(TRANSACTIONS) && isSegment(path.substring(TRANSACTIONS.length()))) {
			requireMethod(method, "GET");
			transactionStatus(exchange, path.substring(TRANSACTIONS.length()));
		}
		else if (path.equals(SETTLEMENTS)) {
			requireMethod(method, "GET");
			settlements(exchange);
		}
		else if (path.startsWith(CHECKOUT_PAGE) && isSegment(path.substring(CHECKOUT_PAGE.length()))) {
			String checkoutId = path.substring(CHECKOUT_PAGE.length());
			if (method.equals("GET")) {
				checkoutPage(exchange, checkoutId);
			}
			else {
				requireMethod(method, "POST");
				submitCheckout(exchange, checkoutId);
			}
		}
		else if (path.equals("/sandbox/health")) {
			requireMethod(method, "GET");
			respondJson(exchange, 200, Map.of("status", "UP"));
		}
		else if (path.equals("/sandbox/control")) {
			if (method.equals("POST")) {
				control(exchange);
			}
			else {
				requireMethod(method, "GET");
				respondJson(exchange, 200, controlState());
			}
		}
		else if (path.equals("/sandbox/settlements")) {
			requireMethod(method, "POST");
			foreignPayment(exchange);
		}
		else {
			throw new RequestRefused(404, "no such resource");
		}
	}

	/** {@code POST /api/v1/checkouts}: 201 with a new checkout, 200 with the same order's checkout again. */
	private void createCheckout(HttpExchange exchange) throws IOException {
		byte[] body = signedBody(exchange);
		NewCheckout request = NewCheckout.from(Json.readObject(body));
		Ledger.Opened opened = ledger.open(request);
		if (opened.created()) {
			LOG.log(Level.INFO, "Checkout {0} opened for {1}, {2} VND", opened.transaction().checkoutId().orElseThrow(),
					request.merchantOrderId(), Long.toString(request.amount()));
		}
		respondJson(exchange, opened.created() ? 201 : 200, Json.checkout(opened.transaction(), sandbox.url()));
	}

	private void transactionStatus(HttpExchange exchange, String merchantOrderId) throws IOException {
		signedBody(exchange);
		Transaction transaction = ledger.byMerchantOrder(merchantOrderId)
				.orElseThrow(() -> new RequestRefused(404, "no transaction for merchantOrderId " + merchantOrderId));
		respondJson(exchange, 200, Json.status(transaction));
	}

	private void settlements(HttpExchange exchange) throws IOException {
		signedBody(exchange);
		String date = query(exchange).get("date");
		if (date == null) {
			throw RequestRefused.badRequest("date is required, as YYYY-MM-DD");
		}
		LocalDate day;
		try {
			day = LocalDate.parse(date);
		}
		catch (DateTimeParseException ex) {
			throw RequestRefused.badRequest("date must be YYYY-MM-DD");
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("date", day.toString());
		json.put("transactions", ledger.settledOn(day).stream().map(Json::settled).toList());
		respondJson(exchange, 200, json);
	}

	private void checkoutPage(HttpExchange exchange, String checkoutId) throws IOException {
		Optional<Transaction> found = ledger.byCheckout(checkoutId);
		if (found.isEmpty()) {
			respondHtml(exchange, 404, CheckoutPages.notFound());
			return;
		}
		Transaction transaction = found.get();
		respondHtml(exchange, 200, transaction.status() == TransactionStatus.PENDING
				? CheckoutPages.checkout(transaction, sandbox.merchantId())
				: CheckoutPages.closed(transaction, sandbox.merchantId()));
	}

	/**
	 * The citizen's choice. Recorded once; a second submission (a double click, the back button)
	 * changes nothing and sends no callback, but the browser is sent back to the merchant all the same.
	 */
	private void submitCheckout(HttpExchange exchange, String checkoutId) throws IOException {
		String action = form(readBody(exchange)).getOrDefault("action", "");
		Optional<CheckoutAction> chosen = CheckoutAction.fromForm(action);
		if (chosen.isEmpty()) {
			respondHtml(exchange, 400, CheckoutPages.badRequest("action must be pay, fail or cancel"));
			return;
		}
		Optional<Ledger.Completed> completed = ledger.complete(checkoutId, chosen.get());
		if (completed.isEmpty()) {
			respondHtml(exchange, 404, CheckoutPages.notFound());
			return;
		}
		Transaction transaction = completed.get().transaction();
		if (completed.get().recorded()) {
			LOG.log(Level.INFO, "Checkout {0} for {1}: {2} {3}", checkoutId, transaction.merchantOrderId(),
					transaction.status(), transaction.transactionId().orElse(""));
			callbacks.send(transaction, sandbox.callbackPlan());
		}
		if (transaction.returnUrl().isPresent()) {
			String returnUrl = transaction.returnUrl().get();
			exchange.getResponseHeaders().set("Location", returnUrl + (returnUrl.contains("?") ? "&" : "?")
					+ "merchantOrderId=" + encode(transaction.merchantOrderId()) + "&status=" + transaction.status());
			exchange.getResponseHeaders().set("Cache-Control", "no-store");
			exchange.sendResponseHeaders(303, -1);
		}
		else {
			respondHtml(exchange, 200, CheckoutPages.closed(transaction, sandbox.merchantId()));
		}
	}

	/** {@code POST /sandbox/control {"callbackMode": "LATE", "delaySeconds": 30}}. */
	private void control(HttpExchange exchange) throws IOException {
		JsonNode body = Json.readObject(readBody(exchange));
		String mode = Json.optionalText(body, "callbackMode")
				.orElseThrow(() -> RequestRefused.badRequest("callbackMode is required"));
		CallbackMode callbackMode;
		try {
			callbackMode = CallbackMode.valueOf(mode);
		}
		catch (IllegalArgumentException ex) {
			throw RequestRefused.badRequest("callbackMode must be one of " + List.of(CallbackMode.values()));
		}
		JsonNode delay = body.get("delaySeconds");
		long seconds = 0;
		if (delay != null && !delay.isNull()) {
			if (!delay.isIntegralNumber() || !delay.canConvertToLong() || delay.longValue() < 0) {
				throw RequestRefused.badRequest("delaySeconds must be a whole number of seconds, 0 or more");
			}
			seconds = delay.longValue();
		}
		sandbox.setCallbackMode(callbackMode, Duration.ofSeconds(seconds));
		respondJson(exchange, 200, controlState());
	}

	private Map<String, Object> controlState() {
		CallbackPlan plan = sandbox.callbackPlan();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("callbackMode", plan.mode().name());
		json.put("delaySeconds", plan.delay().toSeconds());
		return json;
	}

	/** {@code POST /sandbox/settlements {"merchantOrderId", "amount", "paidAt"?}}: paid there, unknown here. */
	private void foreignPayment(HttpExchange exchange) throws IOException {
		JsonNode body = Json.readObject(readBody(exchange));
		String merchantOrderId = NewCheckout.merchantOrderId(body);
		long amount = NewCheckout.amount(body);
		Instant paidAt = Json.optionalInstant(body, "paidAt").orElseGet(() -> sandbox.settings().clock().instant());
		Transaction paid = ledger.recordForeignPayment(merchantOrderId, amount, paidAt);
		respondJson(exchange, 201, Json.status(paid));
	}

	/** The body of a signed merchant request, or a 401. */
	private byte[] signedBody(HttpExchange exchange) throws IOException {
		byte[] body = readBody(exchange);
		Optional<String> refusal = Signatures.refusal(sandbox.merchantId(), sandbox.settings().secret(),
				sandbox.settings().clock().instant(), exchange.getRequestHeaders().getFirst(Signatures.MERCHANT_ID_HEADER),
				exchange.getRequestHeaders().getFirst(Signatures.TIMESTAMP_HEADER),
				exchange.getRequestHeaders().getFirst(Signatures.SIGNATURE_HEADER), body);
		if (refusal.isPresent()) {
			throw new RequestRefused(401, refusal.get());
		}
		return body;
	}

	private static byte[] readBody(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
			if (body.length > MAX_BODY_BYTES) {
				throw new RequestRefused(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
			}
			return body;
		}
	}

	private static void requireMethod(String method, String allowed) {
		if (!method.equals(allowed)) {
			throw new RequestRefused(405, "method " + method + " not allowed here; use " + allowed);
		}
	}

	private static boolean isSegment(String rest) {
		return !rest.isEmpty() && !rest.contains("/");
	}

	private static Map<String, String> query(HttpExchange exchange) {
		String query = exchange.getRequestURI().getRawQuery();
		return query == null ? Map.of() : form(query.getBytes(StandardCharsets.UTF_8));
	}

	/** {@code application/x-www-form-urlencoded}; the first value of a repeated name wins. */
	private static Map<String, String> form(byte[] body) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode(equals < 0 ? pair : pair.substring(0, equals));
			String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
			values.putIfAbsent(name, value);
		}
		return values;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw RequestRefused.badRequest("malformed form or query string");
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** Unless an answer has already begun, in which case the client sees the connection end. */
	private static void tryRespondJson(HttpExchange exchange, int status, Object json) {
		if (exchange.getResponseCode() != -1) {
			return;
		}
		try {
			respondJson(exchange, status, json);
		}
		catch (IOException ex) {
			LOG.log(Level.DEBUG, "Could not answer " + status, ex);
		}
	}

	private static void respondJson(HttpExchange exchange, int status, Object json) throws IOException {
		respond(exchange, status, "application/json; charset=utf-8", Json.write(json));
	}

	private static void respondHtml(HttpExchange exchange, int status, String html) throws IOException {
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		respond(exchange, status, "text/html; charset=utf-8", html);
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}
}
