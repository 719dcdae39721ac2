package vn.gov.bca.identity.registry;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/** Households, corrections, deaths and identity cards through the API, with their events. */
@IntegrationTest
class CitizenChangeTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final String NAM = "001080000303";

	private static final String HA = "001185000404";

	private static final String KHOI = "001212000505";

	private static final String NEIGHBOUR = "001090000606";

	@Autowired
	private WebTestClient client;

	@Autowired
	private vn.gov.bca.identity.privacy.Pseudonyms pseudonyms;

	@Autowired
	private CitizenRegistry registry;

	private final String officer = jwt.officer("001080001111", "PA08-HN", "01");

	@BeforeEach
	void enterAFamilyAndANeighbour() {
		enter(NewCitizens.citizen(NAM, "Trần Văn Nam", "1980-02-11", Sex.MALE)
			.inHousehold("HN-2024-000123", NAM, Household.Relation.HEAD)
			.spouse(new Kin(HA, "Nguyễn Thị Hà")));
		enter(NewCitizens.citizen(HA, "Nguyễn Thị Hà", "1985-06-30", Sex.FEMALE)
			.inHousehold("HN-2024-000123", NAM, Household.Relation.SPOUSE)
			.spouse(new Kin(NAM, "Trần Văn Nam")));
		enter(NewCitizens.citizen(KHOI, "Trần Minh Khôi", "2012-08-08", Sex.MALE)
			.inHousehold("HN-2024-000123", NAM, Household.Relation.CHILD)
			.parents(new Kin(NAM, "Trần Văn Nam"), new Kin(HA, "Nguyễn Thị Hà")));
		enter(NewCitizens.citizen(NEIGHBOUR, "Phạm Văn Bình", "1990-01-01", Sex.MALE)
			.inHousehold("HN-2024-000124", NEIGHBOUR, Household.Relation.HEAD));
	}

	@Test
	void aLevelOneAccountSeesASummaryOfItsRecordAndNeitherHouseholdNorAccessLog() {
		this.client.get()
			.uri("/api/identity/me")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(KHOI, 1)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.fullName")
			.isEqualTo("Trần Minh Khôi")
			.jsonPath("$.birthDate")
			.isEqualTo("2012-08-08")
			.jsonPath("$.personalId")
			.isEqualTo(KHOI.substring(0, 3) + "*****" + KHOI.substring(8))
			.jsonPath("$.provinceCode")
			.isEqualTo("01")
			.jsonPath("$.fullRecordFromLevel")
			.isEqualTo(2)
			.jsonPath("$.permanentAddress")
			.doesNotExist()
			.jsonPath("$.household")
			.doesNotExist()
			.jsonPath("$.father")
			.doesNotExist()
			.jsonPath("$.identityCards")
			.doesNotExist();
		this.client.get()
			.uri("/api/identity/me/household")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(KHOI, 1)))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.value((type) -> assertThat(type.toString()).endsWith("identity-level-required"));
		this.client.get()
			.uri("/api/identity/me/access-log")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(KHOI, 1)))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/api/identity/me")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(KHOI, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.personalId")
			.isEqualTo(KHOI)
			.jsonPath("$.household.householdId")
			.isEqualTo("HN-2024-000123");
	}

	@Test
	void aCitizenSeesTheirHouseholdsNamesRelationsAndBirthYearsOnly() {
		this.client.get()
			.uri("/api/identity/me/household")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(KHOI, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.householdId")
			.isEqualTo("HN-2024-000123")
			.jsonPath("$.members.length()")
			.isEqualTo(3)
			.jsonPath("$.members[0].fullName")
			.isEqualTo("Trần Văn Nam")
			.jsonPath("$.members[0].relationToHead")
			.isEqualTo("HEAD")
			.jsonPath("$.members[0].birthYear")
			.isEqualTo(1980)
			.jsonPath("$.members[?(@.fullName == 'Phạm Văn Bình')]")
			.doesNotExist()
			.jsonPath("$.members[0].personalId")
			.doesNotExist()
			.jsonPath("$.members[0].birthDate")
			.doesNotExist();
	}

	@Test
	void aCitizenWithoutAHouseholdGetsNotFound() {
		this.client.get()
			.uri("/api/identity/me/household")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001099000777", 2)))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aCorrectionIsSavedAndItsEventNamesTheFieldsOnly() {
		this.client.patch()
			.uri("/api/identity/citizens/" + NEIGHBOUR)
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"temporaryAddress": {"provinceCode": "79", "commune": "Phường Bến Thành", "detail": "45 Lê Thánh Tôn"},
					 "religion": "Phật giáo"}""")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.temporaryAddress.commune")
			.isEqualTo("Phường Bến Thành")
			.jsonPath("$.religion")
			.isEqualTo("Phật giáo");

		List<ConsumerRecord<String, String>> changed = TopicReader.await(
				TestInfrastructure.get().kafkaBootstrapServers(), "identity.events.v1",
				(record) -> this.pseudonyms.of(NEIGHBOUR).equals(record.key())
						&& "vn.gov.bca.identity.CitizenChanged".equals(TopicReader.header(record, "ce_type")),
				1, Duration.ofSeconds(20));
		assertThat(changed.get(0).value()).contains("temporaryAddress")
			.contains("religion")
			.doesNotContain("Bến Thành")
			.doesNotContain("Phật");
		EventSchemaAssertions.assertValid(changed);
	}

	@Test
	void anUnknownProvinceInACorrectionIsRefusedAndNothingChanges() {
		this.client.patch()
			.uri("/api/identity/citizens/" + NEIGHBOUR)
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"permanentAddress": {"provinceCode": "99"}}""")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("permanentAddress.provinceCode");
		assertThat(this.registry.find(NEIGHBOUR).block().permanentAddress().provinceCode()).isEqualTo("01");
	}

	@Test
	void aCitizenCannotCorrectTheirOwnRecord() {
		this.client.patch()
			.uri("/api/identity/citizens/" + NEIGHBOUR)
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(NEIGHBOUR, 2)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"fullName": "Phạm Văn Bảo"}""")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void anIdentityCardIsIssuedWithItsLegalExpiryAndADeathShowsInTheServiceLookup() {
		String dead = "001050000707";
		enter(NewCitizens.citizen(dead, "Đỗ Văn Thành", "1950-03-03", Sex.MALE));

		this.client.post()
			.uri("/api/identity/citizens/" + dead + "/identity-cards")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"issuedOn": "2021-04-10"}""")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.number")
			.isEqualTo(dead)
			.jsonPath("$.expiresOn")
			.doesNotExist();

		this.client.post()
			.uri("/api/identity/citizens/" + dead + "/death")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"dateOfDeath": "2026-03-01"}""")
			.exchange()
			.expectStatus()
			.isOk();

		this.client.post()
			.uri("/api/identity/citizens/" + dead + "/death")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"dateOfDeath": "2026-03-02"}""")
			.exchange()
			.expectStatus()
			.isEqualTo(409);

		this.client.get()
			.uri("/api/identity/registry/citizens/" + dead)
			.headers((headers) -> {
				headers.setBearerAuth(jwt.service("residence-service"));
				headers.set("X-Purpose", "residence deregistration");
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.lifeStatus")
			.isEqualTo("DECEASED")
			.jsonPath("$.dateOfDeath")
			.isEqualTo("2026-03-01");
	}

	private void enter(NewCitizens citizen) {
		Citizen.NewCitizen data = citizen.build();
		if (this.registry.find(data.personalId()).block() == null) {
			this.registry.register(data).block();
		}
	}

}
