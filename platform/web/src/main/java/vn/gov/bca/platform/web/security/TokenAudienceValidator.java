package vn.gov.bca.platform.web.security;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts a token only when it was meant for this service: its {@code aud} names this service or
 * the platform ({@code dichvucong-bca}), and the client it was issued to ({@code azp}) is not
 * refused here. A token of one service's account for another service, or of the dev-only
 * {@code dev-scripts} client in the containers, is then a 401 like any invalid token (Boot's
 * resource server adds this validator to the issuer and time checks).
 */
public class TokenAudienceValidator implements OAuth2TokenValidator<Jwt> {

	private static final Logger log = LoggerFactory.getLogger(TokenAudienceValidator.class);

	private static final OAuth2Error NOT_FOR_US = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The token is not meant for this service", null);

	private final Set<String> audiences;

	private final Set<String> refusedClients;

	public TokenAudienceValidator(List<String> audiences, List<String> refusedClients) {
		if (audiences.isEmpty()) {
			throw new IllegalArgumentException("vneid.security.audiences must name at least one audience");
		}
		this.audiences = Set.copyOf(audiences);
		this.refusedClients = Set.copyOf(refusedClients);
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		List<String> audience = jwt.getAudience();
		if (audience == null || Collections.disjoint(audience, this.audiences)) {
			// Logged (not answered): which audience we expected helps an operator, not an attacker.
			log.info("Refused a token of client {} with audience {}: this service accepts {}",
					jwt.getClaimAsString("azp"), audience, this.audiences);
			return OAuth2TokenValidatorResult.failure(NOT_FOR_US);
		}
		String client = jwt.getClaimAsString("azp");
		if (client != null && this.refusedClients.contains(client)) {
			log.info("Refused a token of client {}: this client is refused here", client);
			return OAuth2TokenValidatorResult.failure(NOT_FOR_US);
		}
		return OAuth2TokenValidatorResult.success();
	}

}
