package vn.gov.bca.systemtests;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the gateway, with tokens the real Keycloak issues for the realm's demo accounts: what
 * the VNeID app, the national portal and a script see first.
 */
class GatewaySystemTests {

	@Test
	void aCitizenSignedInWithVneidReachesAServiceThroughTheGateway() {
		HttpResponse<String> response = SystemStack.get(SystemStack.gateway() + "/api/identity/session",
				"Authorization", "Bearer " + SystemStack.userToken("nguyenvanan"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Request-Id")).get().asString().isNotBlank();
		assertThat((String) JsonPath.read(response.body(), "$.personalId")).isEqualTo("001085012345");
		assertThat((Integer) JsonPath.read(response.body(), "$.identityLevel")).isEqualTo(2);
		assertThat((List<String>) JsonPath.read(response.body(), "$.roles")).contains("citizen");
	}

	@Test
	void theLevelOfTheVneidAccountReachesTheService() {
		HttpResponse<String> response = SystemStack.get(SystemStack.gateway() + "/api/identity/session",
				"Authorization", "Bearer " + SystemStack.userToken("lehoangminh"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(response.body(), "$.identityLevel")).isEqualTo(1);
	}

	@Test
	void anOfficerTokenCarriesAgencyAndProvince() {
		HttpResponse<String> response = SystemStack.get(SystemStack.gateway() + "/api/identity/session",
				"Authorization", "Bearer " + SystemStack.userToken("canbo.hcm"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.agency")).isEqualTo("PA08-HCM");
		assertThat((String) JsonPath.read(response.body(), "$.province")).isEqualTo("79");
	}

	@Test
	void anIntegratingServiceAccountIsAcceptedWithItsRole() {
		HttpResponse<String> response = SystemStack.get(SystemStack.gateway() + "/api/identity/session",
				"Authorization", "Bearer " + SystemStack.serviceToken("passport-service"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(response.body(), "$.roles")).containsExactly("service");
		assertThat((String) JsonPath.read(response.body(), "$.clientId")).isEqualTo("passport-service");
	}

	@Test
	void withoutATokenTheAnswerIsA401ProblemInTheCallersLanguage() {
		HttpResponse<String> vietnamese = SystemStack.get(SystemStack.gateway() + "/api/passport/dossiers");
		HttpResponse<String> english = SystemStack.get(SystemStack.gateway() + "/api/passport/dossiers",
				"Accept-Language", "en");

		assertThat(vietnamese.statusCode()).isEqualTo(401);
		assertThat(vietnamese.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat((String) JsonPath.read(vietnamese.body(), "$.title")).isEqualTo("Chưa xác thực");
		assertThat((String) JsonPath.read(english.body(), "$.title")).isEqualTo("Not authenticated");
		assertThat((String) JsonPath.read(vietnamese.body(), "$.requestId"))
			.isEqualTo(vietnamese.headers().firstValue("X-Request-Id").orElseThrow());
	}

	@Test
	void aForgedTokenIsRefused() {
		String token = SystemStack.userToken("lehoangminh");
		String[] parts = token.split("\\.");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
			.replace("\"identity_level\":1", "\"identity_level\":2");
		String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(payload.getBytes()) + "." + parts[2];

		HttpResponse<String> response = SystemStack.get(SystemStack.gateway() + "/api/identity/session",
				"Authorization", "Bearer " + forged);

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void theClientsRequestIdIsKeptEndToEnd() {
		HttpResponse<String> response = SystemStack.get(SystemStack.gateway() + "/api/identity/session",
				"Authorization", "Bearer " + SystemStack.userToken("tranthibich"), "X-Request-Id",
				"dvcqg-2026-000001");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Request-Id")).contains("dvcqg-2026-000001");
	}

	@Test
	void everyServicesApiIsDescribedThroughTheGateway() {
		for (String service : List.of("identity", "residence", "passport", "seal", "payment")) {
			HttpResponse<String> response = SystemStack
				.get(SystemStack.gateway() + "/api/" + service + "/v3/api-docs");
			assertThat(response.statusCode()).as(service).isEqualTo(200);
			assertThat((String) JsonPath.read(response.body(), "$.servers[0].url")).as(service).isEqualTo("/");
		}
		assertThat(SystemStack.get(SystemStack.gateway() + "/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

}
