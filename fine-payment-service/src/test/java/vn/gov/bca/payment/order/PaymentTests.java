package vn.gov.bca.payment.order;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.payment.decision.Decisions;
import vn.gov.bca.payment.reconciliation.Reconciliation;
import vn.gov.bca.paymentsandbox.CallbackMode;
import vn.gov.bca.paymentsandbox.PaymentSandbox;
import vn.gov.bca.paymentsandbox.Settings;
import vn.gov.bca.platform.data.consumer.ProcessedEvents;
import vn.gov.bca.platform.dossier.fee.FeeOrders;
import vn.gov.bca.platform.dossier.fee.PaymentSucceeded;
import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.PdfDocuments;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicWriter;
import vn.gov.bca.platform.testkit.TopicReader;
import vn.gov.bca.platform.web.time.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paying fines against the payment sandbox, which stands in for the national platform and can
 * misbehave: duplicate, missing, tampered and forged callbacks, and going down. The service listens
 * on a fixed port so that the sandbox's callbacks reach it.
 */
@IntegrationTest
class PaymentTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final PaymentSandbox sandbox = PaymentSandbox.start(Settings.forTests());

	private static final int PORT = freePort();

	private static final HttpClient browser = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final String AN = "001085012345";

	private static final String BICH = "079192004567";

	private final String violationSystem = jwt.token()
		.subject("service-account-traffic-violation-system")
		.clientId("traffic-violation-system")
		.roles("violation-source")
		.sign();

	@Autowired
	private vn.gov.bca.platform.data.metrics.CollectionCounts orderCounts;

	@Autowired
	private io.micrometer.core.instrument.MeterRegistry metrics;

	@Autowired
	private WebTestClient client;

	@Autowired
	private JsonMapper json;

	@Autowired
	private Reconciliation reconciliation;

	@Autowired
	private OrderService orderService;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@DynamicPropertySource
	static void paymentPlatform(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("vneid.payment.platform.url", sandbox::url);
		registry.add("vneid.payment.platform.merchant-id", sandbox::merchantId);
		registry.add("vneid.payment.platform.callback-url",
				() -> "http://127.0.0.1:" + PORT + "/api/payment/public/platform-callbacks");
		registry.add("vneid.payment.platform.return-url",
				() -> "http://127.0.0.1:" + PORT + "/api/payment/public/checkout-return");
		registry.add("vneid.payment.platform.timeout", () -> "2s");
		registry.add("vneid.payment.reconciliation.pending-threshold", () -> "PT0S");
		registry.add("vneid.payment.reconciliation.interval", () -> "PT1H");
	}

	@AfterEach
	void wellBehavedPlatform() {
		sandbox.restart();
		sandbox.setCallbackMode(CallbackMode.NORMAL);
	}

	@AfterAll
	static void stopSandbox() {
		sandbox.close();
	}

	@Test
	void aCitizenPaysAFineOnceAndGetsAReceiptAndThePublicLookupSaysPaid() {
		String number = receiveDecision(AN, "30A-555.66", 4_000_000, 21);
		String order = payFine(number, AN).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
		// Circular 18/2023/TT-BTC Art. 5(1): paid on day 21, late days are days 11..20 (10 × 2,000 VND).
		assertThat((Integer) JsonPath.read(order, "$.amount")).isEqualTo(4_020_000);
		String orderId = JsonPath.read(order, "$.id");

		assertThat(pay(JsonPath.read(order, "$.checkoutUrl")).statusCode()).isEqualTo(303);
		awaitStatus(orderId, AN, "SUCCEEDED");

		this.client.get()
			.uri("/api/payment/orders/" + orderId + "/receipt")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(AN, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.receiptNumber")
			.value((receipt) -> assertThat((String) receipt).matches("BL-[0-9]{6}-[0-9]{8}"))
			.jsonPath("$.amount")
			.isEqualTo(4_020_000)
			.jsonPath("$.collectingAgency")
			.isEqualTo("Phòng Cảnh sát giao thông Công an thành phố Hà Nội");
		// The signed electronic receipt, issued from the PaymentSucceeded event (or here at the latest).
		byte[] pdf = this.client.get()
			.uri("/api/payment/orders/" + orderId + "/receipt/pdf")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(AN, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		String receiptNumber = JsonPath.read(this.client.get()
			.uri("/api/payment/orders/" + orderId + "/receipt")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(AN, 2)))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), "$.receiptNumber");
		assertThat(PdfDocuments.flatText(pdf)).contains("BIÊN LAI THU TIỀN PHẠT VI PHẠM HÀNH CHÍNH",
				"Số: " + receiptNumber, "CÔNG AN THÀNH PHỐ HÀ NỘI", "PHÒNG CẢNH SÁT GIAO THÔNG", "Số tiền: 4.020.000 đồng",
				"Bằng chữ: Bốn triệu không trăm hai mươi nghìn đồng", "Quyết định xử phạt: Số " + number);
		this.client.get()
			.uri(PdfDocuments.qrPath(pdf))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result").isEqualTo("VALID")
			.jsonPath("$.number").isEqualTo(receiptNumber)
			.jsonPath("$.signature.intact").isEqualTo(true);
		this.client.get()
			.uri("/api/payment/orders/" + orderId + "/receipt/pdf")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(BICH, 2)))
			.exchange()
			.expectStatus()
			.isNotFound();
		awaitPublicResult(number, "PAID");
		payFine(number, AN).expectStatus().isEqualTo(409);
	}

	@Test
	void duplicateCallbacksMakeOnePaymentAndOneEvent() {
		sandbox.setCallbackMode(CallbackMode.DUPLICATE);
		String number = receiveDecision(AN, "30A-777.88", 1_500_000, 2);
		String order = payFine(number, AN).expectBody(String.class).returnResult().getResponseBody();
		String orderId = JsonPath.read(order, "$.id");

		pay(JsonPath.read(order, "$.checkoutUrl"));
		awaitStatus(orderId, AN, "SUCCEEDED");
		awaitPublicResult(number, "PAID");

		List<ConsumerRecord<String, String>> succeeded = TopicReader.readFor(
				TestInfrastructure.get().kafkaBootstrapServers(), "payment.events.v1",
				(record) -> orderId.equals(record.key())
						&& "vn.gov.bca.payment.PaymentSucceeded".equals(TopicReader.header(record, "ce_type")),
				Duration.ofSeconds(5));
		assertThat(succeeded).hasSize(1);
		EventSchemaAssertions.assertValid(succeeded);
		// A fine's order is this service's own: other services' fee listeners ignore it by this name.
		assertThat(succeeded.get(0).value()).contains("\"requestedBy\":\"fine-payment-service\"");
		List<ConsumerRecord<String, String>> finePaid = TopicReader.readFor(
				TestInfrastructure.get().kafkaBootstrapServers(), "payment.events.v1",
				(record) -> ("PC08-HN|" + number).equals(record.key())
						&& "vn.gov.bca.payment.FinePaid".equals(TopicReader.header(record, "ce_type")),
				Duration.ofSeconds(2));
		assertThat(finePaid).hasSize(1);
		EventSchemaAssertions.assertValid(finePaid);
	}

	@Test
	void concurrentAttemptsOfTheViolatorMakeOneOrderWhichEachOfThemGets() throws Exception {
		String number = receiveDecision(AN, "30A-999.00", 800_000, 1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<String>> attempts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			attempts.add(pool.submit((Callable<String>) () -> payFine(number, AN).expectStatus()
				.isCreated()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody()));
		}
		List<String> orderIds = new ArrayList<>();
		for (Future<String> attempt : attempts) {
			orderIds.add(JsonPath.read(attempt.get(), "$.id"));
		}
		pool.shutdown();
		assertThat(orderIds).hasSize(8).containsOnly(orderIds.get(0));
	}

	/**
	 * Security review finding 5: the decision id is shown by the public plate lookup, so it proves
	 * nothing. A stranger is answered as for a decision that does not exist, and never blocks the
	 * violator.
	 */
	@Test
	void aStrangerCannotOpenSomeoneElsesFineOrderAndTheViolatorStillPays() {
		String number = receiveDecision(AN, "30A-246.13", 1_000_000, 1);
		String stranger = payFine(number, BICH).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String missing = this.client.post()
			.uri("/api/payment/orders")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(BICH, 2)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("decisionId", "PC08-HN|no-such-" + number))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((String) JsonPath.read(stranger, "$.type")).isEqualTo(JsonPath.read(missing, "$.type"));
		assertThat((String) JsonPath.read(stranger, "$.detail")).isEqualTo(JsonPath.read(missing, "$.detail"));

		String order = payFine(number, AN).expectStatus().isCreated().expectBody(String.class).returnResult()
			.getResponseBody();
		String orderId = JsonPath.read(order, "$.id");
		payFine(number, BICH).expectStatus().isNotFound();
		assertThat((String) JsonPath.read(payFine(number, AN).expectStatus().isCreated().expectBody(String.class)
			.returnResult().getResponseBody(), "$.id")).isEqualTo(orderId);

		pay(JsonPath.read(order, "$.checkoutUrl"));
		awaitStatus(orderId, AN, "SUCCEEDED");
		awaitPublicResult(number, "PAID");
	}

	/**
	 * Security review finding 6: a PaymentSucceeded written straight to the topic, for an order we do
	 * not have (1 VND) or for a real order that did not succeed, marks nothing paid.
	 */
	@Test
	void aForgedPaymentSucceededOnTheTopicIsNotApplied() {
		sandbox.setCallbackMode(CallbackMode.MISSING);
		String number = receiveDecision(AN, "30A-246.14", 1_500_000, 1);
		String decisionId = "PC08-HN|" + number;
		String order = payFine(number, AN).expectStatus().isCreated().expectBody(String.class).returnResult()
			.getResponseBody();
		String orderId = JsonPath.read(order, "$.id");

		String unknownOrder = forgeSucceeded("PO-FORGED-" + System.nanoTime(), decisionId, 1);
		String realOrderNotPaid = forgeSucceeded(orderId, decisionId, 1_500_000);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> processed(unknownOrder) && processed(realOrderNotPaid));
		assertThat(publicResult(number)).isEqualTo("UNPAID");
		assertThat(status(orderId, AN)).isEqualTo("PENDING");
	}

	private String forgeSucceeded(String orderId, String decisionId, long amount) {
		String eventId = java.util.UUID.randomUUID().toString();
		String data = """
				{"eventId": "%s", "occurredAt": "%s", "aggregateId": "%s", "referenceType": "FINE",
				 "referenceId": "%s", "amount": %d, "receiptNumber": "BL-260101-99999999", "platformTransactionId": "X"}"""
			.formatted(eventId, Instant.now(), orderId, decisionId, amount);
		TopicWriter.send(TestInfrastructure.get().kafkaBootstrapServers(), "payment.events.v1", orderId, eventId,
				"vn.gov.bca.payment.PaymentSucceeded", "/fine-payment-service", data);
		return eventId;
	}

	/** The consumer has handled the event (and so had its chance to apply it). */
	private boolean processed(String eventId) {
		Document marker = this.mongo.findById("fine-paid:" + eventId, Document.class, ProcessedEvents.COLLECTION)
			.block();
		return marker != null && "DONE".equals(marker.getString("state"));
	}

	private String publicResult(String number) {
		return JsonPath.read(this.client.get()
			.uri("/api/payment/public/decisions?issuingUnit=PC08-HN&number={number}", number)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), "$.result");
	}

	@Test
	void aForgedCallbackIsRefusedWith401AndChangesNothing() {
		sandbox.setCallbackMode(CallbackMode.BAD_SIGNATURE);
		String number = receiveDecision(AN, "29LD-012.34", 2_000_000, 1);
		String order = payFine(number, AN).expectBody(String.class).returnResult().getResponseBody();
		String orderId = JsonPath.read(order, "$.id");
		pay(JsonPath.read(order, "$.checkoutUrl"));

		this.client.post()
			.uri("/api/payment/public/platform-callbacks")
			.header("X-Merchant-Id", sandbox.merchantId())
			.header("X-Timestamp", Long.toString(Instant.now().getEpochSecond()))
			.header("X-Signature", "sha256=" + "0".repeat(64))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("merchantOrderId", orderId, "transactionId", "FORGED", "amount", 2_000_000, "status",
					"SUCCEEDED", "paidAt", Instant.now().toString()))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		sleep(Duration.ofSeconds(2));
		assertThat(status(orderId, AN)).isEqualTo("PENDING");
		awaitPublicResult(number, "UNPAID");
	}

	@Test
	void aConfirmationOfAnotherAmountIsRefusedAndFlaggedForReview() {
		sandbox.setCallbackMode(CallbackMode.TAMPERED_AMOUNT);
		String number = receiveDecision(AN, "30A-246.80", 3_000_000, 1);
		String order = payFine(number, AN).expectBody(String.class).returnResult().getResponseBody();
		String orderId = JsonPath.read(order, "$.id");
		pay(JsonPath.read(order, "$.checkoutUrl"));

		sleep(Duration.ofSeconds(2));
		assertThat(status(orderId, AN)).isEqualTo("PENDING");
		PaymentOrder stored = this.orderService.find(orderId).block();
		assertThat(stored.review()).isNotNull();
		assertThat(stored.review().reason()).isEqualTo("AMOUNT_MISMATCH");
		assertThat(stored.review().reportedAmount()).isEqualTo(3_001_000);

		String admin = jwt.token().personalId("001082004444").roles("admin").sign();
		this.client.get()
			.uri("/api/payment/reviews")
			.headers((headers) -> headers.setBearerAuth(admin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.orderId == '%s')].reason".formatted(orderId))
			.isEqualTo("AMOUNT_MISMATCH");
		this.client.get()
			.uri("/api/payment/reviews")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(AN, 2)))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void withThePlatformDownTheOrderStaysPendingAndReconciliationSettlesItWhenItAnswers() {
		sandbox.setCallbackMode(CallbackMode.MISSING);
		String number = receiveDecision(AN, "30E-135.79", 1_200_000, 1);
		String order = payFine(number, AN).expectBody(String.class).returnResult().getResponseBody();
		String orderId = JsonPath.read(order, "$.id");
		pay(JsonPath.read(order, "$.checkoutUrl"));
		sandbox.stop();

		assertThat(this.reconciliation.settleOpenOrders().block()).isZero();
		assertThat(status(orderId, AN)).isEqualTo("PENDING");

		sandbox.restart();
		this.reconciliation.settleOpenOrders().block();
		assertThat(status(orderId, AN)).isEqualTo("SUCCEEDED");
		awaitPublicResult(number, "PAID");
	}

	@Test
	void anOrderCannotBeOpenedWhileThePlatformIsDownAndCanWhenItIsBack() {
		String number = receiveDecision(BICH, "51H-024.68", 900_000, 1);
		sandbox.stop();
		payFine(number, BICH).expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		sandbox.restart();
		String order = payFine(number, BICH).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((String) JsonPath.read(order, "$.status")).isEqualTo("PENDING");
		assertThat((String) JsonPath.read(order, "$.checkoutUrl")).startsWith(sandbox.url());
	}

	@Test
	void aCitizenCannotSeeAnotherCitizensPayments() {
		String number = receiveDecision(AN, "30F-112.23", 700_000, 1);
		String orderId = JsonPath.read(payFine(number, AN).expectBody(String.class).returnResult().getResponseBody(),
				"$.id");

		for (String path : List.of("/api/payment/orders/" + orderId, "/api/payment/orders/" + orderId + "/receipt")) {
			this.client.get()
				.uri(path)
				.headers((headers) -> headers.setBearerAuth(jwt.citizen(BICH, 2)))
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		this.client.get()
			.uri("/api/payment/me/orders")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(BICH, 2)))
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.id == '%s')]".formatted(orderId))
			.doesNotExist();
	}

	@Test
	void aFineOrderSentTwiceWithTheSameIdempotencyKeyExistsOnce() {
		String number = receiveDecision(BICH, "51K-135.79", 600_000, 1);
		String key = "pay-" + number.hashCode();
		String first = payFine(number, BICH, key).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String again = payFine(number, BICH, key).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
	}

	@Test
	void aFeeCollectedByAUnitThatCannotSignItsReceiptIsRefused() {
		this.client.post()
			.uri("/api/payment/fee-orders")
			.headers((headers) -> headers.setBearerAuth(jwt.service("passport-service")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new FeeOrders.FeeOrderRequest("PA08-XX-261123-0001", 200_000, BICH, "Lệ phí cấp hộ chiếu",
					"PA08-XX", "Lê Thị Bích"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("collectingUnit");
	}

	@Test
	void aServiceAsksForADossierFeeWhichItsPayerPaysAndThePaymentIsPublished() {
		String dossier = "PA08-HN-261123-" + (System.nanoTime() % 10_000);
		String service = jwt.service("passport-service");
		FeeOrders.FeeOrder order = this.client.post()
			.uri("/api/payment/fee-orders")
			.headers((headers) -> headers.setBearerAuth(service))
			.contentType(MediaType.APPLICATION_JSON)
			// The body as the dossier services send it, the answer read as they read it (platform-dossier's records).
			.bodyValue(new FeeOrders.FeeOrderRequest(dossier, 200_000, BICH, "Lệ phí cấp hộ chiếu, hồ sơ " + dossier,
					"PA08-HN", "Lê Thị Bích"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(FeeOrders.FeeOrder.class)
			.returnResult()
			.getResponseBody();
		String orderId = order.id();
		assertThat(order.referenceId()).isEqualTo(dossier);
		assertThat(order.status()).isEqualTo("CREATED");
		// While it is open, the fee of that dossier asked for another payer is a payment under way.
		feeOrder(service, new FeeOrders.FeeOrderRequest(dossier, 200_000, AN, "Lệ phí cấp hộ chiếu", "PA08-HN",
				"Nguyễn Văn An"))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo("IN_PROGRESS");

		this.client.post()
			.uri("/api/payment/orders/" + orderId + "/checkout")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(AN, 2)))
			.exchange()
			.expectStatus()
			.isNotFound();
		String checkout = this.client.post()
			.uri("/api/payment/orders/" + orderId + "/checkout")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(BICH, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		pay(JsonPath.read(checkout, "$.checkoutUrl"));
		awaitStatus(orderId, BICH, "SUCCEEDED");
		// Paid: asked for again, it is a fee already paid (the dossier service tells its officer so).
		feeOrder(service, new FeeOrders.FeeOrderRequest(dossier, 200_000, BICH, "Lệ phí cấp hộ chiếu", "PA08-HN",
				"Lê Thị Bích"))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo("ALREADY_PAID");

		this.client.get()
			.uri("/api/payment/orders/" + orderId)
			.headers((headers) -> headers.setBearerAuth(service))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SUCCEEDED");
		List<ConsumerRecord<String, String>> succeeded = TopicReader.await(
				TestInfrastructure.get().kafkaBootstrapServers(), "payment.events.v1",
				(record) -> orderId.equals(record.key())
						&& "vn.gov.bca.payment.PaymentSucceeded".equals(TopicReader.header(record, "ce_type")),
				1, Duration.ofSeconds(20));
		assertThat(succeeded.get(0).value()).contains("\"referenceType\":\"DOSSIER_FEE\"")
			.contains(dossier)
			.contains("\"requestedBy\":\"passport-service\"");
		EventSchemaAssertions.assertValid(succeeded);
		// The contract: the event as published, read by the dossier services' listener record.
		PaymentSucceeded read = this.json.readValue(succeeded.get(0).value(), PaymentSucceeded.class);
		assertThat(read.eventId()).isNotBlank();
		assertThat(read.aggregateId()).isEqualTo(orderId);
		assertThat(read.referenceId()).isEqualTo(dossier);
		assertThat(read.amount()).isEqualTo(200_000);
		assertThat(read.receiptNumber()).isNotBlank();
		assertThat(read.occurredAt()).isNotNull();
		assertThat(read.isFeeOf("passport-service")).isTrue();
		assertThat(read.isFeeOf("seal-service")).isFalse();
		// The operators' count of the day's orders by type and status has it.
		this.orderCounts.refresh().block();
		assertThat(this.metrics.get("vneid.payment.orders").tag("type", "DOSSIER_FEE").tag("status", "SUCCEEDED").gauge().value())
			.isGreaterThanOrEqualTo(1);
	}

	private WebTestClient.ResponseSpec feeOrder(String serviceToken, FeeOrders.FeeOrderRequest request) {
		return this.client.post()
			.uri("/api/payment/fee-orders")
			.headers((headers) -> headers.setBearerAuth(serviceToken))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange();
	}

	@Test
	void theDailyComparisonListsAPaymentThePlatformHasAndWeDoNot() {
		sandbox.recordForeignPayment("PO-UNKNOWN-" + System.nanoTime(), 123_000);
		LocalDate today = VietnamTime.today(Clock.systemUTC());
		double counted = this.metrics.counter("vneid.payment.reconciliation.differences", "kind", "PAID_THERE_NOT_HERE")
			.count();

		Reconciliation.Report report = this.reconciliation.compare(today).block();
		// What the operators' alert counts.
		assertThat(this.metrics.counter("vneid.payment.reconciliation.differences", "kind", "PAID_THERE_NOT_HERE")
			.count()).isGreaterThanOrEqualTo(counted + 1);

		assertThat(report.differences()).anySatisfy((difference) -> {
			assertThat(difference.kind()).isEqualTo("PAID_THERE_NOT_HERE");
			assertThat(difference.platformAmount()).isEqualTo(123_000);
		});
		assertThat(this.reconciliation.report(today).block().differences()).hasSameSizeAs(report.differences());
		this.client.get()
			.uri("/api/payment/reconciliation/" + today)
			.headers((headers) -> headers.setBearerAuth(jwt.token().personalId("001082004444").roles("admin").sign()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.differences[?(@.kind == 'PAID_THERE_NOT_HERE')]")
			.exists();
	}

	private String receiveDecision(String personalId, String plate, long fine, int daysAgo) {
		String number = Decisions.newNumber();
		this.client.post()
			.uri("/api/payment/decisions")
			.headers((headers) -> headers.setBearerAuth(this.violationSystem))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Decisions.json(number, personalId, plate, fine, daysAgo))
			.exchange()
			.expectStatus()
			.isCreated();
		return number;
	}

	private WebTestClient.ResponseSpec payFine(String number, String payer) {
		return payFine(number, payer, null);
	}

	private WebTestClient.ResponseSpec payFine(String number, String payer, String idempotencyKey) {
		return this.client.post()
			.uri("/api/payment/orders")
			.headers((headers) -> {
				headers.setBearerAuth(jwt.citizen(payer, 2));
				if (idempotencyKey != null) {
					headers.set("Idempotency-Key", idempotencyKey);
				}
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("decisionId", "PC08-HN|" + number))
			.exchange();
	}

	/** The citizen presses "Thanh toán" on the sandbox's checkout page. */
	private static HttpResponse<String> pay(String checkoutUrl) {
		try {
			return browser.send(HttpRequest.newBuilder(URI.create(checkoutUrl))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("action=pay"))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String status(String orderId, String payer) {
		String order = this.client.get()
			.uri("/api/payment/orders/" + orderId)
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(payer, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JsonPath.read(order, "$.status");
	}

	private void awaitStatus(String orderId, String payer, String status) {
		await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(status(orderId, payer)));
	}

	private void awaitPublicResult(String number, String result) {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> result.equals(JsonPath.read(this.client.get()
				.uri("/api/payment/public/decisions?issuingUnit=PC08-HN&number={number}", number)
				.exchange()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody(), "$.result")));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
