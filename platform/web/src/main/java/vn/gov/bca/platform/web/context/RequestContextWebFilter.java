package vn.gov.bca.platform.web.context;

import java.util.Optional;

import io.micrometer.tracing.TraceContext;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First filter of every service and of the gateway: takes the caller's request id (or starts one)
 * and the server span that Micrometer Tracing opened for the request (continuing the caller's
 * W3C trace context), makes them the request's headers so the gateway forwards them, puts
 * them in the Reactor context for logs, outgoing calls and the outbox, and echoes the request id.
 */
public class RequestContextWebFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String requestId = request.getHeaders().getFirst(RequestContext.REQUEST_ID_HEADER);
		Optional<TraceContext> span = Traces.ofExchange(exchange.getAttributes());
		RequestContext context = span.map((server) -> RequestContext.ofSpan(requestId, server))
			.orElseGet(() -> RequestContext.continueFrom(requestId,
					request.getHeaders().getFirst(RequestContext.TRACEPARENT_HEADER)));
		ServerHttpRequest continued = request.mutate().headers((headers) -> {
			headers.set(RequestContext.REQUEST_ID_HEADER, context.requestId());
			if (span.isEmpty()) {
				// Traced, the HTTP client's instrumentation writes the traceparent of its own span.
				headers.set(RequestContext.TRACEPARENT_HEADER, context.traceparent());
			}
		}).build();
		// Set just before the response is written, replacing the copy a proxied service's answer brings.
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(RequestContext.REQUEST_ID_HEADER, context.requestId());
			return Mono.empty();
		});
		ServerWebExchange next = exchange.mutate().request(continued).build();
		next.getAttributes().put(RequestContext.KEY, context);
		return chain.filter(next).contextWrite((reactor) -> reactor.put(RequestContext.KEY, context));
	}

}
