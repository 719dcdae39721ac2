package vn.gov.bca.identity.session;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.TestInfrastructure;

@IntegrationTest
class SessionTests {

	@Autowired
	private WebTestClient client;

	@Test
	void showsTheSignedInAccountAsTheTokenPresentsIt() {
		String token = TestInfrastructure.get().jwt().officer("001080001111", "PA08-HN", "01");
		this.client.get()
			.uri("/api/identity/session")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.personalId")
			.isEqualTo("001080001111")
			.jsonPath("$.identityLevel")
			.isEqualTo(2)
			.jsonPath("$.roles")
			.value((roles) -> org.assertj.core.api.Assertions.assertThat((java.util.List<String>) roles)
				.containsExactly("citizen", "officer"))
			.jsonPath("$.agency")
			.isEqualTo("PA08-HN")
			.jsonPath("$.province")
			.isEqualTo("01");
	}

}
