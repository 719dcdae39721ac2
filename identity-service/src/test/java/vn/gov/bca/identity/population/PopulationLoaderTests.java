package vn.gov.bca.identity.population;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.platform.data.bulk.BulkLoad;
import vn.gov.bca.platform.data.bulk.BulkLoader;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestPropertySource(properties = "vneid.identity.population.synthetic-size=" + PopulationLoaderTests.SIZE)
class PopulationLoaderTests {

	static final int SIZE = 3_000;

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final long SEED = SyntheticPopulation.DEFAULT_SEED;

	private static final DemoCitizens DEMO = DemoCitizens.load();

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private PopulationLoader loader;

	private final String admin = jwt.token().personalId("001082004444").identityLevel(2).roles("admin").sign();

	@BeforeEach
	void waitUntilTheStartLoadIsDone() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		PopulationLoader.Status status = status();
		while (status.running() || status.loads().isEmpty() || status.loads().get(0).completedAt() == null) {
			assertThat(Instant.now()).as("the load is still not done: %s", status).isBefore(deadline);
			Thread.sleep(200);
			status = status();
		}
	}

	@Test
	void theDemoCitizensAndTheSyntheticPopulationAreLoadedAtStart() {
		assertThat(citizens()).isEqualTo(SIZE + DEMO.citizens().size());
		BulkLoad load = marker();
		assertThat(load.id()).isEqualTo("synthetic-population:" + SEED);
		assertThat(load.size()).isEqualTo(SIZE);
		assertThat(load.loaded()).isEqualTo(SIZE);
		assertThat(load.inserted()).isEqualTo(SIZE);
		assertThat(load.completedAt()).isNotNull();
	}

	@Test
	void anOfficerReadsASyntheticCitizenLikeAnyOther() {
		Citizen.NewCitizen expected = SyntheticPopulation.of(SEED, DEMO.personalIds()).citizens(1_234, 1_235).get(0);
		this.client.get()
			.uri("/api/identity/citizens/" + expected.personalId())
			// An officer of the citizen's province (officers read only their own province's records).
			.headers((headers) -> headers.setBearerAuth(
					jwt.officer("001080001111", "PA08", expected.permanentAddress().provinceCode())))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.fullName")
			.isEqualTo(expected.fullName())
			.jsonPath("$.birthDate")
			.isEqualTo(expected.birthDate().toString())
			.jsonPath("$.household.householdId")
			.isEqualTo(expected.household().householdId())
			.jsonPath("$.permanentAddress.commune")
			.isEqualTo(expected.permanentAddress().commune())
			.jsonPath("$.lifeStatus")
			.isEqualTo("ALIVE");
	}

	@Test
	void aDemoUserFindsTheirRecordAndTheirHousehold() {
		String an = jwt.citizen(DEMO.personalIdOf("nguyenvanan"), 2);
		this.client.get()
			.uri("/api/identity/me")
			.headers((headers) -> headers.setBearerAuth(an))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.fullName")
			.isEqualTo("Nguyễn Văn An")
			.jsonPath("$.permanentAddress.commune")
			.isEqualTo("Phường Ba Đình");
		this.client.get()
			.uri("/api/identity/me/household")
			.headers((headers) -> headers.setBearerAuth(an))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.members.length()")
			.isEqualTo(3)
			.jsonPath("$.members[0].fullName")
			.isEqualTo("Nguyễn Văn An")
			.jsonPath("$.members[0].relationToHead")
			.isEqualTo("HEAD");
	}

	@Test
	void aSecondLoadOfTheSameSizeDoesNothing() {
		BulkLoad before = marker();
		assertThat(this.loader.load().block()).isZero();
		assertThat(citizens()).isEqualTo(SIZE + DEMO.citizens().size());
		assertThat(marker()).isEqualTo(before);
	}

	@Test
	void aLoadCutShortGoesOnFromItsMarkerAndSkipsWhatIsAlreadyThere() {
		// As if the service had stopped while writing the batch after citizen 2,000: 2,000 to 2,499 are in.
		List<String> lost = SyntheticPopulation.of(SEED, DEMO.personalIds())
			.citizens(2_500, SIZE)
			.stream()
			.map(Citizen.NewCitizen::personalId)
			.toList();
		this.mongo.remove(Query.query(Criteria.where("_id").in(lost)), CitizenRegistry.COLLECTION).block();
		BulkLoad complete = marker();
		BulkLoad cutShort = new BulkLoad(complete.id(), SIZE, 2_000, 2_000, complete.startedAt(), Instant.now(),
				null);
		this.mongo.save(cutShort, BulkLoader.LOADS).block();

		assertThat(this.loader.load().block()).isEqualTo(lost.size());

		assertThat(citizens()).isEqualTo(SIZE + DEMO.citizens().size());
		BulkLoad resumed = marker();
		assertThat(resumed.loaded()).isEqualTo(SIZE);
		assertThat(resumed.inserted()).isEqualTo(2_000 + lost.size());
		assertThat(resumed.completedAt()).isNotNull();
		this.mongo.save(complete, BulkLoader.LOADS).block();
	}

	@Test
	void onlyAnAdministratorSeesTheLoads() {
		this.client.get()
			.uri("/api/identity/population")
			.headers((headers) -> headers.setBearerAuth(jwt.officer("001080001111", "PA08-HN", "01")))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/api/identity/population")
			.headers((headers) -> headers.setBearerAuth(this.admin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.running")
			.isEqualTo(false)
			.jsonPath("$.syntheticSize")
			.isEqualTo(SIZE)
			.jsonPath("$.loads[0].id")
			.isEqualTo("synthetic-population:" + SEED)
			.jsonPath("$.loads[0].loaded")
			.isEqualTo(SIZE);
	}

	private PopulationLoader.Status status() {
		return this.client.get()
			.uri("/api/identity/population")
			.headers((headers) -> headers.setBearerAuth(this.admin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PopulationLoader.Status.class)
			.returnResult()
			.getResponseBody();
	}

	private BulkLoad marker() {
		return this.mongo.findById(PopulationLoader.loadName(SEED), BulkLoad.class, BulkLoader.LOADS).block();
	}

	private long citizens() {
		return this.mongo.count(new Query(), CitizenRegistry.COLLECTION).block();
	}

}
