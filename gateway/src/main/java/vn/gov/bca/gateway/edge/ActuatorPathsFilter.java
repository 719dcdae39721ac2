package vn.gov.bca.gateway.edge;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.error.Problems;

/**
 * The gateway never routes actuator paths, its own or a service's ({@code /actuator/**},
 * {@code /api/*}{@code /actuator/**}): 404 problem, before authentication. Actuator listens on each
 * module's management port, which is not exposed to the outside.
 */
public class ActuatorPathsFilter implements WebFilter, Ordered, ApplicationListener<WebServerInitializedEvent> {

	private static final List<PathPattern> ACTUATOR = List.of(
			PathPatternParser.defaultInstance.parse("/actuator/**"),
			PathPatternParser.defaultInstance.parse("/api/*/actuator/**"));

	private final Problems problems;

	/** The public port; the platform's web filters also run on the management port, where actuator is. */
	private volatile int publicPort = -1;

	public ActuatorPathsFilter(Problems problems) {
		this.problems = problems;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			this.publicPort = event.getWebServer().getPort();
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		InetSocketAddress local = exchange.getRequest().getLocalAddress();
		boolean publicPort = local == null || local.getPort() == this.publicPort;
		if (publicPort && ACTUATOR.stream().anyMatch((pattern) -> pattern.matches(path))) {
			return this.problems.write(exchange, ProblemType.NOT_FOUND, "not-found", new Object[0], Map.of());
		}
		return chain.filter(exchange);
	}

}
