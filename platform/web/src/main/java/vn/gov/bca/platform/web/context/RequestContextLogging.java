package vn.gov.bca.platform.web.context;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * Copies the request context into the logging MDC wherever Reactor runs a request's work, so
 * that every log line of a request carries its request id (Reactor's automatic context
 * propagation restores thread locals from the Reactor context on each operator). The trace and
 * span ids in the MDC are Micrometer Tracing's own, set the same way from the observation.
 */
public final class RequestContextLogging implements ThreadLocalAccessor<RequestContext> {

	private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

	private static volatile boolean registered;

	public static synchronized void register() {
		if (!registered) {
			ContextRegistry.getInstance().registerThreadLocalAccessor(new RequestContextLogging());
			registered = true;
		}
	}

	/**
	 * Runs {@code logging} with the exchange's request and trace ids in the MDC: for log lines
	 * written where Reactor does not restore them (the gateway runs with
	 * {@code spring.reactor.context-propagation=limited}; error handlers outside the request's
	 * operators).
	 */
	public static void withRequestIds(ServerWebExchange exchange, Runnable logging) {
		RequestContext context = exchange.getAttribute(RequestContext.KEY);
		try (MDC.MDCCloseable requestId = MDC.putCloseable(RequestContext.MDC_REQUEST_ID,
				(context != null) ? context.requestId() : null);
				MDC.MDCCloseable traceId = MDC.putCloseable(RequestContext.MDC_TRACE_ID,
						(context != null) ? context.traceId() : null)) {
			logging.run();
		}
	}

	@Override
	public Object key() {
		return RequestContext.KEY;
	}

	@Override
	public RequestContext getValue() {
		return CURRENT.get();
	}

	@Override
	public void setValue(RequestContext value) {
		CURRENT.set(value);
		MDC.put(RequestContext.MDC_REQUEST_ID, value.requestId());
	}

	@Override
	public void setValue() {
		CURRENT.remove();
		MDC.remove(RequestContext.MDC_REQUEST_ID);
	}

}
