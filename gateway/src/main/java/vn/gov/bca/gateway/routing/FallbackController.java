package vn.gov.bca.gateway.routing;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import vn.gov.bca.gateway.edge.BodyTooLargeException;
import vn.gov.bca.platform.web.context.RequestContextLogging;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.error.Problems;

/**
 * Where a route's circuit breaker sends a request the service could not answer (down, too slow,
 * circuit open, 502/503/504): a 503 problem naming the service, at once rather than a hang.
 */
@RestController
class FallbackController {

	private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

	private final Problems problems;

	FallbackController(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/fallback/{service}")
	Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (BodyTooLargeException.isCauseOf(cause)) {
			// The client's body, not the service: 413, and the breaker did not count it.
			return this.problems.write(exchange, ProblemType.PAYLOAD_TOO_LARGE, "payload-too-large", new Object[0],
					Map.of());
		}
		// Logged once, here, with the request id: the service's own log says why it answered 503.
		RequestContextLogging.withRequestIds(exchange, () -> log.warn("503 for {}: {} unavailable: {}",
				exchange.getRequest().getPath(), service, describe(cause)));
		exchange.getResponse().getHeaders().set("Retry-After", "5");
		return this.problems.write(exchange, ProblemType.SERVICE_UNAVAILABLE, "dependency-unavailable",
				new Object[] { service }, Map.of("service", service));
	}

	private static String describe(Throwable cause) {
		if (cause == null) {
			return "no cause recorded";
		}
		StringBuilder text = new StringBuilder(cause.toString());
		for (Throwable next = cause.getCause(); next != null; next = (next.getCause() == next) ? null : next.getCause()) {
			text.append(" <- ").append(next);
		}
		return text.toString();
	}

}
