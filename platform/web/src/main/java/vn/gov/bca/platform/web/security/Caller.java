package vn.gov.bca.platform.web.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

/**
 * Who is calling, read from the VNeID (Keycloak) access token: a citizen, an officer of an
 * agency in a province, or another service. Authorisation decisions are made against this
 * object, explicitly, in each endpoint.
 *
 * @param subject the token subject (the account id)
 * @param personalId the 12-digit personal identification number, if the account has one
 * @param identityLevel the VNeID identification level (0 when the token carries none)
 * @param roles the realm roles
 * @param agency the officer's agency code, if any
 * @param province the officer's province code, if any
 * @param clientId the OAuth client the token was issued to
 */
public record Caller(String subject, String personalId, int identityLevel, Set<String> roles, String agency,
		String province, String clientId) {

	public static final String CITIZEN = "citizen";

	public static final String OFFICER = "officer";

	public static final String SUPERVISOR = "supervisor";

	public static final String ADMIN = "admin";

	public static final String SERVICE = "service";

	public Caller {
		roles = Set.copyOf(roles);
	}

	public static Caller from(Jwt jwt) {
		return new Caller(jwt.getSubject(), jwt.getClaimAsString("personal_id"), level(jwt.getClaim("identity_level")),
				roles(jwt), jwt.getClaimAsString("agency"), jwt.getClaimAsString("province"),
				jwt.getClaimAsString("azp"));
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	public boolean isService() {
		return hasRole(SERVICE);
	}

	public boolean isOfficer() {
		return hasRole(OFFICER) || hasRole(SUPERVISOR);
	}

	/** The caller must hold one of the roles, or gets 403. */
	public Caller requireAnyRole(String... required) {
		for (String role : required) {
			if (hasRole(role)) {
				return this;
			}
		}
		throw ApiException.forbidden("forbidden");
	}

	/** Procedures that decide rights need a level 2 account (verified in person). */
	public Caller requireIdentityLevel(int level) {
		if (this.identityLevel < level) {
			throw new ApiException(ProblemType.IDENTITY_LEVEL_REQUIRED, "identity-level-required", level);
		}
		return this;
	}

	/** True when the resource belongs to the calling citizen. */
	public boolean owns(String ownerPersonalId) {
		return this.personalId != null && this.personalId.equals(ownerPersonalId);
	}

	/**
	 * A citizen sees only their own resources: someone else's answers 404, so that the API does
	 * not tell whether it exists.
	 */
	public Caller requireOwner(String ownerPersonalId, String what) {
		if (!owns(ownerPersonalId)) {
			throw ApiException.notFound(what);
		}
		return this;
	}

	/**
	 * Who may see a resource: its own person ({@code self}), or an officer of its province (another
	 * province's officer is refused, 403); to anyone else it does not exist (404, {@code what}).
	 */
	public Caller requireSelfOrOfficerOf(boolean self, String provinceCode, String what) {
		if (self) {
			return this;
		}
		if (isOfficer()) {
			return requireOfficerOf(provinceCode);
		}
		throw ApiException.notFound(what);
	}

	/** An officer acts only within their agency's province. */
	public Caller requireOfficerOf(String provinceCode) {
		if (!isOfficer() || this.province == null || !this.province.equals(provinceCode)) {
			throw ApiException.forbidden("forbidden");
		}
		return this;
	}

	private static int level(Object claim) {
		if (claim instanceof Number number) {
			return number.intValue();
		}
		if (claim instanceof String text && text.matches("[0-9]")) {
			return Integer.parseInt(text);
		}
		return 0;
	}

	/**
	 * The claim as parsed, without {@code getClaimAsMap}'s conversion (a copy of the map through
	 * Spring's conversion service on every request, in the gateway and every service).
	 */
	private static Set<String> roles(Jwt jwt) {
		if (!(jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess)
				|| !(realmAccess.get("roles") instanceof Collection<?> roles)) {
			return Set.of();
		}
		return roles.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
	}

	/** The Spring Security authorities for these roles, {@code ROLE_<role>}. */
	public List<String> authorities() {
		return this.roles.stream().map((role) -> "ROLE_" + role).sorted().toList();
	}

	@Override
	public String toString() {
		return "Caller[subject=" + this.subject + ", personalId=" + PersonalIds.mask(this.personalId) + ", level="
				+ this.identityLevel + ", roles=" + this.roles + ", agency=" + this.agency + ", province="
				+ this.province + ", client=" + this.clientId + "]";
	}

}
