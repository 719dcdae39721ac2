package vn.gov.bca.identity.lookup;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.Kin;
import vn.gov.bca.identity.registry.NewCitizens;
import vn.gov.bca.identity.registry.Sex;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;

@IntegrationTest
class LookupTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final String HOA = "001195000777";

	@Autowired
	private WebTestClient client;

	@Autowired
	private CitizenRegistry registry;

	@BeforeEach
	void registerHoa() {
		if (this.registry.find(HOA).block() == null) {
			this.registry
				.register(NewCitizens.citizen(HOA, "Trịnh Thị Hoa", "1995-10-20", Sex.FEMALE)
					.legacyIdNumber("012345678")
					.build())
				.block();
		}
	}

	@Test
	void aServiceGetsOnlyTheMinimalDataAndTheReadIsLoggedForTheCitizen() {
		this.client.get()
			.uri("/api/identity/registry/citizens/" + HOA)
			.headers((headers) -> {
				headers.setBearerAuth(jwt.service("passport-service"));
				headers.set("X-Purpose", "passport application TK01");
				headers.set("X-Request-Id", "passport-req-00000042");
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.fullName")
			.isEqualTo("Trịnh Thị Hoa")
			.jsonPath("$.birthDate")
			.isEqualTo("1995-10-20")
			.jsonPath("$.lifeStatus")
			.isEqualTo("ALIVE")
			.jsonPath("$.permanentAddress.provinceCode")
			.isEqualTo("01")
			.jsonPath("$.ethnicity")
			.doesNotExist()
			.jsonPath("$.religion")
			.doesNotExist()
			.jsonPath("$.legacyIdNumber")
			.doesNotExist();

		this.client.get()
			.uri("/api/identity/me/access-log")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(HOA, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.requestId == 'passport-req-00000042')].purpose")
			.isEqualTo("passport application TK01")
			.jsonPath("$[?(@.requestId == 'passport-req-00000042')].readerClient")
			.isEqualTo("passport-service")
			.jsonPath("$[?(@.requestId == 'passport-req-00000042')].kind")
			.isEqualTo("SERVICE_LOOKUP")
			.jsonPath("$[?(@.requestId == 'passport-req-00000042')].readerSubject")
			.doesNotExist();

		String admin = jwt.token().personalId("001082004444").roles("admin").sign();
		this.client.get()
			.uri("/api/identity/access-log?personalId=" + HOA)
			.headers((headers) -> headers.setBearerAuth(admin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.requestId == 'passport-req-00000042')].readerSubject")
			.isEqualTo("service-account-passport-service");
		this.client.get()
			.uri("/api/identity/access-log?personalId=" + HOA)
			.headers((headers) -> headers.setBearerAuth(jwt.officer("001080001111", "PA08-HN", "01")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void aServiceLearnsOnlyWhetherTheRegistryRecordsSomeoneAsAParent() {
		String child = "001218009999";
		String mother = "001190008888";
		if (this.registry.find(child).block() == null) {
			this.registry.register(NewCitizens.citizen(mother, "Phạm Thị Thu", "1990-02-02", Sex.FEMALE).build()).block();
			this.registry.register(NewCitizens.citizen(child, "Lê Minh Anh", "2018-06-06", Sex.MALE)
				.parents(new Kin(null, "Lê Văn Bình"), new Kin(mother, "Phạm Thị Thu"))
				.build()).block();
		}
		relation(child, mother).expectStatus().isOk().expectBody().json("{\"match\": true}", true);
		relation(child, HOA).expectStatus().isOk().expectBody().json("{\"match\": false}", true);
		relation(mother, child).expectStatus().isOk().expectBody().json("{\"match\": false}", true);
	}

	private WebTestClient.ResponseSpec relation(String personalId, String relative) {
		return this.client.post()
			.uri("/api/identity/registry/relations")
			.headers((headers) -> {
				headers.setBearerAuth(jwt.service("passport-service"));
				headers.set("X-Purpose", "passport TK01a: parent of the child");
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"personalId\": \"%s\", \"relativePersonalId\": \"%s\", \"relation\": \"PARENT\"}"
				.formatted(personalId, relative))
			.exchange();
	}

	@Test
	void aCitizenTokenCannotUseTheServiceLookup() {
		this.client.get()
			.uri("/api/identity/registry/citizens/" + HOA)
			.headers((headers) -> {
				headers.setBearerAuth(jwt.citizen(HOA, 2));
				headers.set("X-Purpose", "curiosity");
			})
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void aLookupWithoutAPurposeIsRefused() {
		this.client.get()
			.uri("/api/identity/registry/citizens/" + HOA)
			.headers((headers) -> headers.setBearerAuth(jwt.service("residence-service")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("X-Purpose");
	}

	@Test
	void verificationSaysMatchOrNoMatchAndNothingElse() {
		verify("{\"personalId\":\"" + HOA + "\",\"fullName\":\"TRỊNH\u00a0THỊ  Hoa\",\"birthDate\":\"1995-10-20\"}")
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"match\":true}", true);
		// Identity is checked with the diacritics: folding is for officers' search only (issue 10).
		verify("{\"personalId\":\"" + HOA + "\",\"fullName\":\"Trinh Thi Hoa\",\"birthDate\":\"1995-10-20\"}")
			.expectBody()
			.json("{\"match\":false}", true);
		verify("{\"personalId\":\"" + HOA + "\",\"fullName\":\"Trịnh Thị Hoa\",\"birthDate\":\"1995-10-21\"}")
			.expectBody()
			.json("{\"match\":false}", true);
		verify("{\"personalId\":\"001195000778\",\"fullName\":\"Trịnh Thị Hoa\",\"birthDate\":\"1995-10-20\"}")
			.expectBody()
			.json("{\"match\":false}", true);
		verify("{\"personalId\":\"0011950007\",\"fullName\":\"Trịnh Thị Hoa\",\"birthDate\":\"1995-10-20\"}")
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void anOfficersReadIsLoggedToo() {
		this.client.get()
			.uri("/api/identity/citizens/" + HOA)
			.headers((headers) -> {
				headers.setBearerAuth(jwt.officer("001080001111", "PA08-HN", "01"));
				headers.set("X-Request-Id", "officer-req-00000007");
			})
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/api/identity/me/access-log")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(HOA, 2)))
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.requestId == 'officer-req-00000007')].kind")
			.isEqualTo("OFFICER_READ")
			.jsonPath("$[?(@.requestId == 'officer-req-00000007')].readerAgency")
			.isEqualTo("PA08-HN");
	}

	@Test
	void aNameDiffersByItsDiacriticsAndAPartialBirthDateMatchesAsTheRegistryHoldsIt() {
		String ha = "001150000771";
		String ngoc = "001150000772";
		if (this.registry.find(ha).block() == null) {
			this.registry.register(NewCitizens.citizen(ha, "Lê Thị Hạ", "1950", Sex.FEMALE).build()).block();
			this.registry.register(NewCitizens.citizen(ngoc, "Lê\u00a0Thị Ngọc", "1950-03", Sex.FEMALE).build()).block();
		}
		verify(body(ha, "Lê Thị Hạ", "1950")).expectBody().json("{\"match\":true}", true);
		verify(body(ha, "Lê Thị Hà", "1950")).expectBody().json("{\"match\":false}", true);
		verify(body(ha, "Lê Thị Hạ", "1950-03-12")).expectBody().json("{\"match\":false}", true);
		verify(body(ha, "Lê Thị Hạ", "1951")).expectBody().json("{\"match\":false}", true);
		verify(body(ngoc, "Lê Thị\u202fNgọc", "1950-03")).expectBody().json("{\"match\":true}", true);
		verify(body(ngoc, "Lê Thị Ngọc", "1950")).expectBody().json("{\"match\":false}", true);
		verify(body(ngoc, "Lê Thị Ngọc", "1950-04")).expectBody().json("{\"match\":false}", true);
		verify(body(ngoc, "Lê Thị Ngọc", "1950-13")).expectStatus().isBadRequest();
	}

	@Test
	void aCardReportedLostIsRefusedByTheVerificationAtOnceAndAReplacedOneToo() {
		String lan = "001192000773";
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
		java.time.LocalDate issued = today.minusYears(1);
		if (this.registry.find(lan).block() == null) {
			this.registry.register(NewCitizens.citizen(lan, "Đỗ Thị Lan", "1992-04-04", Sex.FEMALE).build()).block();
			String officer = jwt.officer("001080001111", "PC06-HN", "01");
			this.client.post()
				.uri("/api/identity/citizens/" + lan + "/identity-cards")
				.headers((headers) -> headers.setBearerAuth(officer))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"issuedOn\": \"" + issued.minusYears(3) + "\"}")
				.exchange()
				.expectStatus()
				.isCreated();
			this.client.post()
				.uri("/api/identity/citizens/" + lan + "/identity-cards")
				.headers((headers) -> headers.setBearerAuth(officer))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"issuedOn\": \"" + issued + "\"}")
				.exchange()
				.expectStatus()
				.isCreated();
		}
		String card = "{\"personalId\":\"%s\",\"fullName\":\"Đỗ Thị Lan\",\"birthDate\":\"1992-04-04\",\"cardIssuedOn\":\"%s\"}";
		verify(card.formatted(lan, issued)).expectBody().json("{\"match\":true}", true);
		// The card it replaced is no longer the one in use.
		verify(card.formatted(lan, issued.minusYears(3))).expectBody().json("{\"match\":false}", true);

		this.client.post()
			.uri("/api/identity/me/identity-card/loss-report")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(lan, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.reportedLostOn")
			.isEqualTo(today.toString());
		verify(card.formatted(lan, issued)).expectBody().json("{\"match\":false}", true);
		// Without a card the person is still the registry's.
		verify(body(lan, "Đỗ Thị Lan", "1992-04-04")).expectBody().json("{\"match\":true}", true);
		// Reported once: a second report has nothing valid left to report.
		this.client.post()
			.uri("/api/identity/me/identity-card/loss-report")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(lan, 2)))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		// A service cannot report someone's card lost.
		this.client.post()
			.uri("/api/identity/me/identity-card/loss-report")
			.headers((headers) -> headers.setBearerAuth(jwt.service("passport-service")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private static String body(String personalId, String name, String birthDate) {
		return "{\"personalId\":\"%s\",\"fullName\":\"%s\",\"birthDate\":\"%s\"}".formatted(personalId, name,
				birthDate);
	}

	private WebTestClient.ResponseSpec verify(String body) {
		return this.client.post()
			.uri("/api/identity/registry/verifications")
			.headers((headers) -> {
				headers.setBearerAuth(jwt.service("passport-service"));
				headers.set("X-Purpose", "passport application TK01");
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
