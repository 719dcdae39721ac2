package vn.gov.bca.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import vn.gov.bca.gateway.routing.GatewayProperties;
import vn.gov.bca.platform.web.error.Problems;
import vn.gov.bca.platform.web.security.SecurityCustomizer;

/**
 * What the gateway adds at the edge: CORS for the portal and app origins (answered even on 401,
 * so that a browser shows the real error), security headers, body size limits per route, and no
 * actuator path routed.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

	@Bean
	SecurityCustomizer edgeSecurity(GatewayProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.getAllowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept-Language", "Idempotency-Key",
				"X-Request-Id", "traceparent", "If-Match"));
		cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "RateLimit-Remaining", "Location", "ETag",
				"Idempotent-Replayed"));
		cors.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return (http) -> http.cors((spec) -> spec.configurationSource(source))
			.headers((headers) -> headers
				.referrerPolicy((referrer) -> referrer
					.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
				.contentSecurityPolicy((csp) -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
								+ "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
	}

	@Bean
	RequestSizeFilter requestSizeFilter(GatewayProperties properties, Problems problems) {
		return new RequestSizeFilter(properties, problems);
	}

	@Bean
	RefusedBodyFilter refusedBodyFilter(GatewayProperties properties) {
		return new RefusedBodyFilter(properties.getBodyLimits().getSmallestServiceLimit().toBytes());
	}

	@Bean
	ActuatorPathsFilter actuatorPathsFilter(Problems problems) {
		return new ActuatorPathsFilter(problems);
	}

}
