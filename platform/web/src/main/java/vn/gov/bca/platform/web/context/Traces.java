package vn.gov.bca.platform.web.context;

import java.util.Map;
import java.util.Optional;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import reactor.util.context.ContextView;

/**
 * The span of the work under way, as Micrometer Tracing started it: the HTTP server span of a
 * request, the Kafka consumer span of an event. Read from the observation that WebFlux and Spring
 * Kafka put in the exchange and in the Reactor context, so that a request's id, its log lines and
 * the events it causes carry the trace that Zipkin shows.
 */
public final class Traces {

	private Traces() {
	}

	/** The span of the observation current in a Reactor context, if tracing runs. */
	public static Optional<TraceContext> current(ContextView context) {
		Object observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		return (observation instanceof Observation current) ? spanOf(current.getContextView()) : Optional.empty();
	}

	/** The HTTP server span of an exchange, from its attributes, if tracing runs. */
	public static Optional<TraceContext> ofExchange(Map<String, Object> attributes) {
		return ServerRequestObservationContext.findCurrent(attributes).flatMap(Traces::spanOf);
	}

	/** The W3C {@code traceparent} naming a span as the parent of the next hop. */
	public static String traceparent(TraceContext span) {
		return "00-" + span.traceId() + "-" + span.spanId() + "-" + (Boolean.TRUE.equals(span.sampled()) ? "01" : "00");
	}

	private static Optional<TraceContext> spanOf(Observation.ContextView observation) {
		TracingObservationHandler.TracingContext tracing = observation
			.get(TracingObservationHandler.TracingContext.class);
		Span span = (tracing != null) ? tracing.getSpan() : null;
		// An unsampled span (Brave's no-op) still has the ids that are propagated and logged.
		return (span != null) ? Optional.of(span.context()) : Optional.empty();
	}

}
