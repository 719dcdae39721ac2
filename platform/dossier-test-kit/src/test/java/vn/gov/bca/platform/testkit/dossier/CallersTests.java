package vn.gov.bca.platform.testkit.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import vn.gov.bca.platform.testkit.CallerClaims;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.web.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Object Mother is the Caller an endpoint reads from the issuer's token of the same name: the
 * token signed, served through the realm's JWKS and decoded as the resource server does.
 */
class CallersTests {

	private final JwtIssuer issuer = TestInfrastructure.get().jwt();

	private final JwtDecoder decoder = NimbusJwtDecoder
		.withJwkSetUri(this.issuer.issuer() + "/protocol/openid-connect/certs")
		.build();

	@Test
	void eachMotherIsTheCallerOfTheTokenOfTheSameName() {
		assertThat(Callers.citizen("001085012345", 2)).isEqualTo(read(this.issuer.citizen("001085012345", 2)));
		assertThat(Callers.citizen("001085012345", 1)).isEqualTo(read(this.issuer.citizen("001085012345", 1)));
		assertThat(Callers.officer("001080001111", "PA08-HN", "01"))
			.isEqualTo(read(this.issuer.officer("001080001111", "PA08-HN", "01")));
		assertThat(Callers.supervisor("001075003333", "PA08-HN", "01"))
			.isEqualTo(read(this.issuer.supervisor("001075003333", "PA08-HN", "01")));
		assertThat(Callers.admin()).isEqualTo(read(this.issuer.admin()));
		assertThat(Callers.service("seal-service")).isEqualTo(read(this.issuer.service("seal-service")));
		assertThat(Callers.nationalPortal()).isEqualTo(read(this.issuer.nationalPortal()));
	}

	@Test
	void theMothersHaveTheRealmsRoles() {
		Caller lead = Callers.supervisor("001075003333", "PA08-HN", "01");
		assertThat(lead.isOfficer()).isTrue();
		assertThat(lead.hasRole(Caller.SUPERVISOR)).isTrue();
		assertThat(lead.subject()).isEqualTo(JwtIssuer.accountOf("001075003333"));
		assertThat(lead.province()).isEqualTo("01");
		Caller citizen = Callers.citizen("001085012345", 1);
		assertThat(citizen.isOfficer()).isFalse();
		assertThat(citizen.identityLevel()).isEqualTo(1);
		assertThat(citizen.clientId()).isEqualTo(CallerClaims.USER_CLIENT);
		assertThat(Callers.admin().personalId()).isEqualTo(CallerClaims.ADMIN_PERSONAL_ID);
		assertThat(Callers.service("passport-service").isService()).isTrue();
		assertThat(Callers.service("passport-service").personalId()).isNull();
		assertThat(Callers.nationalPortal().isService()).isFalse();
		assertThat(Callers.nationalPortal().hasRole(CallerClaims.NATIONAL_PORTAL)).isTrue();
	}

	private Caller read(String token) {
		return Caller.from(this.decoder.decode(token));
	}

}
