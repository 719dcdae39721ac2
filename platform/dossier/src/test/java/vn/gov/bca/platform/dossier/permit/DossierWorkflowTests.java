package vn.gov.bca.platform.dossier.permit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.data.consumer.IncomingEvent;
import vn.gov.bca.platform.data.metrics.CollectionCounts;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.ServiceStubs;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.PdfDocuments;
import vn.gov.bca.platform.testkit.TopicReader;
import vn.gov.bca.platform.testkit.TopicWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The workflow as a procedure service gets it by declaring its rules only ({@link
 * PermitWorkflowApplication}): endpoints under the path derived from the service's name, access,
 * the one-open-dossier claim, the fee and its payment (only orders this service asked for), the
 * follow-up of the dossier's own events. Real Kafka and MongoDB; the registry and fee orders stubbed.
 */
@IntegrationTest
class DossierWorkflowTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final ServiceStubs services = new ServiceStubs();

	@Autowired
	private WebTestClient client;

	@Autowired
	private PermitWorkflowApplication.PermitRules rules;

	@Autowired
	private CollectionCounts counts;

	@Autowired
	private MeterRegistry metrics;

	@Autowired
	private ReactiveMongoTemplate mongo;

	private final String officer = jwt.officer("001080001111", "CAP-HK-HN", "01");

	@DynamicPropertySource
	static void service(DynamicPropertyRegistry registry) {
		PermitWorkflowApplication.properties(registry, "permit", services);
	}

	@AfterAll
	static void stopStubs() {
		services.close();
	}

	@Test
	void aServiceWithOnlyItsRulesHasTheDossierEndpointsUnderItsOwnPath() {
		String holder = "001190456701";
		String body = submit(jwt.citizen(holder, 2), holder).expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches("Location", "/api/permit/dossiers/CAP-HK-HN-[0-9]{6}-[0-9]{4}")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String code = JsonPath.read(body, "$.code");
		// The procedure's part of the view is at the top level.
		assertThat((String) JsonPath.read(body, "$.form.purpose")).isEqualTo("Kinh doanh");
		assertThat((Integer) JsonPath.read(body, "$.statusCode")).isEqualTo(1);

		get(code, jwt.citizen(holder, 2)).expectStatus().isOk();
		get(code, jwt.citizen("001190456799", 2)).expectStatus().isNotFound();
		String sealService = jwt.token()
			.subject("service-account-seal-service")
			.claim("azp", "seal-service")
			.roles("service")
			.audience("permit-service")
			.sign();
		get(code, sealService).expectStatus().isNotFound();
		get(code, jwt.officer("079080002222", "CAP-SG-HCM", "79")).expectStatus().isForbidden();
		get(code, jwt.admin()).expectStatus().isOk();
		this.client.get()
			.uri("/api/permit/queue")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.code == '" + code + "')].form.purpose")
			.isEqualTo("Kinh doanh");
	}

	/**
	 * What an operator's dashboard shows: the open dossiers by status and unit, and those past their
	 * appointment date (before today in Vietnam) by unit.
	 */
	@Test
	void theOpenAndOverdueDossiersOfEachUnitAreMetrics() {
		String holder = "001190456709";
		String code = JsonPath.read(submit(jwt.citizen(holder, 2), holder).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), "$.code");
		this.counts.refresh().block();
		double submitted = gauge("vneid.dossiers.open", "SUBMITTED");
		double overdue = gauge("vneid.dossiers.overdue", null);
		assertThat(submitted).isGreaterThanOrEqualTo(1);

		// Its appointment date passes: yesterday in Vietnam.
		LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(code)), new Update().set("appointmentDate", yesterday),
				"permit_dossiers").block();
		this.counts.refresh().block();
		assertThat(gauge("vneid.dossiers.overdue", null)).isEqualTo(overdue + 1);

		act(code, "withdraw", jwt.citizen(holder, 2)).expectStatus().isOk();
		this.counts.refresh().block();
		assertThat(gauge("vneid.dossiers.open", "SUBMITTED")).isEqualTo(submitted - 1);
		assertThat(gauge("vneid.dossiers.overdue", null)).isEqualTo(overdue);
	}

	/** The gauge's figure for the unit CAP-HK-HN (and the status, where given). */
	private double gauge(String name, String status) {
		return this.metrics.find(name)
			.tag("unit", "CAP-HK-HN")
			.gauges()
			.stream()
			.filter((gauge) -> status == null || status.equals(gauge.getId().getTag("status")))
			.mapToDouble(Gauge::value)
			.sum();
	}

	@Test
	void aHolderHasOneOpenDossierUntilItEnds() {
		String holder = "001190456702";
		String code = JsonPath.read(submit(jwt.citizen(holder, 2), holder).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), "$.code");
		submit(jwt.citizen(holder, 2), holder).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("chưa giải quyết xong"));
		act(code, "withdraw", jwt.citizen(holder, 2)).expectStatus().isOk();
		// Given back by the follow-up of DossierWithdrawn, moments later.
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> submit(jwt.citizen(holder, 2), holder).expectStatus().isCreated());
	}

	@Test
	void aFeePaidIsAppliedButAPaymentOfAnotherServicesOrderIsNot() {
		String holder = "001190456703";
		String code = JsonPath.read(submit(jwt.citizen(holder, 2), holder).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), "$.code");
		act(code, "accept", this.officer).expectStatus().isOk();
		String requested = act(code, "payment-request", this.officer).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String orderId = JsonPath.read(requested, "$.fee.paymentOrderId");
		int amount = JsonPath.read(requested, "$.fee.amount");
		assertThat(amount).isEqualTo(25_000);

		// Same order key, so the same partition: the other service's event is read first, and skipped.
		publish(orderId, code, amount, "seal-service", "BL-261201-00000001");
		publish(orderId, code, amount, "permit-service", "BL-261201-00000002");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(code, jwt.citizen(holder, 2)).expectBody()
			.jsonPath("$.status")
			.isEqualTo("IN_PROGRESS"));
		get(code, jwt.citizen(holder, 2)).expectBody()
			.jsonPath("$.fee.receiptNumber")
			.isEqualTo("BL-261201-00000002");
		// One fee per dossier: once paid it is not asked for again.
		int orders = services.feeOrders.size();
		act(code, "payment-request", this.officer).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Phí, lệ phí của hồ sơ này đã được nộp.");
		assertThat(services.feeOrders).hasSize(orders);
	}

	@Test
	void whatFollowsFromADossiersEventsRunsOncePerEvent() {
		String holder = "001190456704";
		String code = JsonPath.read(submit(jwt.citizen(holder, 2), holder).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), "$.code");
		act(code, "accept", this.officer).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.rules.followedUp).contains(code + ":DossierSubmitted",
					code + ":DossierAccepted"));
		assertThat(this.rules.followedUp).filteredOn((seen) -> seen.startsWith(code)).hasSize(2);
	}

	@Test
	void anEventNothingFollowsFromIsNeitherClaimedNorHandedToTheProcedure() {
		String holder = "001190456707";
		String citizen = jwt.citizen(holder, 2);
		String code = JsonPath.read(submit(citizen, holder).expectStatus().isCreated().expectBody(String.class)
			.returnResult().getResponseBody(), "$.code");
		act(code, "accept", this.officer).expectStatus().isOk();
		requestSupplement(code);
		act(code, "supplement", citizen).expectStatus().isOk();

		List<ConsumerRecord<String, String>> events = TopicReader.await(
				TestInfrastructure.get().kafkaBootstrapServers(), "permit.events.v1", (record) -> code.equals(record.key()),
				4, Duration.ofSeconds(20));
		assertThat(events).extracting((record) -> IncomingEvent.simpleTypeOf(record))
			.containsExactly("DossierSubmitted", "DossierAccepted", "SupplementRequested", "DossierSupplemented");
		// The follow-ups of one dossier run in the order of its events: once the supplement's has run,
		// the request before it was passed.
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.rules.followedUp).contains(code + ":DossierSupplemented"));
		assertThat(this.rules.followedUp).filteredOn((seen) -> seen.startsWith(code))
			.containsExactly(code + ":DossierSubmitted", code + ":DossierAccepted", code + ":DossierSupplemented");
		assertThat(claimed(events.get(2))).as("the supplement request claimed").isFalse();
		assertThat(claimed(events.get(3))).as("the supplement claimed").isTrue();
	}

	private boolean claimed(ConsumerRecord<String, String> event) {
		String key = "dossier-follow-up:" + TopicReader.header(event, "ce_id");
		return Boolean.TRUE.equals(this.mongo.exists(Query.query(Criteria.where("_id").is(key)), "processed_events").block());
	}

	@Test
	void anAcceptedDossierGetsItsReceiptAndAppointmentSlipSignedByTheHandlingUnit() {
		String holder = "001190456705";
		String citizen = jwt.citizen(holder, 2);
		String body = submit(citizen, holder).expectStatus().isCreated().expectBody(String.class).returnResult()
			.getResponseBody();
		String code = JsonPath.read(body, "$.code");
		String appointment = JsonPath.read(body, "$.appointmentDate");
		act(code, "accept", this.officer).expectStatus().isOk();

		String documents = await().atMost(Duration.ofSeconds(20)).until(() -> this.client.get()
			.uri("/api/permit/documents?reference=" + code)
			.headers((headers) -> headers.setBearerAuth(citizen))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), (json) -> json.contains("DOSSIER_RECEIPT"));
		String id = JsonPath.read(documents, "$[0].id");
		byte[] pdf = this.client.get()
			.uri("/api/permit/documents/" + id + "/pdf")
			.headers((headers) -> headers.setBearerAuth(citizen))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();

		java.time.LocalDate due = java.time.LocalDate.parse(appointment);
		assertThat(PdfDocuments.flatText(pdf)).contains("CÔNG AN THÀNH PHỐ HÀ NỘI", "CÔNG AN PHƯỜNG HOÀN KIẾM",
				"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: " + code, "Tiếp nhận hồ sơ của: Trần Văn Phép",
				"Thời gian hẹn trả kết quả: %02d/%02d/%d".formatted(due.getDayOfMonth(), due.getMonthValue(), due.getYear()));
		this.client.get()
			.uri(PdfDocuments.qrPath(pdf))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result").isEqualTo("VALID")
			.jsonPath("$.number").isEqualTo(code)
			.jsonPath("$.issuingUnit.code").isEqualTo("CAP-HK-HN");
		// The dossier's other officers see it; another province's do not.
		this.client.get()
			.uri("/api/permit/documents/" + id + "/pdf")
			.headers((headers) -> headers.setBearerAuth(jwt.officer("001080002222", "CAP-SG-HCM", "79")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void aSupplementedDossierGetsANewSlipAndTheFirstSaysSuperseded() {
		String holder = "001190456706";
		String citizen = jwt.citizen(holder, 2);
		String code = JsonPath.read(submit(citizen, holder).expectStatus().isCreated().expectBody(String.class)
			.returnResult().getResponseBody(), "$.code");
		act(code, "accept", this.officer).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(20)).until(() -> documents(code, citizen).contains("DOSSIER_RECEIPT"));
		requestSupplement(code);
		act(code, "supplement", citizen).expectStatus().isOk();

		// The new slip is written first, then the first one marked superseded by it: wait for both writes.
		String both = await().atMost(Duration.ofSeconds(20)).until(() -> documents(code, citizen),
				(json) -> JsonPath.<List<?>>read(json, "$").size() == 2
						&& JsonPath.<List<String>>read(json, "$[*].status").contains("SUPERSEDED"));
		assertThat(JsonPath.<List<String>>read(both, "$[*].status")).containsExactly("SUPERSEDED", "VALID");
		String first = JsonPath.read(both, "$[0].verificationUrl");
		String newer = JsonPath.read(both, "$[1].id");
		this.client.get()
			.uri(first.substring(first.indexOf("/api/")))
			.exchange()
			.expectBody()
			.jsonPath("$.result").isEqualTo("SUPERSEDED")
			.jsonPath("$.supersededBy").isEqualTo(newer);
	}

	private String documents(String code, String token) {
		return this.client.get()
			.uri("/api/permit/documents?reference=" + code)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec submit(String token, String holder) {
		return this.client.post()
			.uri("/api/permit/dossiers")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"handlingProvince": "01", "form": {"holderPersonalId": "%s", "holderFullName": "Trần Văn Phép",
					 "holderBirthDate": "1990-01-01", "purpose": "Kinh doanh"}}""".formatted(holder))
			.exchange();
	}

	private WebTestClient.ResponseSpec get(String code, String token) {
		return this.client.get()
			.uri("/api/permit/dossiers/" + code)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	/** The officer asks for the applicant's portrait. */
	private void requestSupplement(String code) {
		this.client.post()
			.uri("/api/permit/dossiers/" + code + "/supplement-request")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"missing\": [\"Ảnh chân dung\"]}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	private WebTestClient.ResponseSpec act(String code, String action, String token) {
		return this.client.post()
			.uri("/api/permit/dossiers/" + code + "/" + action)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	private static void publish(String orderId, String code, long amount, String requestedBy, String receipt) {
		String data = """
				{"eventId": "%s", "occurredAt": "%s", "aggregateId": "%s", "referenceType": "DOSSIER_FEE",
				 "referenceId": "%s", "amount": %d, "receiptNumber": "%s", "requestedBy": "%s"}"""
			.formatted(UUID.randomUUID(), Instant.now(), orderId, code, amount, receipt, requestedBy);
		TopicWriter.send(TestInfrastructure.get().kafkaBootstrapServers(), "payment.events.v1", orderId,
				UUID.randomUUID().toString(), "vn.gov.bca.payment.PaymentSucceeded", "/fine-payment-service", data);
	}


}
