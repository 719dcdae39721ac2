package vn.gov.bca.gateway.edge;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Runs inside a route's circuit breaker, just before the call to the service: a service that closes
 * the connection without answering a request whose body the gateway was sending, when that body is
 * larger than the services' smallest limit, refused that body (it answers 413 and closes without
 * reading the rest, as Reactor Netty does over its limit; the close resets the connection and the
 * 413 is lost, so the gateway sees "connection prematurely closed"). That is the client's error, not
 * the service's: it becomes a {@link BodyTooLargeException}, which the breaker ignores and the
 * fallback answers with 413 (review finding 3). The body may already sit whole in the socket
 * buffers, so "not completely sent" cannot be told apart; the price is that a service crashing
 * while receiving a large body costs one uncounted 413 — its next calls fail to connect and count.
 * <p>
 * A body within the smallest limit no service refuses: a close while it was sent is an instance
 * stopping or crashing, and is the 503 of any other failure (a withdrawal of a few hundred bytes
 * answered "too large" while an instance stopped was the CI failure that showed it).
 */
public class RefusedBodyFilter implements GlobalFilter, Ordered {

	private final long smallestServiceLimit;

	/**
	 * @param smallestServiceLimit bytes: the smallest body limit of any service; a body no larger
	 * is never taken for one refused
	 */
	public RefusedBodyFilter(long smallestServiceLimit) {
		this.smallestServiceLimit = smallestServiceLimit;
	}

	/** After the routes' own filters (their order is their position), before the Netty routing filter. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return chain.filter(exchange).onErrorMap((ex) -> bodyRefused(exchange, ex),
				(ex) -> new BodyTooLargeException("The service closed the connection before the whole body was sent",
						ex));
	}

	private boolean bodyRefused(ServerWebExchange exchange, Throwable ex) {
		// Only once some of the body has gone out (a service that is down fails before that), and
		// only a body a service could refuse: declared over the smallest limit, or (chunked) already
		// read past it.
		AtomicLong read = exchange.getAttribute(RequestSizeFilter.BODY_READ);
		if (read == null || read.get() == 0 || BodyTooLargeException.isCauseOf(ex)) {
			return false;
		}
		long size = Math.max(exchange.getRequest().getHeaders().getContentLength(), read.get());
		if (size <= this.smallestServiceLimit) {
			return false;
		}
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof PrematureCloseException || cause instanceof AbortedException
					|| (cause instanceof IOException && !(cause instanceof java.net.ConnectException))) {
				return true;
			}
		}
		return false;
	}

}
