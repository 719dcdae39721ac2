package vn.gov.bca.nationalportalsandbox;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every path the sandbox answers. The integration API ({@code /api/auth}, {@code /api/service}) as
 * the portal's; its own controls ({@code /sandbox/...}) and the page ({@code /}) unauthenticated, as
 * on a test platform anyone on the developer's machine may steer it.
 */
final class Routes implements HttpHandler {

	private static final System.Logger LOG = System.getLogger(Routes.class.getName());

	/** A batch of dossiers; more is refused with 413 rather than read. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final String DOSSIERS = "/sandbox/dossiers/";

	private final NationalPortalSandbox sandbox;

	private final Operations operations;

	Routes(NationalPortalSandbox sandbox, Operations operations) {
		this.sandbox = sandbox;
		this.operations = operations;
	}

	@Override
	public void handle(HttpExchange exchange) {
		try {
			route(exchange);
		}
		catch (IOException ex) {
			LOG.log(Level.DEBUG, "Exchange failed", ex);
		}
		catch (RuntimeException ex) {
			LOG.log(Level.ERROR, "Failed to answer " + exchange.getRequestMethod() + " " + exchange.getRequestURI(), ex);
			tryRespond(exchange, 500, Json.MAPPER.createObjectNode().put("error", "internal error"));
		}
		finally {
			exchange.close();
		}
	}

	private void route(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		if (path.equals("/api/auth") || path.equals("/api/service")) {
			if (!method.equals("POST")) {
				respond(exchange, 405, error("use POST"));
				return;
			}
			integration(exchange, path.equals("/api/auth"));
		}
		else if (path.equals("/sandbox/health")) {
			respond(exchange, 200, Json.MAPPER.createObjectNode().put("status", "UP"));
		}
		else if (path.equals("/sandbox/mode")) {
			mode(exchange, method);
		}
		else if (path.equals("/sandbox/sessions/expire") && method.equals("POST")) {
			respond(exchange, 200, Json.MAPPER.createObjectNode().put("expired", this.sandbox.sessions().expireAll()));
		}
		else if (path.equals("/sandbox/stats") && method.equals("GET")) {
			respond(exchange, 200, Json.MAPPER.createObjectNode()
				.put("accepted", this.operations.accepted())
				.put("refused", this.operations.refused())
				.put("dossiers", this.sandbox.holdings().dossiers().size()));
		}
		else if (path.equals("/sandbox/dossiers") && method.equals("GET")) {
			ArrayNode all = Json.MAPPER.createArrayNode();
			this.sandbox.holdings().dossiers().forEach((entry) -> all.add(Operations.view(entry.getValue())));
			respond(exchange, 200, all);
		}
		else if (path.startsWith(DOSSIERS) && path.endsWith("/status") && method.equals("POST")) {
			String code = path.substring(DOSSIERS.length(), path.length() - "/status".length());
			ObjectNode body = Json.readObject(body(exchange));
			String status = (body == null) ? "" : body.path("TrangThaiHoSo").asString("");
			respond(exchange, this.operations.overrideStatus(code, status) ? 200 : 404,
					Json.MAPPER.createObjectNode().put("MaHoSo", code).put("TrangThaiHoSo", status));
		}
		else if (path.startsWith(DOSSIERS) && path.endsWith("/refusal") && method.equals("POST")) {
			String code = path.substring(DOSSIERS.length(), path.length() - "/refusal".length());
			ObjectNode body = Json.readObject(body(exchange));
			boolean refuse = body != null && body.path("refuse").asBoolean(false);
			this.operations.refuse(code, refuse);
			respond(exchange, 200, Json.MAPPER.createObjectNode().put("MaHoSo", code).put("refuse", refuse));
		}
		else if (path.startsWith(DOSSIERS) && method.equals("GET")) {
			String code = path.substring(DOSSIERS.length());
			var held = this.sandbox.holdings().dossier(code);
			if (held.isPresent()) {
				respond(exchange, 200, Operations.view(held.get()));
			}
			else {
				respond(exchange, 404, error("no dossier " + code));
			}
		}
		else if (path.equals("/sandbox/procedures") && method.equals("GET")) {
			ArrayNode all = Json.MAPPER.createArrayNode();
			this.sandbox.holdings().procedures().forEach(all::add);
			respond(exchange, 200, all);
		}
		else if (path.equals("/") && method.equals("GET")) {
			byte[] page = Page.render(this.sandbox.holdings(), this.sandbox.mode()).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
		}
		else {
			respond(exchange, 404, error("no such path"));
		}
	}

	/** The portal's API, as the mode lets it answer. */
	private void integration(HttpExchange exchange, boolean signIn) throws IOException {
		NationalPortalSandbox.Behaviour behaviour = this.sandbox.behaviour();
		if (behaviour.mode() == Mode.DOWN) {
			respond(exchange, 503, error("Cổng dịch vụ công quốc gia đang bảo trì"));
			return;
		}
		if (behaviour.mode() == Mode.SLOW) {
			pause(behaviour.delay());
		}
		byte[] bytes = body(exchange);
		if (bytes == null) {
			respond(exchange, 413, error("body over " + MAX_BODY_BYTES + " bytes"));
			return;
		}
		ObjectNode request = Json.readObject(bytes);
		if (request == null) {
			respond(exchange, 400, error("the body must be a JSON object"));
			return;
		}
		if (behaviour.mode() == Mode.ERROR) {
			respond(exchange, 200, Json.answer(Protocol.SYSTEM_ERROR, "Lỗi hệ thống, vui lòng thử lại sau", null));
			return;
		}
		respond(exchange, 200, signIn ? this.operations.signIn(request) : this.operations.call(request));
	}

	/** {@code GET}: the mode; {@code POST {mode, delayMillis}}: sets it. */
	private void mode(HttpExchange exchange, String method) throws IOException {
		if (method.equals("POST")) {
			ObjectNode body = Json.readObject(body(exchange));
			Mode mode;
			try {
				mode = Mode.valueOf(body.path("mode").asString(""));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				respond(exchange, 400, error("mode: one of NORMAL, DOWN, SLOW, ERROR"));
				return;
			}
			long delay = body.path("delayMillis").asLong(0);
			if (delay < 0 || delay > 60_000) {
				respond(exchange, 400, error("delayMillis: 0 to 60000"));
				return;
			}
			this.sandbox.setMode(mode, Duration.ofMillis(delay));
		}
		NationalPortalSandbox.Behaviour behaviour = this.sandbox.behaviour();
		respond(exchange, 200, Json.MAPPER.createObjectNode()
			.put("mode", behaviour.mode().name())
			.put("delayMillis", behaviour.delay().toMillis()));
	}

	/** The body, or null when it is longer than {@link #MAX_BODY_BYTES}. */
	private static byte[] body(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
			return (bytes.length > MAX_BODY_BYTES) ? null : bytes;
		}
	}

	private static void pause(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ObjectNode error(String message) {
		return Json.MAPPER.createObjectNode().put("error", message);
	}

	private static void respond(HttpExchange exchange, int status, tools.jackson.databind.JsonNode body)
			throws IOException {
		byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static void tryRespond(HttpExchange exchange, int status, tools.jackson.databind.JsonNode body) {
		try {
			respond(exchange, status, body);
		}
		catch (IOException | RuntimeException ex) {
			LOG.log(Level.DEBUG, "Could not answer", ex);
		}
	}

}
