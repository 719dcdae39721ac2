package vn.gov.bca.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The edge's own settings ({@code vneid.gateway.*}); routes are Spring Cloud Gateway's. */
@ConfigurationProperties("vneid.gateway")
public class GatewayProperties {

	/** Upper bound of a routed call; past it the client gets 503 problem+json. */
	private Duration routeTimeout = Duration.ofSeconds(10);

	/** Largest request body accepted (attachments included). */
	private DataSize maxRequestSize = DataSize.ofMegabytes(12);

	/** Origins of the citizen portal, the officer console and the app's web views. */
	private List<String> allowedOrigins = new ArrayList<>(List.of("http://localhost:3000", "http://localhost:3001"));

	public Duration getRouteTimeout() {
		return this.routeTimeout;
	}

	public void setRouteTimeout(Duration routeTimeout) {
		this.routeTimeout = routeTimeout;
	}

	public DataSize getMaxRequestSize() {
		return this.maxRequestSize;
	}

	public void setMaxRequestSize(DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

}
