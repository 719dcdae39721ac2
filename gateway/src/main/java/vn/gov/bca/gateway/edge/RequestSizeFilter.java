package vn.gov.bca.gateway.edge;

import java.util.Map;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import vn.gov.bca.gateway.routing.GatewayProperties;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.error.Problems;

/**
 * Refuses a request whose declared body is larger than the gateway accepts, with 413
 * problem+json, before anything is read or forwarded. Services apply their own, tighter limits
 * to the bodies they actually read.
 */
public class RequestSizeFilter implements GlobalFilter, Ordered {

	private final GatewayProperties properties;

	private final Problems problems;

	public RequestSizeFilter(GatewayProperties properties, Problems problems) {
		this.properties = properties;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.properties.getMaxRequestSize().toBytes()) {
			return this.problems.write(exchange, ProblemType.PAYLOAD_TOO_LARGE, "payload-too-large", new Object[0],
					Map.of());
		}
		return chain.filter(exchange);
	}

}
