package vn.gov.bca.platform.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims of the realm's callers (as in {@code keycloak/vneid-realm.json}), one method per kind:
 * {@link JwtIssuer}'s token of the same name carries them, and platform-dossier-test-kit's
 * {@code Callers} reads them into a platform-web {@code Caller} for tests without a token. They live
 * here, and the {@code Caller} there, because platform-web's own tests use this kit.
 *
 * <p>Each call returns a new, mutable map (a test may change a claim of its own copy).
 */
public final class CallerClaims {

	/** The client of user-facing tokens when none is said (the realm's scripts client). */
	public static final String USER_CLIENT = "dev-scripts";

	/** The personal id of the realm's administrator ({@code quantri}). */
	public static final String ADMIN_PERSONAL_ID = "001082004444";

	public static final String NATIONAL_PORTAL = "national-portal";

	private CallerClaims() {
	}

	/** A citizen with a VNeID level (1 or 2); the subject is their account id, as for their token. */
	public static Map<String, Object> citizen(String personalId, int identityLevel) {
		return person(personalId, identityLevel, List.of("citizen"));
	}

	/** An officer of an agency in a province (01 Hà Nội, 79 TP HCM), who is a citizen too. */
	public static Map<String, Object> officer(String personalId, String agency, String province) {
		return officer(person(personalId, 2, List.of("officer", "citizen")), agency, province);
	}

	/** A unit's leader: an officer with the supervisor role, as {@code lanhdao.hanoi} in the realm. */
	public static Map<String, Object> supervisor(String personalId, String agency, String province) {
		return officer(person(personalId, 2, List.of("officer", "supervisor", "citizen")), agency, province);
	}

	/** The platform's administrator ({@code quantri}): no agency, no province. */
	public static Map<String, Object> admin() {
		return person(ADMIN_PERSONAL_ID, 2, List.of("admin"));
	}

	/** Another service's service account ({@code service-account-<name>}, role service). */
	public static Map<String, Object> service(String clientId) {
		return serviceAccount(clientId, "service");
	}

	/** The national public-service portal's service account (role national-portal, not service). */
	public static Map<String, Object> nationalPortal() {
		return serviceAccount(NATIONAL_PORTAL, NATIONAL_PORTAL);
	}

	private static Map<String, Object> person(String personalId, int identityLevel, List<String> roles) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", JwtIssuer.accountOf(personalId));
		claims.put("personal_id", personalId);
		claims.put("identity_level", identityLevel);
		claims.put("realm_access", Map.of("roles", roles));
		claims.put("azp", USER_CLIENT);
		return claims;
	}

	private static Map<String, Object> officer(Map<String, Object> claims, String agency, String province) {
		claims.put("agency", agency);
		claims.put("province", province);
		return claims;
	}

	private static Map<String, Object> serviceAccount(String clientId, String role) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", "service-account-" + clientId);
		claims.put("realm_access", Map.of("roles", List.of(role)));
		claims.put("azp", clientId);
		return claims;
	}

}
