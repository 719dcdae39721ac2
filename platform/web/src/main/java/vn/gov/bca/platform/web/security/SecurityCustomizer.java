package vn.gov.bca.platform.web.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * A module's additions to the platform's security chain (the gateway's CORS, a service's
 * public paths). Applied before the platform's catch-all "everything else is authenticated".
 */
@FunctionalInterface
public interface SecurityCustomizer {

	void customize(ServerHttpSecurity http);

}
