package vn.gov.bca.platform.web.server;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.error.Problems;

/**
 * A request URI (path and query as sent) longer than the limit, 4 KB by default, is refused with a
 * 414 problem+json in the caller's language (review finding 12: Reactor Netty's own 414 has an
 * empty body). Netty's hard limit on the request line is set higher so that such requests reach
 * this filter; above that hard limit the connection guard answers ({@link EdgeTimeouts}).
 */
public class UriLengthWebFilter implements WebFilter, Ordered {

	private final int maxLength;

	private final Problems problems;

	public UriLengthWebFilter(int maxLength, Problems problems) {
		this.maxLength = maxLength;
		this.problems = problems;
	}

	/** Right after the request context (so the problem carries the request id), before security. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String raw = exchange.getRequest().getURI().getRawPath();
		String query = exchange.getRequest().getURI().getRawQuery();
		int length = ((raw != null) ? raw.length() : 0) + ((query != null) ? query.length() + 1 : 0);
		if (length > this.maxLength) {
			return this.problems.write(exchange, ProblemType.URI_TOO_LONG, "uri-too-long",
					new Object[] { Integer.toString(this.maxLength) }, Map.of());
		}
		return chain.filter(exchange);
	}

}
