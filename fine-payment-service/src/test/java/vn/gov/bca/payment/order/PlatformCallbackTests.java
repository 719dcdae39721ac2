package vn.gov.bca.payment.order;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.payment.PlatformCallbacks;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.TestInfrastructure;

/**
 * Security review finding 12: correctly signed callbacks that are not callbacks, found by fuzzing,
 * answered 500. Each is a 4xx problem and changes nothing. Also a fee order without its amount.
 */
@IntegrationTest
class PlatformCallbackTests {

	@Autowired
	private WebTestClient client;

	@ParameterizedTest
	@ValueSource(strings = { "[]", "not json", "{\"merchantOrderId\": [1, 2]}", "\"text\"", "null" })
	void aSignedBodyThatIsNotACallbackObjectIsA400(String body) {
		signed(now(), body).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aSignedCallbackWithoutItsFieldsNamesThem() {
		signed(now(), "{\"merchantId\":\"BCA-DVC\"}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'merchantOrderId')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'amount')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'status')]")
			.exists();
	}

	@Test
	void aSignedCallbackPaidYesterdayInWordsIsAFieldError() {
		signed(now(), """
				{"merchantOrderId": "PO2603310000000000000000", "transactionId": "SBX1", "amount": 1000,
				 "status": "SUCCEEDED", "paidAt": "yesterday"}""").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("paidAt");
	}

	@ParameterizedTest
	@ValueSource(strings = { "9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e9" })
	void aTimestampFarOutOfRangeIsRefusedAs401(String timestamp) {
		signed(timestamp, """
				{"merchantOrderId": "PO2603310000000000000000", "transactionId": "SBX1", "amount": 1000,
				 "status": "SUCCEEDED", "paidAt": "2026-03-31T16:30:00Z"}""").expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aFeeOrderWithoutItsAmountIsAFieldError() {
		this.client.post()
			.uri("/api/payment/fee-orders")
			.headers((headers) -> headers.setBearerAuth(TestInfrastructure.get().jwt().service("passport-service")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("referenceId", "PA08-HN-260331-0001", "payerPersonalId", "079192004567", "description",
					"Lệ phí cấp hộ chiếu"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'amount')]")
			.exists();
	}

	private static String now() {
		return Long.toString(Instant.now().getEpochSecond());
	}

	private WebTestClient.ResponseSpec signed(String timestamp, String body) {
		return this.client.post()
			.uri("/api/payment/public/platform-callbacks")
			.header("X-Merchant-Id", PlatformCallbacks.MERCHANT_ID)
			.header("X-Timestamp", timestamp)
			.header("X-Signature", PlatformCallbacks.signature(timestamp, body))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
