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
import vn.gov.bca.platform.dossier.registry.BirthDate;
import vn.gov.bca.platform.dossier.registry.PopulationRegistry;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry as the procedure services ask it, with platform-dossier's {@link PopulationRegistry}
 * records as the bodies sent and the answers read: a change on either side that breaks the other
 * fails here.
 */
@IntegrationTest
class RegistryContractTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final String MOTHER = "001190007711";

	private static final String CHILD = "001218007712";

	@Autowired
	private WebTestClient client;

	@Autowired
	private CitizenRegistry registry;

	@BeforeEach
	void registerFamily() {
		if (this.registry.find(CHILD).block() == null) {
			this.registry.register(NewCitizens.citizen(MOTHER, "Đỗ Thị Mai", "1990-05", Sex.FEMALE).build()).block();
			this.registry.register(NewCitizens.citizen(CHILD, "Đỗ Minh Quân", "2018-07-07", Sex.MALE)
				.parents(new Kin(null, "Đỗ Văn Hùng"), new Kin(MOTHER, "Đỗ Thị Mai"))
				.build()).block();
		}
	}

	@Test
	void aPersonCheckAsThePlatformSendsItIsAnsweredInTheRecordItReads() {
		assertThat(ask("/api/identity/registry/verifications",
				new PopulationRegistry.PersonCheck(MOTHER, "Đỗ Thị Mai", BirthDate.parse("1990-05"))))
			.isEqualTo(new PopulationRegistry.Match(true));
		assertThat(ask("/api/identity/registry/verifications",
				new PopulationRegistry.PersonCheck(MOTHER, "Đỗ Thị Mai", BirthDate.parse("1990-05-01"))))
			.isEqualTo(new PopulationRegistry.Match(false));
	}

	@Test
	void aParentCheckAsThePlatformSendsItIsAnsweredInTheRecordItReads() {
		assertThat(ask("/api/identity/registry/relations",
				new PopulationRegistry.RelationCheck(CHILD, MOTHER, PopulationRegistry.Relation.PARENT)))
			.isEqualTo(new PopulationRegistry.Match(true));
		assertThat(ask("/api/identity/registry/relations",
				new PopulationRegistry.RelationCheck(MOTHER, CHILD, PopulationRegistry.Relation.PARENT)))
			.isEqualTo(new PopulationRegistry.Match(false));
	}

	@Test
	void theMinimalDataIsReadIntoThePlatformsRecord() {
		PopulationRegistry.MinimalCitizen citizen = this.client.get()
			.uri("/api/identity/registry/citizens/" + CHILD)
			.headers((headers) -> {
				headers.setBearerAuth(jwt.service("residence-service"));
				headers.set("X-Purpose", "contract test");
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PopulationRegistry.MinimalCitizen.class)
			.returnResult()
			.getResponseBody();
		assertThat(citizen.personalId()).isEqualTo(CHILD);
		assertThat(citizen.fullName()).isEqualTo("Đỗ Minh Quân");
		assertThat(citizen.birthDate()).isEqualTo(BirthDate.parse("2018-07-07"));
		assertThat(citizen.sex()).isEqualTo(vn.gov.bca.platform.dossier.registry.Sex.MALE);
		assertThat(citizen.lifeStatus()).isEqualTo(PopulationRegistry.LifeStatus.ALIVE);
		assertThat(citizen.permanentAddress().provinceCode()).isNotBlank();
	}

	private PopulationRegistry.Match ask(String uri, Object question) {
		return this.client.post()
			.uri(uri)
			.headers((headers) -> {
				headers.setBearerAuth(jwt.service("passport-service"));
				headers.set("X-Purpose", "contract test");
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(question)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PopulationRegistry.Match.class)
			.returnResult()
			.getResponseBody();
	}

}
