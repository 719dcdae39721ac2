package vn.gov.bca.platform.web.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTests {

	@Test
	void readsTheVneidClaims() {
		Caller caller = Caller.from(jwt(Map.of("personal_id", "001080001111", "identity_level", 2, "agency", "PA08-HN",
				"province", "01", "azp", "officer-console", "realm_access", Map.of("roles", List.of("officer", "citizen")))));

		assertThat(caller.personalId()).isEqualTo("001080001111");
		assertThat(caller.identityLevel()).isEqualTo(2);
		assertThat(caller.roles()).containsExactlyInAnyOrder("officer", "citizen");
		assertThat(caller.isOfficer()).isTrue();
		assertThat(caller.agency()).isEqualTo("PA08-HN");
		assertThat(caller.province()).isEqualTo("01");
		assertThat(caller.clientId()).isEqualTo("officer-console");
	}

	@Test
	void aTokenWithoutLevelOrRolesIsLevelZeroWithNoRoles() {
		Caller caller = Caller.from(jwt(Map.of("azp", "dev-scripts")));

		assertThat(caller.identityLevel()).isZero();
		assertThat(caller.roles()).isEmpty();
		assertThat(caller.isService()).isFalse();
	}

	@Test
	void anotherCitizensResourceIsNotFoundRatherThanForbidden() {
		Caller citizen = citizen("001085012345", 2);

		assertThat(citizen.requireOwner("001085012345", "dossier")).isSameAs(citizen);
		assertThatThrownBy(() -> citizen.requireOwner("079192004567", "dossier")).isInstanceOf(ApiException.class)
			.extracting((ex) -> ((ApiException) ex).type())
			.isEqualTo(ProblemType.NOT_FOUND);
	}

	@Test
	void proceduresThatDecideRightsNeedLevelTwo() {
		assertThatThrownBy(() -> citizen("048201000321", 1).requireIdentityLevel(2))
			.extracting((ex) -> ((ApiException) ex).type())
			.isEqualTo(ProblemType.IDENTITY_LEVEL_REQUIRED);
		assertThat(citizen("001085012345", 2).requireIdentityLevel(2)).isNotNull();
	}

	@Test
	void anOfficerActsOnlyInTheirProvince() {
		Caller officer = new Caller("s", "001080001111", 2, java.util.Set.of("officer"), "PA08-HN", "01", "officer-console");

		assertThat(officer.requireOfficerOf("01")).isSameAs(officer);
		assertThatThrownBy(() -> officer.requireOfficerOf("79")).extracting((ex) -> ((ApiException) ex).type())
			.isEqualTo(ProblemType.FORBIDDEN);
		assertThatThrownBy(() -> citizen("001085012345", 2).requireOfficerOf("01"))
			.extracting((ex) -> ((ApiException) ex).type())
			.isEqualTo(ProblemType.FORBIDDEN);
	}

	@Test
	void neverPrintsTheFullPersonalId() {
		assertThat(citizen("001085012345", 2).toString()).contains("001*****2345").doesNotContain("001085012345");
		assertThat(PersonalIds.mask("001085012345")).isEqualTo("001*****2345");
		assertThat(PersonalIds.mask("123456789")).isEqualTo("123**6789");
		assertThat(PersonalIds.mask(null)).isNull();
	}

	private static Caller citizen(String personalId, int level) {
		return Caller.from(jwt(Map.of("personal_id", personalId, "identity_level", level, "realm_access",
				Map.of("roles", List.of("citizen")))));
	}

	private static Jwt jwt(Map<String, Object> claims) {
		Jwt.Builder builder = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("account-1")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(300));
		claims.forEach(builder::claim);
		return builder.build();
	}

}
