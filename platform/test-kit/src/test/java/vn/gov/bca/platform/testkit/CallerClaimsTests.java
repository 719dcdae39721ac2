package vn.gov.bca.platform.testkit;

import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer's tokens carry the claims of the same name (the Caller read from them is tried in
 * platform-dossier-test-kit's CallersTests, where platform-web is on the classpath).
 */
class CallerClaimsTests {

	private static final JwtIssuer issuer = new JwtIssuer();

	@AfterAll
	static void stop() {
		issuer.close();
	}

	@Test
	void eachTokenCarriesTheClaimsOfTheSameName() throws ParseException {
		assertSameClaims(CallerClaims.citizen("001085012345", 2), issuer.citizen("001085012345", 2));
		assertSameClaims(CallerClaims.officer("001080001111", "PA08-HN", "01"),
				issuer.officer("001080001111", "PA08-HN", "01"));
		assertSameClaims(CallerClaims.supervisor("001075003333", "PA08-HN", "01"),
				issuer.supervisor("001075003333", "PA08-HN", "01"));
		assertSameClaims(CallerClaims.admin(), issuer.admin());
		assertSameClaims(CallerClaims.service("seal-service"), issuer.service("seal-service"));
		assertSameClaims(CallerClaims.nationalPortal(), issuer.nationalPortal());
	}

	@Test
	void theClaimsAreTheRealmsUsers() {
		assertThat(CallerClaims.supervisor("001075003333", "PA08-HN", "01")).containsEntry("province", "01")
			.containsEntry("agency", "PA08-HN")
			.containsEntry("sub", JwtIssuer.accountOf("001075003333"))
			.containsEntry("realm_access", Map.of("roles", List.of("officer", "supervisor", "citizen")));
		assertThat(CallerClaims.citizen("001085012345", 1)).containsEntry("identity_level", 1)
			.containsEntry("azp", CallerClaims.USER_CLIENT)
			.doesNotContainKeys("agency", "province");
		assertThat(CallerClaims.admin()).containsEntry("personal_id", CallerClaims.ADMIN_PERSONAL_ID)
			.containsEntry("realm_access", Map.of("roles", List.of("admin")))
			.doesNotContainKeys("agency", "province");
		assertThat(CallerClaims.service("passport-service")).containsEntry("azp", "passport-service")
			.containsEntry("sub", "service-account-passport-service")
			.doesNotContainKey("personal_id");
		assertThat(CallerClaims.nationalPortal())
			.containsEntry("realm_access", Map.of("roles", List.of("national-portal")));
	}

	private static void assertSameClaims(Map<String, Object> claims, String token) throws ParseException {
		Map<String, Object> signed = SignedJWT.parse(token).getJWTClaimsSet().toJSONObject();
		claims.forEach((name, value) -> assertThat(signed).as(name).containsEntry(name, normalise(value)));
	}

	/** Numbers come back from the JSON as longs. */
	private static Object normalise(Object value) {
		return (value instanceof Integer number) ? number.longValue() : value;
	}

}
