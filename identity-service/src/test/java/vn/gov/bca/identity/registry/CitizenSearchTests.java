package vn.gov.bca.identity.registry;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CitizenSearchTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	@Autowired
	private WebTestClient client;

	@Autowired
	private CitizenRegistry registry;

	private final String officer = jwt.officer("079187002222", "PA08-HCM", "79");

	private final String admin = jwt.token().personalId("001082004444").identityLevel(2).roles("admin").sign();

	@BeforeEach
	void registerTheQuachs() {
		enter("079170000011", "Quách Thị Hạnh", "1970-02-01", Sex.FEMALE, "79");
		enter("079172000012", "Quách Thị Hà", "1972-03-04", Sex.FEMALE, "79");
		enter("001172000013", "QUÁCH THỊ HÀ", "1972-08-09", Sex.FEMALE, "01");
		enter("079072000014", "Quách Văn Hà", "1972-05-06", Sex.MALE, "79");
	}

	@Test
	void findsNamesWithoutDiacriticsFilteredByYearAndProvince() {
		List<String> found = search("/api/identity/citizens?name=quach thi ha&birthYear=1972&province=79");
		assertThat(found).containsExactly("079172000012");
		// An administrator searches the whole country; an officer only their own province.
		assertThat(search("/api/identity/citizens?name=Quách Thị Hà&birthYear=1972", this.admin))
			.containsExactlyInAnyOrder("079172000012", "001172000013");
		assertThat(search("/api/identity/citizens?name=QUACH THI H", this.admin)).hasSize(3);
		assertThat(search("/api/identity/citizens?name=QUACH THI H")).hasSize(2);
	}

	@Test
	void anOfficerSearchesOnlyTheirOwnProvince() {
		assertThat(search("/api/identity/citizens?name=Quách Thị Hà&birthYear=1972"))
			.containsExactly("079172000012");
		this.client.get()
			.uri("/api/identity/citizens?name=quach thi ha&province=01")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(search("/api/identity/citizens?name=quach thi ha&province=01", this.admin))
			.containsExactly("001172000013");
	}

	@Test
	void namesWithUnicodeSpacesAreFoundByPlainText() {
		enter("079080000015", "Lê\u00a0Văn\u202fTám", "1980-01-01", Sex.MALE, "79");
		assertThat(search("/api/identity/citizens?name=le van tam")).containsExactly("079080000015");
	}

	@Test
	void pagesTheResultsAndSaysWhetherMoreFollow() {
		this.client.get()
			.uri("/api/identity/citizens?name=quach&size=2&page=0")
			.headers((headers) -> headers.setBearerAuth(this.admin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(2)
			.jsonPath("$.hasMore")
			.isEqualTo(true);
		this.client.get()
			.uri("/api/identity/citizens?name=quach&size=2&page=1")
			.headers((headers) -> headers.setBearerAuth(this.admin))
			.exchange()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(2)
			.jsonPath("$.hasMore")
			.isEqualTo(false);
	}

	@Test
	void refusesCitizensAndTooShortQueries() {
		this.client.get()
			.uri("/api/identity/citizens?name=quach")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001085012345", 2)))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/api/identity/citizens?name=n")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name");
	}

	private List<String> search(String uri) {
		return search(uri, this.officer);
	}

	private List<String> search(String uri, String token) {
		return this.client.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(CitizenController.SearchResult.class)
			.returnResult()
			.getResponseBody()
			.items()
			.stream()
			.map(CitizenController.CitizenView::personalId)
			.toList();
	}

	private void enter(String personalId, String name, String birth, Sex sex, String province) {
		if (this.registry.find(personalId).block() == null) {
			this.registry
				.register(NewCitizens.citizen(personalId, name, birth, sex).livingIn(province).build())
				.block();
		}
	}

}
