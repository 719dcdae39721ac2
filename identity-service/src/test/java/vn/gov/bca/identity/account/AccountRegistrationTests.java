package vn.gov.bca.identity.account;

import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.identity.privacy.Pseudonyms;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.NewCitizens;
import vn.gov.bca.identity.registry.Sex;
import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account rules that hold whatever Keycloak does, with Keycloak unreachable (nothing listens on
 * the admin address): an outage refuses a confirmed registration cleanly, an officer's change is
 * kept and published, to be applied later, and officers act only on accounts of their province
 * and never lock staff. The two-step registration is in {@link TwoStepRegistrationTests}; the
 * journeys with a real Keycloak are in the system tests.
 */
@IntegrationTest
@TestPropertySource(properties = { "vneid.clients.keycloak-admin.base-url=http://127.0.0.1:9/admin/realms/vneid",
		"vneid.clients.keycloak-admin.timeout=1s" })
class AccountRegistrationTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final String THU = "001195000808";

	private static final String LONG = "001088000909";

	/** An officer of Hà Nội with an account: only an administrator may lock them. */
	private static final String CANBO = "001087000808";

	@TempDir
	static Path sink;

	@DynamicPropertySource
	static void notificationSink(DynamicPropertyRegistry registry) {
		registry.add("vneid.notifications.dev-sink-dir", () -> sink.toString());
	}

	@Autowired
	private Pseudonyms pseudonyms;

	private final String officerOfHcm = jwt.officer("079187002222", "PA08-HCM", "79");

	private final String admin = jwt.token().personalId("001082004444").identityLevel(2).roles("admin").sign();

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
			this.registry.register(NewCitizens.citizen(THU, "Lê Thị Thu", "1995-12-01", Sex.FEMALE)
				.contact("0912000808", null)
				.build()).block();
		}
		if (this.registry.find(LONG).block() == null) {
			this.registry.register(NewCitizens.citizen(LONG, "Võ Văn Long", "1988-07-07", Sex.MALE).build()).block();
			this.mongo.insert(Account.adopted(LONG, "kc-long", 1, true, "long@example.vn", Set.of("citizen"),
					Instant.now()), AccountService.COLLECTION).block();
		}
		if (this.registry.find(CANBO).block() == null) {
			this.registry.register(NewCitizens.citizen(CANBO, "Đinh Văn Cán", "1987-02-02", Sex.MALE).build()).block();
			this.mongo.insert(Account.adopted(CANBO, "kc-canbo", 2, true, "canbo@example.vn",
					Set.of("officer", "citizen"), Instant.now()), AccountService.COLLECTION).block();
		}
	}

	@Test
	void keycloakUnreachableRefusesTheConfirmedRegistrationAndLeavesNothing() {
		String registrationId = this.client.post()
			.uri("/api/identity/public/account-registrations")
			.header("X-Forwarded-For", "203.0.113.90")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"personalId": "%s", "fullName": "Lê Thị Thu", "birthDate": "1995-12-01"}""".formatted(THU))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(RegistrationService.Started.class)
			.returnResult()
			.getResponseBody()
			.registrationId();
		String code = TwoStepRegistrationTests.awaitCode(sink, "0912000808");
		this.client.post()
			.uri("/api/identity/public/account-registrations/" + registrationId + "/confirmation")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"code": "%s", "password": "Vneid@2026!"}""".formatted(code))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mongo.findById(THU, Account.class, AccountService.COLLECTION).block()).isNull();
	}

	@Test
	void officersOutsideTheCitizensProvinceGetNotFoundForEveryAccountAction() {
		this.client.get()
			.uri("/api/identity/accounts/" + LONG)
			.headers((headers) -> headers.setBearerAuth(this.officerOfHcm))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get()
			.uri("/api/identity/accounts/" + LONG)
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isOk();
		for (String action : List.of("lock", "unlock", "level-2-approval")) {
			String body = action.equals("level-2-approval")
					? "{\"documentChecked\": \"Căn cước\", \"faceMatched\": true, \"fingerprintsMatched\": true}"
					: "{\"reason\": \"FRAUD_SUSPECTED\"}";
			this.client.post()
				.uri("/api/identity/accounts/" + LONG + "/" + action)
				.headers((headers) -> headers.setBearerAuth(this.officerOfHcm))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.detail")
				.isEqualTo("Không tìm thấy tài khoản định danh điện tử.");
		}
		assertThat(this.mongo.findById(LONG, Account.class, AccountService.COLLECTION).block().status())
			.isIn(Account.Status.ACTIVE, Account.Status.LOCKED);
	}

	@Test
	void anOfficerCannotLockAnotherOfficerAnAdministratorCan() {
		lock(CANBO, this.officer).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Chỉ quản trị viên mới được khóa hoặc mở khóa tài khoản của cán bộ.");
		assertThat(this.mongo.findById(CANBO, Account.class, AccountService.COLLECTION).block().status())
			.isEqualTo(Account.Status.ACTIVE);
		lock(CANBO, this.admin).expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("LOCKED");
		this.client.post()
			.uri("/api/identity/accounts/" + CANBO + "/unlock")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private WebTestClient.ResponseSpec lock(String personalId, String token) {
		return this.client.post()
			.uri("/api/identity/accounts/" + personalId + "/lock")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"reason": "FRAUD_SUSPECTED"}""")
			.exchange();
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
				(record) -> this.pseudonyms.of(LONG).equals(record.key())
						&& "vn.gov.bca.identity.AccountLocked".equals(TopicReader.header(record, "ce_type")),
				1, Duration.ofSeconds(20));
		assertThat(locked.get(0).value()).contains("LOST_DEVICE").doesNotContain("điện thoại").doesNotContain(LONG);
		EventSchemaAssertions.assertValid(locked);
		assertThat(locked.get(0).key()).doesNotContain(LONG);
		assertThat(TopicReader.header(locked.get(0), "ce_subject")).isEqualTo(this.pseudonyms.of(LONG));

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
		this.mongo.insert(Account.adopted(lan, "kc-lan", 1, true, "lan@example.vn", Set.of("citizen"), Instant.now()),
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
				(record) -> this.pseudonyms.of(lan).equals(record.key())
						&& "vn.gov.bca.identity.AccountLevelRaised".equals(TopicReader.header(record, "ce_type")),
				1, Duration.ofSeconds(20));
		assertThat(raised.get(0).value()).contains("\"toLevel\":2");
		EventSchemaAssertions.assertValid(raised);
	}

	private WebTestClient.ResponseSpec approve(String personalId, String body, String token) {
		return this.client.post()
			.uri("/api/identity/accounts/" + personalId + "/level-2-approval")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
