package vn.gov.bca.platform.web.context;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

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
