package vn.gov.bca.platform.testkit;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Object Mothers for platform-web's {@code Caller}, for tests without a token (aggregates, access
 * policies): each is what {@code Caller.from(jwt)} reads from the {@link JwtIssuer} token of the same
 * name, whose claims come from here too (the realm's users as in {@code keycloak/vneid-realm.json}).
 *
 * <p>The kit cannot depend on platform-web (platform-web's own tests use the kit), so the Caller is
 * made by platform-web's {@code Caller.from(Jwt)}, found at run time: assign the result to a
 * {@code Caller}, e.g. {@code Caller lead = Callers.supervisor("001075003333", "PA08-HN", "01");}.
 */
public final class Callers {

	static final String CALLER = "vn.gov.bca.platform.web.security.Caller";

	/** The client of user-facing tokens when none is said (the realm's scripts client). */
	static final String USER_CLIENT = "dev-scripts";

	/** The personal id of the realm's administrator ({@code quantri}). */
	public static final String ADMIN_PERSONAL_ID = "001082004444";

	public static final String NATIONAL_PORTAL = "national-portal";

	private Callers() {
	}

	/** A citizen with a VNeID level (1 or 2); the subject is their account id, as for their token. */
	public static <C> C citizen(String personalId, int identityLevel) {
		return caller(citizenClaims(personalId, identityLevel));
	}

	/** An officer of an agency in a province (01 Hà Nội, 79 TP HCM), who is a citizen too. */
	public static <C> C officer(String personalId, String agency, String province) {
		return caller(officerClaims(personalId, agency, province));
	}

	/** A unit's leader: an officer with the supervisor role, as {@code lanhdao.hanoi} in the realm. */
	public static <C> C supervisor(String personalId, String agency, String province) {
		return caller(supervisorClaims(personalId, agency, province));
	}

	/** The platform's administrator ({@code quantri}): no agency, no province. */
	public static <C> C admin() {
		return caller(adminClaims());
	}

	/** Another service's service account ({@code service-account-<name>}, role service). */
	public static <C> C service(String name) {
		return caller(serviceClaims(name));
	}

	/** The national public-service portal's service account (role national-portal, not service). */
	public static <C> C nationalPortal() {
		return caller(nationalPortalClaims());
	}

	static Map<String, Object> citizenClaims(String personalId, int identityLevel) {
		return person(personalId, identityLevel, List.of("citizen"));
	}

	static Map<String, Object> officerClaims(String personalId, String agency, String province) {
		return officer(person(personalId, 2, List.of("officer", "citizen")), agency, province);
	}

	static Map<String, Object> supervisorClaims(String personalId, String agency, String province) {
		return officer(person(personalId, 2, List.of("officer", "supervisor", "citizen")), agency, province);
	}

	static Map<String, Object> adminClaims() {
		return person(ADMIN_PERSONAL_ID, 2, List.of("admin"));
	}

	static Map<String, Object> serviceClaims(String clientId) {
		return serviceAccount(clientId, "service");
	}

	static Map<String, Object> nationalPortalClaims() {
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

	/** The claims as Spring Security's decoder gives them to {@code Caller.from}. */
	static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("test-kit-caller").header("alg", "RS256").claims((all) -> all.putAll(claims)).build();
	}

	@SuppressWarnings("unchecked")
	private static <C> C caller(Map<String, Object> claims) {
		try {
			return (C) Class.forName(CALLER).getMethod("from", Jwt.class).invoke(null, jwt(claims));
		}
		catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException ex) {
			throw new IllegalStateException("Callers needs platform-web's " + CALLER + " on the test classpath", ex);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}
