package vn.gov.bca.platform.web.context;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.tracing.TraceContext;

import org.springframework.web.server.ServerWebExchange;
import reactor.util.context.ContextView;

/**
 * The request id and W3C trace context of one request, carried from the gateway to a service,
 * into the Kafka headers of the events it causes, and into the consumer that handles them. Where
 * Micrometer Tracing runs (every service), the trace and span are its own ({@link Traces}); the
 * ids made here stand in only where nothing traces.
 * Held in the Reactor context (and copied to the logging MDC) under {@link #KEY}.
 *
 * @param requestId the {@code X-Request-Id} (generated at the edge when the client sent none)
 * @param traceId the 32-hex W3C trace id shared by every hop of the request
 * @param spanId the 16-hex id of this hop, the parent of the next one
 */
public record RequestContext(String requestId, String traceId, String spanId) {

	public static final String KEY = RequestContext.class.getName();

	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	public static final String TRACEPARENT_HEADER = "traceparent";

	public static final String MDC_REQUEST_ID = "requestId";

	public static final String MDC_TRACE_ID = "traceId";

	private static final Pattern VALID_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

	private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Continues the caller's context: keeps a well-formed request id and trace id, starts a new
	 * span. Anything malformed is replaced rather than trusted.
	 */
	public static RequestContext continueFrom(String requestId, String traceparent) {
		String id = validRequestId(requestId);
		String traceId = null;
		if (traceparent != null) {
			var matcher = TRACEPARENT.matcher(traceparent.trim());
			if (matcher.matches() && !matcher.group(1).equals("0".repeat(32))) {
				traceId = matcher.group(1);
			}
		}
		return new RequestContext(id, (traceId != null) ? traceId : randomHex(16), randomHex(8));
	}

	/**
	 * The context of a request that Micrometer Tracing follows: a well-formed request id of the
	 * caller's is kept, the trace and span are the tracer's (the server or consumer span).
	 */
	public static RequestContext ofSpan(String requestId, TraceContext span) {
		return new RequestContext(validRequestId(requestId), span.traceId(), span.spanId());
	}

	/** A new span of the same trace, for the next hop (a service call or a published event). */
	public RequestContext nextHop() {
		return new RequestContext(this.requestId, this.traceId, randomHex(8));
	}

	public String traceparent() {
		return "00-" + this.traceId + "-" + this.spanId + "-01";
	}

	public static Optional<RequestContext> from(ContextView context) {
		return context.getOrEmpty(KEY);
	}

	public static String requestId(ServerWebExchange exchange) {
		RequestContext context = exchange.getAttribute(KEY);
		return (context != null) ? context.requestId() : null;
	}

	private static String validRequestId(String requestId) {
		return (requestId != null && VALID_REQUEST_ID.matcher(requestId).matches()) ? requestId
				: UUID.randomUUID().toString();
	}

	private static String randomHex(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}

}
