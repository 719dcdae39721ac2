package vn.gov.bca.platform.testkit.dossier;

import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;

import vn.gov.bca.platform.testkit.CallerClaims;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.web.security.Caller;

/**
 * Object Mothers for platform-web's {@link Caller}, for tests without a token (aggregates, access
 * policies): each is what {@code Caller.from(jwt)} reads from the {@link JwtIssuer} token of the
 * same name, both made of {@link CallerClaims} (the realm's users as in
 * {@code keycloak/vneid-realm.json}), so a test without Spring sees the caller an endpoint would.
 */
public final class Callers {

	private Callers() {
	}

	/** A citizen with a VNeID level (1 or 2); the subject is their account id, as for their token. */
	public static Caller citizen(String personalId, int identityLevel) {
		return from(CallerClaims.citizen(personalId, identityLevel));
	}

	/** An officer of an agency in a province (01 Hà Nội, 79 TP HCM), who is a citizen too. */
	public static Caller officer(String personalId, String agency, String province) {
		return from(CallerClaims.officer(personalId, agency, province));
	}

	/** A unit's leader: an officer with the supervisor role, as {@code lanhdao.hanoi} in the realm. */
	public static Caller supervisor(String personalId, String agency, String province) {
		return from(CallerClaims.supervisor(personalId, agency, province));
	}

	/** The platform's administrator ({@code quantri}): no agency, no province. */
	public static Caller admin() {
		return from(CallerClaims.admin());
	}

	/** Another service's service account ({@code service-account-<name>}, role service). */
	public static Caller service(String name) {
		return from(CallerClaims.service(name));
	}

	/** The national public-service portal's service account (role national-portal, not service). */
	public static Caller nationalPortal() {
		return from(CallerClaims.nationalPortal());
	}

	/** The caller platform-web reads from a token of these claims. */
	public static Caller from(Map<String, Object> claims) {
		return Caller.from(jwt(claims));
	}

	/** The claims as Spring Security's decoder hands them to {@code Caller.from} (unsigned: no one checks). */
	static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("test-kit-caller").header("alg", "RS256").claims((all) -> all.putAll(claims)).build();
	}

}
