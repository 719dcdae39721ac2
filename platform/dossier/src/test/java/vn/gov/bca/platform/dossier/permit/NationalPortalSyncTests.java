package vn.gov.bca.platform.dossier.permit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.nationalportalsandbox.Mode;
import vn.gov.bca.nationalportalsandbox.NationalPortalSandbox;
import vn.gov.bca.nationalportalsandbox.Settings;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.ServiceStubs;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;
import vn.gov.bca.platform.web.time.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The national portal sync of a procedure service ({@link PermitWorkflowApplication}, under its own
 * domain so that no other test's dossiers reach it) against the portal's sandbox in this JVM: real
 * Kafka and MongoDB. Statuses arrive once and in order, also across a time the portal is down or
 * its session ended; what it refuses is dead-lettered with the dossier's later updates held behind,
 * until an administrator's retry; the reconciliation repairs a difference made at the portal; the
 * catalogue is published; the portal's lookup shows no personal data.
 */
@IntegrationTest
class NationalPortalSyncTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final ServiceStubs services = new ServiceStubs();

	private static final NationalPortalSandbox portal = NationalPortalSandbox.start(Settings.forTests());

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final String PATH = "/api/permit-sync";

	@Autowired
	private WebTestClient client;

	private final String officer = jwt.officer("001080001111", "CAP-HK-HN", "01");

	@DynamicPropertySource
	static void service(DynamicPropertyRegistry registry) {
		PermitWorkflowApplication.properties(registry, "permit-sync", services);
		PermitWorkflowApplication.nationalPortal(registry, portal);
		registry.add("vneid.national-portal.first-retry", () -> "200ms");
		registry.add("vneid.national-portal.longest-retry", () -> "1s");
	}

	@AfterEach
	void portalAnswersAgain() {
		portal.setMode(Mode.NORMAL, Duration.ZERO);
	}

	@AfterAll
	static void stop() {
		services.close();
		portal.close();
	}

	@Test
	void everyStatusReachesThePortalOnceAndInOrderAlsoWhenItWasDownMeanwhile() throws Exception {
		String holder = "001190456801";
		String code = submit(holder);
		act(code, "accept", this.officer, null);
		awaitHistory(code, List.of("1", "2"));

		portal.setMode(Mode.DOWN, Duration.ZERO);
		act(code, "approve", this.officer, null);
		act(code, "return", this.officer, "{\"method\": \"PICKED_UP\"}");
		// The update waits, and its state says why.
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> syncState(code)
			.jsonPath("$.state").isEqualTo("WAITING")
			.jsonPath("$.lastStatus").isEqualTo("2")
			.jsonPath("$.lastError").value((error) -> assertThat((String) error).contains("HTTP 503")));
		Thread.sleep(1500);
		assertThat(history(code)).containsExactly("1", "2");

		portal.setMode(Mode.NORMAL, Duration.ZERO);
		awaitHistory(code, List.of("1", "2", "9", "10"));
		// Each progress entry once: submit, accept, process, return (the last one's update follows
		// the status it brings, a moment later).
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				(List<String>) JsonPath.read(sandbox("/sandbox/dossiers/" + code), "$.TienDoXuLy[*].TrangThai"))
			.containsExactly("1", "2", "9", "10"));
		String held = sandbox("/sandbox/dossiers/" + code);
		assertThat((String) JsonPath.read(held, "$.MaTTHC")).isEqualTo("9.000001");
		assertThat((String) JsonPath.read(held, "$.ChuHoSo")).isEqualTo("Trần Văn Phép");
		assertThat((String) JsonPath.read(held, "$.MaDonViXuLy")).isEqualTo("CAP-HK-HN");
		assertThat((String) JsonPath.read(held, "$.NgayTra")).matches("[0-9]{14}");
		assertThat((String) JsonPath.read(held, "$.HinhThuc")).isEqualTo("0");
		List<String> steps = JsonPath.read(held, "$.TienDoXuLy[*].TrangThai");
		assertThat(steps).containsExactly("1", "2", "9", "10");
		syncState(code)
			.jsonPath("$.state").isEqualTo("IN_STEP")
			.jsonPath("$.lastStatus").isEqualTo("10")
			.jsonPath("$.attempts").isEqualTo(0);
	}

	@Test
	void aSessionThePortalEndedIsRenewed() throws Exception {
		String code = submit("001190456802");
		awaitHistory(code, List.of("1"));
		assertThat(portal.expireSessions()).isPositive();
		act(code, "accept", this.officer, null);
		awaitHistory(code, List.of("1", "2"));
	}

	@Test
	void whatThePortalRefusesIsDeadLetteredAndWaitsWithWhatFollowsForTheAdministrator() throws Exception {
		String code = submit("001190456803");
		awaitHistory(code, List.of("1"));
		sandboxPost("/sandbox/dossiers/" + code + "/refusal", "{\"refuse\": true}");
		act(code, "accept", this.officer, null);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> this.client.get()
			.uri(PATH + "/admin/national-portal/dead-letters")
			.headers((headers) -> headers.setBearerAuth(jwt.admin()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.code == '" + code + "')].lastError")
			.value((errors) -> assertThat(errors.toString()).contains("error_code 2", "bị từ chối")));
		act(code, "approve", this.officer, null);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> syncState(code)
			.jsonPath("$.state").isEqualTo("DEAD_LETTERED")
			.jsonPath("$.held[*].type").isEqualTo(List.of("DossierAccepted", "DossierProcessed")));
		var dead = TopicReader.await(TestInfrastructure.get().kafkaBootstrapServers(), "permit-sync.events.v1.permit-service.national-portal-sync.dlt",
				(record) -> code.equals(record.key()), 1, Duration.ofSeconds(20));
		assertThat(dead).hasSize(1);
		assertThat(TopicReader.header(dead.get(0), "ce_type")).endsWith("DossierAccepted");
		assertThat(TopicReader.header(dead.get(0), "x-national-portal-error")).contains("error_code 2");
		assertThat(history(code)).containsExactly("1");

		// An officer may not retry; the retry while the portal still refuses changes nothing.
		this.client.post()
			.uri(PATH + "/admin/national-portal/dead-letters/" + code + "/retry")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isForbidden();
		retry(code).expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("DEAD_LETTERED");

		sandboxPost("/sandbox/dossiers/" + code + "/refusal", "{\"refuse\": false}");
		retry(code).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state").isEqualTo("IN_STEP")
			.jsonPath("$.lastStatus").isEqualTo("9")
			.jsonPath("$.held.length()").isEqualTo(0);
		assertThat(history(code)).containsExactly("1", "2", "9");
		retry(code).expectStatus().isEqualTo(409);
		// What comes next goes straight through again.
		act(code, "return", this.officer, "{\"method\": \"POSTED\"}");
		awaitHistory(code, List.of("1", "2", "9", "10"));
	}

	@Test
	void anEventClaimingAStatusTheDossierNeverHadIsNotSent() throws Exception {
		String code = submit("001190456806");
		awaitHistory(code, List.of("1"));
		String id = java.util.UUID.randomUUID().toString();
		String now = java.time.Instant.now().toString();
		var record = new org.apache.kafka.clients.producer.ProducerRecord<String, String>("permit-sync.events.v1", code,
				"""
						{"eventId": "%s", "occurredAt": "%s", "aggregateId": "%s", "procedureCode": "SAMPLE-01", "status": "PROCESSED"}"""
					.formatted(id, now, code));
		record.headers().add("ce_id", id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		record.headers().add("ce_type", "vn.gov.bca.permit-sync.DossierProcessed".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		record.headers().add("ce_time", now.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(java.util.Map.of(
				"bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(), "key.serializer",
				org.apache.kafka.common.serialization.StringSerializer.class, "value.serializer",
				org.apache.kafka.common.serialization.StringSerializer.class))) {
			producer.send(record).get();
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> syncState(code)
			.jsonPath("$.state").isEqualTo("DEAD_LETTERED")
			.jsonPath("$.lastError").value((error) -> assertThat((String) error).contains("was not PROCESSED")));
		assertThat(history(code)).containsExactly("1");

		// The retry cannot send it; the administrator skips it by its id, and what follows goes on.
		retry(code).expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("DEAD_LETTERED");
		act(code, "accept", this.officer, null);
		skip(code, java.util.UUID.randomUUID().toString()).expectStatus().isEqualTo(409);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> syncState(code)
			.jsonPath("$.held.length()").isEqualTo(2));
		skip(code, id).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state").isEqualTo("IN_STEP")
			.jsonPath("$.lastStatus").isEqualTo("2");
		assertThat(history(code)).containsExactly("1", "2");
	}

	private WebTestClient.ResponseSpec skip(String code, String eventId) {
		return this.client.post()
			.uri(PATH + "/admin/national-portal/dead-letters/" + code + "/held/" + eventId + "/skip")
			.headers((headers) -> headers.setBearerAuth(jwt.admin()))
			.exchange();
	}

	@Test
	void theReconciliationRepairsADifferenceMadeAtThePortal() throws Exception {
		String code = submit("001190456804");
		act(code, "accept", this.officer, null);
		awaitHistory(code, List.of("1", "2"));
		sandboxPost("/sandbox/dossiers/" + code + "/status", "{\"TrangThaiHoSo\": \"3\"}");
		String today = VietnamTime.today(java.time.Clock.systemUTC()).toString();

		this.client.post()
			.uri(PATH + "/admin/national-portal/reconciliations/" + today)
			.headers((headers) -> headers.setBearerAuth(jwt.admin()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.differences[?(@.code == '" + code + "')].field").isEqualTo(List.of("TrangThaiHoSo"))
			.jsonPath("$.differences[?(@.code == '" + code + "')].ours").isEqualTo(List.of("2"))
			.jsonPath("$.differences[?(@.code == '" + code + "')].theirs").isEqualTo(List.of("3"))
			.jsonPath("$.differences[?(@.code == '" + code + "')].repaired").isEqualTo(List.of(true));
		assertThat((String) JsonPath.read(sandbox("/sandbox/dossiers/" + code), "$.TrangThaiHoSo")).isEqualTo("2");
		// The report is kept; a day to come has none.
		this.client.get()
			.uri(PATH + "/admin/national-portal/reconciliations/" + today)
			.headers((headers) -> headers.setBearerAuth(jwt.admin()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.checked").value((checked) -> assertThat((Integer) checked).isPositive());
		this.client.post()
			.uri(PATH + "/admin/national-portal/reconciliations/" + LocalDate.parse(today).plusDays(2))
			.headers((headers) -> headers.setBearerAuth(jwt.admin()))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
	}

	@Test
	void theCatalogueIsPublished() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(sandbox("/sandbox/procedures")).contains("9.000001", "9.000002", "TEST-LV"));
		this.client.get()
			.uri(PATH + "/admin/national-portal/catalogue")
			.headers((headers) -> headers.setBearerAuth(jwt.admin()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.procedures").isEqualTo(2)
			.jsonPath("$.error").doesNotExist();
	}

	@Test
	void thePortalsLookupShowsTheStatusesAndNoPersonalData() {
		String holder = "001190456805";
		String code = submit(holder);
		act(code, "accept", this.officer, null);
		String body = this.client.get()
			.uri(PATH + "/national-portal/dossiers/" + code)
			.headers((headers) -> headers.setBearerAuth(jwt.nationalPortal()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("2");
		assertThat((String) JsonPath.read(body, "$.statusName")).isEqualTo("Được tiếp nhận");
		assertThat((List<String>) JsonPath.read(body, "$.steps[*].status")).containsExactly("1", "2");
		assertThat(body).doesNotContain(holder, "Trần Văn Phép", "001080001111", "Kinh doanh");

		this.client.get()
			.uri(PATH + "/national-portal/dossiers/" + code)
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(holder, 2)))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri(PATH + "/national-portal/dossiers/CAP-HK-HN-991231-9999")
			.headers((headers) -> headers.setBearerAuth(jwt.nationalPortal()))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	/** The dossier's sync state as an administrator sees it (200). */
	private WebTestClient.BodyContentSpec syncState(String code) {
		return this.client.get()
			.uri(PATH + "/admin/national-portal/dossiers/" + code)
			.headers((headers) -> headers.setBearerAuth(jwt.admin()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private WebTestClient.ResponseSpec retry(String code) {
		return this.client.post()
			.uri(PATH + "/admin/national-portal/dead-letters/" + code + "/retry")
			.headers((headers) -> headers.setBearerAuth(jwt.admin()))
			.exchange();
	}

	private String submit(String holder) {
		String body = this.client.post()
			.uri(PATH + "/dossiers")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(holder, 2)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"handlingProvince": "01", "form": {"holderPersonalId": "%s", "holderFullName": "Trần Văn Phép",
					 "holderBirthDate": "1990-01-01", "purpose": "Kinh doanh"}}""".formatted(holder))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JsonPath.read(body, "$.code");
	}

	private void act(String code, String action, String token, String json) {
		var request = this.client.post()
			.uri(PATH + "/dossiers/" + code + "/" + action)
			.headers((headers) -> headers.setBearerAuth(token));
		(json != null ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(json) : request).exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
	}

	private static void awaitHistory(String code, List<String> statuses) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history(code)).isEqualTo(statuses));
	}

	private static List<String> history(String code) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(portal.url() + "/sandbox/dossiers/" + code)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 404) {
			return List.of();
		}
		return JsonPath.read(response.body(), "$.LichSuTrangThai[*].TrangThaiHoSo");
	}

	private static String sandbox(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(portal.url() + path)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static void sandboxPost(String path, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(portal.url() + path))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.header("Content-Type", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

}
