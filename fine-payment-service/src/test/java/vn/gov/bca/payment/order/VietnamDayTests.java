package vn.gov.bca.payment.order;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.payment.PlatformCallbacks;
import vn.gov.bca.payment.decision.Decisions;
import vn.gov.bca.payment.demo.DemoDecisions;
import vn.gov.bca.paymentsandbox.PaymentSandbox;
import vn.gov.bca.paymentsandbox.Settings;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.SettableClock;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.web.time.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service's day is Vietnam's, from its clock (set here): 23:30 on 31 March in Vietnam is 16:30
 * UTC, still 31 March everywhere, but 00:30 on 1 April in Vietnam is 17:30 UTC on 31 March. Also the
 * demo decisions, loaded at start on that clock.
 */
@IntegrationTest
@TestPropertySource(properties = "vneid.demo-data.enabled=true")
class VietnamDayTests {

	private static final SettableClock clock = SettableClock.at(LocalDateTime.of(2026, 3, 31, 23, 30), VietnamTime.ZONE);

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final PaymentSandbox sandbox = PaymentSandbox.start(Settings.forTests().withClock(clock));

	private static final String AN = "001085012345";

	/** 2,000,000 VND received 2026-03-01: the last day to pay is 2026-03-11. */
	private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 1);

	private final String violationSystem = jwt.token()
		.subject("service-account-traffic-violation-system")
		.clientId("traffic-violation-system")
		.roles("violation-source")
		.sign();

	@Autowired
	private WebTestClient client;

	@Autowired
	private DemoDecisions demo;

	@Autowired
	private OrderService orders;

	@TestConfiguration
	static class Time {

		@Bean
		Clock clock() {
			return clock;
		}

	}

	@DynamicPropertySource
	static void paymentPlatform(DynamicPropertyRegistry registry) {
		registry.add("vneid.payment.platform.url", sandbox::url);
		registry.add("vneid.payment.platform.merchant-id", sandbox::merchantId);
		registry.add("vneid.payment.platform.timeout", () -> "2s");
		registry.add("vneid.payment.reconciliation.interval", () -> "PT1H");
	}

	@AfterAll
	static void stopSandbox() {
		sandbox.close();
	}

	@Test
	void theAmountDueChangesAtMidnightInVietnamNotInUtc() {
		clock.set(LocalDateTime.of(2026, 3, 31, 23, 30));
		String number = receive("30A-864.11");
		// Circular 18/2023/TT-BTC Art. 5(1): paid on 31 March, late days 12..30 March = 19.
		assertDue(number, "30A-864.11", 19, 2_019_000);

		clock.set(LocalDateTime.of(2026, 4, 1, 0, 30));
		assertThat(clock.instant().toString()).startsWith("2026-03-31T17:30");
		assertDue(number, "30A-864.11", 20, 2_020_000);
	}

	@Test
	void anOrderOpenedBeforeMidnightAndPaidAfterItIsSettledAtItsAmountAndTheReceiptSaysSo() {
		clock.set(LocalDateTime.of(2026, 3, 31, 23, 50));
		String number = receive("30A-864.12");
		String opened = payFine(number).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
		String orderId = JsonPath.read(opened, "$.id");
		assertThat((Integer) JsonPath.read(opened, "$.amount")).isEqualTo(2_019_000);

		clock.set(LocalDateTime.of(2026, 4, 1, 0, 10));
		// The citizen's app asks again after midnight: the same order, at the amount fixed when opened.
		String again = payFine(number).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
		assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(orderId);
		assertThat((Integer) JsonPath.read(again, "$.amount")).isEqualTo(2_019_000);

		callback(orderId, 2_019_000, clock.instant().toString()).expectStatus().isOk();

		this.client.get()
			.uri("/api/payment/orders/" + orderId + "/receipt")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(AN, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.amount")
			.isEqualTo(2_019_000)
			.jsonPath("$.receiptNumber")
			.value((receipt) -> assertThat((String) receipt).startsWith("BL-260401-"))
			.jsonPath("$.amountFixedOn")
			.isEqualTo("2026-03-31")
			.jsonPath("$.amountNote")
			.value((note) -> assertThat((String) note).contains("31/03/2026").contains("01/04/2026"));
	}

	@Test
	void theViolatorSupersedesTheirOwnOrderOnceItsTimeToPayIsOver() {
		clock.set(LocalDateTime.of(2026, 3, 31, 9, 0));
		String number = receive("30A-864.14");
		String first = JsonPath.read(payFine(number).expectStatus().isCreated().expectBody(String.class).returnResult()
			.getResponseBody(), "$.id");

		clock.set(LocalDateTime.of(2026, 3, 31, 9, 45));
		String second = JsonPath.read(payFine(number).expectStatus().isCreated().expectBody(String.class).returnResult()
			.getResponseBody(), "$.id");

		assertThat(second).isNotEqualTo(first);
		assertThat(this.orders.find(first).block().status()).isEqualTo(PaymentOrder.Status.EXPIRED);
		assertThat(this.orders.find(second).block().status()).isEqualTo(PaymentOrder.Status.PENDING);
	}

	@Test
	void demoDecisionsAreThereForTheDemoCitizensAndARestartAddsNothing() {
		clock.set(LocalDateTime.of(2026, 3, 31, 23, 30));
		await().atMost(Duration.ofSeconds(20)).until(() -> unpaidCount("30A-123.45", "CAR") >= 2);
		this.client.get()
			.uri("/api/payment/public/fines?plate=30A-123.45&vehicleType=CAR")
			.exchange()
			.expectBody()
			.jsonPath("$.unpaid[?(@.decisionNumber == 'D001/QĐ-XPHC')].amountDue.surcharge")
			.isEqualTo(0)
			.jsonPath("$.unpaid[?(@.decisionNumber == 'D002/QĐ-XPHC')].amountDue.daysLate")
			.isEqualTo(29)
			.jsonPath("$.unpaid[?(@.decisionNumber == 'D002/QĐ-XPHC')].amountDue.surcharge")
			.isEqualTo(261_000);
		await().atMost(Duration.ofSeconds(20)).until(() -> unpaidCount("59X1-234.56", "MOTORBIKE") == 1);

		assertThat(this.demo.load().block()).isZero();
		assertThat(unpaidCount("30A-123.45", "CAR")).isEqualTo(2);
	}

	private int unpaidCount(String plate, String type) {
		String body = this.client.get()
			.uri("/api/payment/public/fines?plate={plate}&vehicleType={type}", plate, type)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JsonPath.<java.util.List<Object>>read(body, "$.unpaid[?(@.decisionNumber =~ /D00.*/)]").size();
	}

	private String receive(String plate) {
		String number = Decisions.newNumber();
		this.client.post()
			.uri("/api/payment/decisions")
			.headers((headers) -> headers.setBearerAuth(this.violationSystem))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Decisions.json(number, AN, plate, 2_000_000, RECEIVED))
			.exchange()
			.expectStatus()
			.isCreated();
		return number;
	}

	private void assertDue(String number, String plate, int daysLate, int total) {
		this.client.get()
			.uri("/api/payment/public/fines?plate={plate}&vehicleType=CAR", plate)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.unpaid[?(@.decisionNumber == '%s')].amountDue.daysLate".formatted(number))
			.isEqualTo(daysLate)
			.jsonPath("$.unpaid[?(@.decisionNumber == '%s')].amountDue.total".formatted(number))
			.isEqualTo(total);
	}

	private WebTestClient.ResponseSpec payFine(String number) {
		return this.client.post()
			.uri("/api/payment/orders")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(AN, 2)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("decisionId", "PC08-HN|" + number))
			.exchange();
	}

	/** The platform's confirmation, signed at the service's (set) time. */
	private WebTestClient.ResponseSpec callback(String orderId, long amount, String paidAt) {
		String body = """
				{"merchantOrderId": "%s", "transactionId": "SBX-%s", "amount": %d, "status": "SUCCEEDED", "paidAt": "%s"}"""
			.formatted(orderId, orderId, amount, paidAt);
		String timestamp = Long.toString(clock.instant().getEpochSecond());
		return this.client.post()
			.uri("/api/payment/public/platform-callbacks")
			.header("X-Merchant-Id", sandbox.merchantId())
			.header("X-Timestamp", timestamp)
			.header("X-Signature", PlatformCallbacks.signature(timestamp, body))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
