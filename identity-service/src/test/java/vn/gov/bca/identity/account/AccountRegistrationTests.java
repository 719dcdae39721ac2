package vn.gov.bca.identity.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.NewCitizens;
import vn.gov.bca.identity.registry.Sex;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account rules that hold whatever Keycloak does, with Keycloak unreachable (nothing listens on
 * the admin address): refusals never reach it and write nothing, an outage refuses a registration
 * cleanly, and an officer's change is kept and published, to be applied later. The journeys with
 * a real Keycloak are in the system tests.
 */
@IntegrationTest
@TestPropertySource(properties = { "vneid.clients.keycloak-admin.base-url=http://127.0.0.1:9/admin/realms/vneid",
		"vneid.clients.keycloak-admin.timeout=1s" })
class AccountRegistrationTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final String THU = "001195000808";

	private static final String LONG = "001088000909";

	@Autowired
	private WebTestClient client;

	@Autowired
	private CitizenRegistry registry;

	@Autowired
	private ReactiveMongoTemplate mongo;

	private final String officer = jwt.officer("001080001111", "PA08-HN", "01");

	@BeforeEach
	void enterCitizens() {
		if (this.registry.find(THU).block() == null) {
			this.registry.register(NewCitizens.citizen(THU, "Lê Thị Thu", "1995-12-01", Sex.FEMALE).build()).block();
		}
		if (this.registry.find(LONG).block() == null) {
			this.registry.register(NewCitizens.citizen(LONG, "Võ Văn Long", "1988-07-07", Sex.MALE).build()).block();
			this.mongo.insert(Account.adopted(LONG, "kc-long", 1, true, "long@example.vn", Instant.now()),
					AccountService.COLLECTION).block();
		}
	}

	@Test
	void aRegistrationThatDoesNotMatchTheRegistryIsRefusedWithoutSayingWhy() {
		register(THU, "Lê Thị Thủy", "1995-12-01").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Thông tin đăng ký (số định danh cá nhân, họ tên, ngày sinh) không khớp với Cơ sở dữ liệu quốc gia về dân cư.");
		register("001195000000", "Lê Thị Thu", "1995-12-01").expectStatus().isEqualTo(422);
		assertThat(this.mongo.count(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(THU)), AccountService.COLLECTION)
			.block()).isZero();
	}

	@Test
	void malformedRegistrationsAreRefusedFieldByField() {
		this.client.post()
			.uri("/api/identity/public/accounts")
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"personalId": "00119500080", "fullName": "Lê Thị Thu", "birthDate": "1995-02-30x",
					 "phone": "09123abc78", "email": "not-an-email", "password": "short"}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(5);
	}

	@Test
	void keycloakUnreachableRefusesTheRegistrationAndLeavesNothing() {
		register(THU, "le thi thu", "1995-12-01").expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mongo.findById(THU, Account.class, AccountService.COLLECTION).block()).isNull();
	}

	@Test
	void aSecondRegistrationForTheSameNumberIsAConflict() {
		register(LONG, "Võ Văn Long", "1988-07-07").expectStatus().isEqualTo(409);
	}

	@Test
	void anOfficersLockIsKeptAndPublishedWhileKeycloakIsDownAndAppliedLater() {
		this.client.post()
			.uri("/api/identity/accounts/" + LONG + "/lock")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"reason": "LOST_DEVICE", "note": "Công dân báo mất điện thoại"}""")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("LOCKED")
			.jsonPath("$.appliedToAccountStore")
			.isEqualTo(false);

		List<ConsumerRecord<String, String>> locked = TopicReader.await(
				TestInfrastructure.get().kafkaBootstrapServers(), "identity.events.v1",
				(record) -> LONG.equals(record.key())
						&& "vn.gov.bca.identity.AccountLocked".equals(TopicReader.header(record, "ce_type")),
				1, Duration.ofSeconds(20));
		assertThat(locked.get(0).value()).contains("LOST_DEVICE").doesNotContain("điện thoại");

		this.client.post()
			.uri("/api/identity/accounts/" + LONG + "/lock")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"reason": "FRAUD_SUSPECTED"}""")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("LOCKED");
	}

	@Test
	void levelTwoIsRequestedByTheCitizenAndApprovedOnlyByAnOfficerWhoseCheckMatched() {
		String lan = "001196001010";
		this.registry.register(NewCitizens.citizen(lan, "Hồ Thị Lan", "1996-04-04", Sex.FEMALE).build()).block();
		this.mongo.insert(Account.adopted(lan, "kc-lan", 1, true, "lan@example.vn", Instant.now()),
				AccountService.COLLECTION).block();
		String failedCheck = """
				{"documentChecked": "Căn cước 001196001010", "faceMatched": true, "fingerprintsMatched": false}""";
		String check = """
				{"documentChecked": "Căn cước 001196001010", "faceMatched": true, "fingerprintsMatched": true}""";

		approve(lan, check, this.officer).expectStatus().isEqualTo(409);

		this.client.post()
			.uri("/api/identity/me/account/level-2-request")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(lan, 1)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.level2Request.requestedAt")
			.exists();

		approve(lan, check, jwt.citizen(lan, 1)).expectStatus().isForbidden();
		approve(lan, failedCheck, this.officer).expectStatus().isBadRequest();
		approve(lan, check, this.officer).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.identityLevel")
			.isEqualTo(2)
			.jsonPath("$.level2Request.verifyingAgency")
			.isEqualTo("PA08-HN");

		List<ConsumerRecord<String, String>> raised = TopicReader.await(
				TestInfrastructure.get().kafkaBootstrapServers(), "identity.events.v1",
				(record) -> lan.equals(record.key())
						&& "vn.gov.bca.identity.AccountLevelRaised".equals(TopicReader.header(record, "ce_type")),
				1, Duration.ofSeconds(20));
		assertThat(raised.get(0).value()).contains("\"toLevel\":2");
	}

	private WebTestClient.ResponseSpec approve(String personalId, String body, String token) {
		return this.client.post()
			.uri("/api/identity/accounts/" + personalId + "/level-2-approval")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec register(String personalId, String name, String birthDate) {
		return this.client.post()
			.uri("/api/identity/public/accounts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"personalId": "%s", "fullName": "%s", "birthDate": "%s",
					 "phone": "0912345678", "email": "%s@example.vn", "password": "Vneid@2026!"}"""
				.formatted(personalId, name, birthDate, personalId))
			.exchange();
	}

}
