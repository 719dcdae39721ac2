package vn.gov.bca.payment.decision;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/** Decisions as violation systems send them, and the lookups of citizens and of the public. */
@IntegrationTest
class DecisionTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private final String violationSystem = jwt.token()
		.subject("service-account-traffic-violation-system")
		.clientId("traffic-violation-system")
		.roles("violation-source")
		.sign();

	@Autowired
	private WebTestClient client;

	@Test
	void aDecisionIsStoredOnceAndTheSameOneSentAgainIsAnsweredWithIt() {
		String number = Decisions.newNumber();
		String decision = Decisions.json(number, "001085012345", "30A-123.45", 4_000_000, 3);

		send(decision).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.plate")
			.isEqualTo("30A12345")
			.jsonPath("$.status")
			.isEqualTo("UNPAID")
			.jsonPath("$.amountDue.total")
			.isEqualTo(4_000_000);
		send(decision).expectStatus().isOk();
		send(Decisions.json(number, "001085012345", "30A-123.45", 6_000_000, 3)).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		List<ConsumerRecord<String, String>> received = TopicReader.await(
				TestInfrastructure.get().kafkaBootstrapServers(), "payment.events.v1",
				(record) -> ("PC08-HN|" + number).equals(record.key()), 1, Duration.ofSeconds(20));
		assertThat(TopicReader.header(received.get(0), "ce_type")).isEqualTo("vn.gov.bca.payment.DecisionReceived");
		assertThat(received.get(0).value()).doesNotContain("001085012345").doesNotContain("Nguyễn");
		EventSchemaAssertions.assertValid(received);
	}

	@Test
	void aMalformedPlateOrBothIdentifiersAreBadRequests() {
		send(Decisions.json(Decisions.newNumber(), "001085012345", "30A-12", 4_000_000, 3)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("vehicle.plate");
		send(Decisions.json(Decisions.newNumber(), "001085012345", "30A-123.45", 4_000_000, 3)
			.replace("\"personalId\": \"001085012345\"", "\"personalId\": \"001085012345\", \"taxCode\": \"0101234567\""))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("violator");
	}

	@Test
	void onlyViolationSystemsSendDecisions() {
		this.client.post()
			.uri("/api/payment/decisions")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001085012345", 2)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Decisions.json(Decisions.newNumber(), "001085012345", "30A-123.45", 1, 1))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void thePublicFindsUnpaidFinesByPlateWithTheViolatorMaskedAndALateSurcharge() {
		String number = Decisions.newNumber();
		send(Decisions.json(number, "001085012345", "51F-678.90", 4_000_000, 21)).expectStatus().isCreated();

		this.client.get()
			.uri("/api/payment/public/fines?plate=51f 678 90&vehicleType=CAR")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.plate")
			.isEqualTo("51F67890")
			.jsonPath("$.unpaid[?(@.decisionNumber == '%s')].violatorName".formatted(number))
			.isEqualTo("N. V. A.")
			.jsonPath("$.unpaid[?(@.decisionNumber == '%s')].violatorId".formatted(number))
			.isEqualTo("001*****2345")
			// Circular 18/2023/TT-BTC Art. 5(1): 21 days after receipt, late days are days 11..20.
			.jsonPath("$.unpaid[?(@.decisionNumber == '%s')].amountDue.daysLate".formatted(number))
			.isEqualTo(10)
			.jsonPath("$.unpaid[?(@.decisionNumber == '%s')].amountDue.total".formatted(number))
			.isEqualTo(4_020_000);

		this.client.get()
			.uri("/api/payment/public/fines?plate=51F-678.90&vehicleType=MOTORBIKE")
			.exchange()
			.expectBody()
			.jsonPath("$.unpaid.length()")
			.isEqualTo(0);
		this.client.get()
			.uri("/api/payment/public/fines?plate=51F&vehicleType=CAR")
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.get()
			.uri("/api/payment/public/decisions?issuingUnit=PC08-HN&number=999999/QĐ-XPHC")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result")
			.isEqualTo("NO_DECISION");
	}

	@Test
	void platesWithNoBreakAndOtherUnicodeSpacesAreTheSamePlate() {
		String number = Decisions.newNumber();
		send(Decisions.json(number, "001085012345", "30A\u00a0864.15", 4_000_000, 1)).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.plate")
			.isEqualTo("30A86415");
		for (String written : new String[] { "30A\u00a0864.15", "30A\u202f864\u202f15", "30A\u2007864.15", "30A\t864.15" }) {
			this.client.get()
				.uri("/api/payment/public/fines?plate={plate}&vehicleType=CAR", written)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.plate")
				.isEqualTo("30A86415")
				.jsonPath("$.unpaid[?(@.decisionNumber == '%s')]".formatted(number))
				.exists();
		}
	}

	/**
	 * Security review finding 13: a decision number alone (printed in sequence, easy to guess) tells
	 * the state and the amount due, not the vehicle, the violation, its place or time; with the
	 * decision's plate the masked decision is shown; with another plate it is not found.
	 */
	@Test
	void theLookupByDecisionNumberShowsTheVehicleAndPlaceOnlyWithThePlate() {
		String number = Decisions.newNumber();
		send(Decisions.json(number, "001085012345", "30A-864.16", 4_000_000, 1)).expectStatus().isCreated();

		String alone = this.client.get()
			.uri("/api/payment/public/decisions?issuingUnit=PC08-HN&number={number}", number)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((String) JsonPath.read(alone, "$.result")).isEqualTo("UNPAID");
		assertThat((Integer) JsonPath.read(alone, "$.summary.amountDue.total")).isEqualTo(4_000_000);
		assertThat(alone).doesNotContain("30A86416").doesNotContain("Thăng Long").doesNotContain("occurredAt")
			.doesNotContain("N. V. A.");

		this.client.get()
			.uri("/api/payment/public/decisions?issuingUnit=PC08-HN&number={number}&plate=30a 864 16", number)
			.exchange()
			.expectBody()
			.jsonPath("$.result")
			.isEqualTo("UNPAID")
			.jsonPath("$.decision.plate")
			.isEqualTo("30A86416")
			.jsonPath("$.decision.place")
			.isEqualTo("Đại lộ Thăng Long, Hà Nội");
		this.client.get()
			.uri("/api/payment/public/decisions?issuingUnit=PC08-HN&number={number}&plate=30A-864.17", number)
			.exchange()
			.expectBody()
			.jsonPath("$.result")
			.isEqualTo("NO_DECISION")
			.jsonPath("$.summary")
			.doesNotExist();
	}

	@Test
	void aMissingBooleanOrAmountIsAFieldError() {
		String decision = Decisions.json(Decisions.newNumber(), "001085012345", "30A-864.18", 4_000_000, 1);
		send(decision.replace(", \"cameraDetected\": true", "")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'cameraDetected')]")
			.exists();
		send(decision.replace("\"cameraDetected\": true", "\"cameraDetected\": null")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'cameraDetected')]")
			.exists();
		send(decision.replace("\"fineAmount\": 4000000, ", "")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'fineAmount')]")
			.exists();
	}

	@Test
	void aCitizenListsTheDecisionsAgainstThemOnly() {
		String number = Decisions.newNumber();
		send(Decisions.json(number, "079192004567", "51G-111.22", 2_000_000, 1)).expectStatus().isCreated();

		this.client.get()
			.uri("/api/payment/me/decisions")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("079192004567", 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.decisionNumber == '%s')].violator.personalId".formatted(number))
			.isEqualTo("079192004567");
		this.client.get()
			.uri("/api/payment/me/decisions")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001085012345", 2)))
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.decisionNumber == '%s')]".formatted(number))
			.doesNotExist();
	}

	private WebTestClient.ResponseSpec send(String decision) {
		return this.client.post()
			.uri("/api/payment/decisions")
			.headers((headers) -> headers.setBearerAuth(this.violationSystem))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(decision)
			.exchange();
	}

}
