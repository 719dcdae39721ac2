package vn.gov.bca.platform.web.security;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.error.Problems;

/**
 * 401 and 403 raised by Spring Security answer problem+json like every other error, with the
 * {@code WWW-Authenticate} challenge RFC 6750 asks for. The reason a token was refused is not
 * echoed to the client (it helps an attacker more than a user); it is in the service log.
 */
public class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private final Problems problems;

	public ProblemSecurityHandlers(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		String challenge = (ex instanceof InvalidBearerTokenException) ? "Bearer error=\"invalid_token\"" : "Bearer";
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
		return this.problems.write(exchange, ProblemType.UNAUTHENTICATED, "unauthenticated", new Object[0], Map.of());
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return this.problems.write(exchange, ProblemType.FORBIDDEN, "forbidden", new Object[0], Map.of());
	}

}
