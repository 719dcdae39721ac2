package vn.gov.bca.platform.data.config;

import com.mongodb.RequestContext;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.data.mongodb.observability.MongoHandlerContext;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;

/**
 * A span per MongoDB command (Spring Data MongoDB's {@link MongoObservationCommandListener}), but
 * only inside a trace that is kept: the command's parent is the request's or consumer's
 * observation, handed to the driver in its request context, and its span is sampled. Every other
 * command (nine requests in ten at the default sampling, and the background work that has no
 * parent: outbox sweeps, counts, consumers' polls) costs no observation, timer or span; the
 * listener made them all, on the driver's threads (seen in issue 18's profile of passport-service).
 * Command timings for every command remain in the driver's own {@code mongodb.driver.commands}.
 *
 * <p>A command whose start was skipped finds the parent's observation in the request context:
 * only an observation this listener started (a {@link MongoHandlerContext}) is handed on to be
 * stopped, so the request's own is never stopped here.
 */
final class SampledMongoCommandSpans implements CommandListener {

	/** Where Spring Data MongoDB's context provider puts the Reactor context's observation. */
	private static final String OBSERVATION = "micrometer.observation";

	private final MongoObservationCommandListener spans;

	SampledMongoCommandSpans(ObservationRegistry registry) {
		this.spans = new MongoObservationCommandListener(registry);
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if (inKeptTrace(event.getRequestContext())) {
			this.spans.commandStarted(event);
		}
	}

	@Override
	public void commandSucceeded(CommandSucceededEvent event) {
		if (started(event.getRequestContext())) {
			this.spans.commandSucceeded(event);
		}
	}

	@Override
	public void commandFailed(CommandFailedEvent event) {
		if (started(event.getRequestContext())) {
			this.spans.commandFailed(event);
		}
	}

	private static boolean started(RequestContext context) {
		return context != null && context.getOrDefault(OBSERVATION, null) instanceof Observation observation
				&& observation.getContext() instanceof MongoHandlerContext;
	}

	static boolean inKeptTrace(RequestContext context) {
		if (context == null || !(context.getOrDefault(OBSERVATION, null) instanceof Observation parent)
				|| parent.isNoop()) {
			return false;
		}
		TracingObservationHandler.TracingContext tracing = parent.getContextView()
			.get(TracingObservationHandler.TracingContext.class);
		Span span = (tracing != null) ? tracing.getSpan() : null;
		return span != null && Boolean.TRUE.equals(span.context().sampled());
	}

}
