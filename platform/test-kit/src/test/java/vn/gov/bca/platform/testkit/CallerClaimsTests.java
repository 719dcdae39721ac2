package vn.gov.bca.platform.testkit;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The Object Mothers read what the issuer's tokens carry (the Caller itself is platform-web's, tried
 * where it is on the classpath: passport-service's ExitBanTests).
 */
class CallersTests {

	private static final JwtIssuer issuer = new JwtIssuer();

	@AfterAll
	static void stop() {
		issuer.close();
	}

	@Test
	void eachMotherHasTheClaimsOfTheTokenOfTheSameName() throws ParseException {
		assertSameClaims(Callers.citizenClaims("001085012345", 2), issuer.citizen("001085012345", 2));
		assertSameClaims(Callers.officerClaims("001080001111", "PA08-HN", "01"),
				issuer.officer("001080001111", "PA08-HN", "01"));
		assertSameClaims(Callers.supervisorClaims("001075003333", "PA08-HN", "01"),
				issuer.supervisor("001075003333", "PA08-HN", "01"));
		assertSameClaims(Callers.adminClaims(), issuer.admin());
		assertSameClaims(Callers.serviceClaims("seal-service"), issuer.service("seal-service"));
		assertSameClaims(Callers.nationalPortalClaims(), issuer.nationalPortal());
	}

	@Test
	void theMothersAreTheRealmsUsers() {
		assertThat(Callers.supervisorClaims("001075003333", "PA08-HN", "01")).containsEntry("province", "01")
			.containsEntry("agency", "PA08-HN")
			.containsEntry("sub", JwtIssuer.accountOf("001075003333"))
			.containsEntry("realm_access", Map.of("roles", java.util.List.of("officer", "supervisor", "citizen")));
		assertThat(Callers.serviceClaims("passport-service")).containsEntry("azp", "passport-service")
			.containsEntry("sub", "service-account-passport-service")
			.doesNotContainKey("personal_id");
		assertThat(Callers.nationalPortalClaims())
			.containsEntry("realm_access", Map.of("roles", java.util.List.of("national-portal")));
		assertThat(Callers.jwt(Callers.citizenClaims("001085012345", 1)).getClaimAsString("personal_id"))
			.isEqualTo("001085012345");
	}

	@Test
	void withoutPlatformWebTheMotherSaysWhatIsMissing() {
		assertThatIllegalStateException().isThrownBy(() -> Callers.admin()).withMessageContaining("platform-web");
	}

	private static void assertSameClaims(Map<String, Object> mother, String token) throws ParseException {
		Map<String, Object> signed = SignedJWT.parse(token).getJWTClaimsSet().toJSONObject();
		mother.forEach((name, value) -> assertThat(signed).as(name).containsEntry(name, normalise(value)));
	}

	/** Numbers come back from the JSON as longs. */
	private static Object normalise(Object value) {
		return (value instanceof Integer number) ? number.longValue() : value;
	}

}
