package vn.gov.bca.identity.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.identity.privacy.Pseudonyms;
import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.IdentityCard;
import vn.gov.bca.identity.registry.Kin;
import vn.gov.bca.identity.registry.NewCitizens;
import vn.gov.bca.identity.registry.Sex;
import vn.gov.bca.platform.dossier.calendar.HolidayCalendars;
import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.PdfDocuments;
import vn.gov.bca.platform.testkit.ServiceStubs;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;
import vn.gov.bca.platform.testkit.TopicWriter;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The identity-card procedures against real MongoDB and Kafka (fine-payment-service stubbed): a
 * citizen about to turn 25 pre-registers the exchange online and books the counter day; the officer
 * of their province takes the biometrics (a poor sample refused), approves, produces the card and
 * hands it over; the registry's history has the new card valid to 40 and the old one replaced, and
 * publishes {@code IdentityCardIssued} under the pseudonym; the exchange at that age owes nothing; the
 * notice of the result is signed and says the card's dates. A parent files for a child under 6, with
 * no biometrics; nobody else may. A re-issue for a lost card invalidates it at once and owes 70,000 VND.
 */
@IntegrationTest
class CardDossierTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final ServiceStubs services = new ServiceStubs();

	private static final Caller REGISTRAR = new Caller("registrar", "001080001111", 2, Set.of(Caller.OFFICER), "PC06-HN",
			"01", "console");

	@Autowired
	private WebTestClient client;

	@Autowired
	private CitizenRegistry registry;

	@Autowired
	private Pseudonyms pseudonyms;

	@Autowired
	private HolidayCalendars calendars;

	private final String officer = jwt.officer("001080401111", "PC06-HN", "01");

	private final String otherProvinceOfficer = jwt.officer("079187402222", "PC06-HCM", "79");

	@DynamicPropertySource
	static void stubs(DynamicPropertyRegistry registry) {
		registry.add("vneid.clients.fine-payment-service.base-url", services::url);
	}

	@AfterAll
	static void stopStubs() {
		services.close();
	}

	@Test
	void aCitizenTurningTwentyFiveExchangesTheCardFreeAndTheRegistryHoldsTheNewOne() throws Exception {
		LocalDate today = LocalDate.now(VietnamTime.ZONE);
		LocalDate born = today.plusDays(20).minusYears(25);
		String holder = citizen(born, Sex.FEMALE, "41", "Phạm Thu Trang", null);
		this.registry.issueIdentityCard(holder, born.plusYears(16), IdentityCard.ISSUING_AUTHORITY, REGISTRAR).block();
		String token = jwt.citizen(holder, 2);

		// Online the counter day is booked: a working day from tomorrow.
		submit(token, "EXCHANGE", form(holder, "EXCHANGE_AGE", null)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity-card.capture-day-required");
		submit(token, "EXCHANGE", form(holder, "LOST", counterDay(today))).expectStatus().isEqualTo(400);
		String day = counterDay(today);
		String created = body(submit(token, "EXCHANGE", form(holder, "EXCHANGE_AGE", day)).expectStatus()
			.isCreated());
		String code = JsonPath.read(created, "$.code");
		assertThat(code).matches("PC06-HN-[0-9]{6}-[0-9]{4}");
		assertThat((Boolean) JsonPath.read(created, "$.feeExempt")).isTrue();

		// Another province's officer is refused; the officer of the holder's province acts.
		act(code, "accept", this.otherProvinceOfficer).expectStatus().isForbidden();
		act(code, "accept", this.officer).expectStatus().isOk();
		act(code, "payment-request", this.officer).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("không phải nộp"));
		act(code, "approve", this.officer).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("vân tay"));

		biometrics(code, this.officer, captureWith("POOR")).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("fingerprints[3].quality");
		String captured = body(biometrics(code, this.officer, captureWith("GOOD")).expectStatus().isOk());
		assertThat((Integer) JsonPath.read(captured, "$.biometrics.fingersCaptured")).isEqualTo(9);
		assertThat(captured).doesNotContain("FP-");
		biometrics(code, jwt.citizen(holder, 2), captureWith("GOOD")).expectStatus().isForbidden();

		String approved = body(act(code, "approve", this.officer).expectStatus().isOk());
		assertThat((String) JsonPath.read(approved, "$.printed.fullName")).isEqualTo("Phạm Thu Trang");
		handOver(code, "PICKED_UP", this.officer).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("chưa được sản xuất"));
		String produced = body(act(code, "card-production", this.officer).expectStatus().isOk());
		assertThat((String) JsonPath.read(produced, "$.card.number")).isEqualTo(holder);
		assertThat((String) JsonPath.read(produced, "$.card.expiresOn")).isEqualTo(born.plusYears(40).toString());
		act(code, "card-production", this.officer).expectStatus().isEqualTo(409);
		handOver(code, "PICKED_UP", this.officer).expectStatus().isOk();

		await().atMost(Duration.ofSeconds(20)).until(() -> code.equals(this.registry.find(holder).block()
			.currentIdentityCard()
			.dossierCode()));
		Citizen after = this.registry.find(holder).block();
		assertThat(after.identityCards()).hasSize(2);
		assertThat(after.currentIdentityCard().issuedOn()).isEqualTo(today);
		assertThat(after.currentIdentityCard().expiresOn()).isEqualTo(born.plusYears(40));
		assertThat(after.identityCards().get(0).replacedOn()).isEqualTo(today);
		assertThat(after.presentsValidCard(born.plusYears(16), today)).isFalse();
		assertThat(after.presentsValidCard(today, today)).isTrue();

		String pseudonym = this.pseudonyms.of(holder);
		List<ConsumerRecord<String, String>> issued = TopicReader.await(TestInfrastructure.get().kafkaBootstrapServers(),
				"identity.events.v1", (record) -> pseudonym.equals(record.key())
						&& "vn.gov.bca.identity.IdentityCardIssued".equals(TopicReader.header(record, "ce_type"))
						&& record.value().contains(code),
				1, Duration.ofSeconds(20));
		assertThat(issued.get(0).value()).contains(code, born.plusYears(40).toString()).doesNotContain(holder);
		EventSchemaAssertions.assertValid(issued);

		// The receipt at acceptance, and the signed notice of the result with the card's dates.
		byte[] result = document(code, "ID_CARD_RESULT", token);
		assertThat(PdfDocuments.flatText(result)).contains("THÔNG BÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC VỀ THẺ CĂN CƯỚC",
				"Phạm Thu Trang", holder, "Đổi thẻ khi đủ tuổi", born.plusYears(40).format(
						java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
		// The slip names the day booked at the counter for the biometrics.
		assertThat(PdfDocuments.flatText(document(code, "DOSSIER_RECEIPT", token))).contains(
				"Ngày đến thu nhận ảnh khuôn mặt, vân tay, mống mắt",
				LocalDate.parse(day).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
				"Nhận tại cơ quan tiếp nhận hồ sơ");
	}

	@Test
	void aParentFilesForAChildUnderSixWithoutBiometricsAndNobodyElseMay() throws Exception {
		LocalDate today = LocalDate.now(VietnamTime.ZONE);
		String father = citizen(today.minusYears(35), Sex.MALE, "42", "Ngô Văn Cha", null);
		LocalDate born = today.minusYears(5).minusDays(40);
		String child = citizen(born, Sex.MALE, "43", "Ngô Gia Bảo", new Kin(father, "Ngô Văn Cha"));
		String stranger = citizen(today.minusYears(40), Sex.FEMALE, "44", "Lạ Thị Người", null);

		submit(jwt.citizen(stranger, 2), "ISSUE", form(child, "FIRST_ISSUE", null)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity-card.holder-not-confirmed");
		// The same answer for a number the registry does not know.
		submit(jwt.citizen(stranger, 2), "ISSUE", form("001221999999", "FIRST_ISSUE", null)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity-card.holder-not-confirmed");
		String parent = jwt.citizen(father, 2);
		submit(parent, "ISSUE", form(child, "FIRST_ISSUE", counterDay(today))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity-card.no-biometrics-under-6");
		String created = body(submit(parent, "ISSUE", form(child, "FIRST_ISSUE", null)).expectStatus().isCreated());
		String code = JsonPath.read(created, "$.code");
		assertThat((String) JsonPath.read(created, "$.form.holderPersonalId")).isEqualTo(child);

		act(code, "accept", this.officer).expectStatus().isOk();
		biometrics(code, this.officer, captureWith("GOOD")).expectStatus().isEqualTo(409);
		act(code, "approve", this.officer).expectStatus().isOk();
		String produced = body(act(code, "card-production", this.officer).expectStatus().isOk());
		assertThat((String) JsonPath.read(produced, "$.card.expiresOn")).isEqualTo(born.plusYears(14).toString());
		handOver(code, "PICKED_UP", this.officer).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.registry.find(child).block().currentIdentityCard() != null);
		assertThat(this.registry.find(child).block().currentIdentityCard().expiresOn()).isEqualTo(born.plusYears(14));
		// The parent who filed may download the child's notice.
		document(code, "ID_CARD_RESULT", parent);
	}

	@Test
	void aReissueForALostCardInvalidatesItAtOnceAndOwesTheFee() {
		LocalDate today = LocalDate.now(VietnamTime.ZONE);
		LocalDate born = today.minusYears(30);
		String holder = citizen(born, Sex.MALE, "45", "Trịnh Văn Mất", null);
		LocalDate firstIssued = today.minusYears(3);
		this.registry.issueIdentityCard(holder, firstIssued, IdentityCard.ISSUING_AUTHORITY, REGISTRAR).block();
		assertThat(this.registry.find(holder).block().presentsValidCard(firstIssued, today)).isTrue();

		String code = JsonPath.read(body(submit(jwt.citizen(holder, 2), "REISSUE", """
				{"holderPersonalId": "%s", "ground": "LOST", "captureDay": "%s", "delivery": "POST",
				 "postalAddress": "Số 5 Hàng Bài, Phường Hoàn Kiếm, Hà Nội"}""".formatted(holder, counterDay(today)))
			.expectStatus()
			.isCreated()), "$.code");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !this.registry.find(holder).block().presentsValidCard(firstIssued, today));

		act(code, "accept", this.officer).expectStatus().isOk();
		biometrics(code, this.officer, captureWith("GOOD")).expectStatus().isOk();
		act(code, "approve", this.officer).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("70.000"));
		act(code, "payment-request", this.officer).expectStatus().isOk();
		assertThat(services.feeOrders.get(services.feeOrders.size() - 1)).contains("\"amount\":70000");
		// While the fee is awaited the biometrics may be taken again: the new capture replaces the first.
		assertThat((String) JsonPath.read(body(biometrics(code, this.officer, captureWith("ACCEPTABLE")).expectStatus()
			.isOk()), "$.status")).isEqualTo("PAYMENT_REQUESTED");
		String orderId = "PO-TEST-" + services.feeOrders.size();
		TopicWriter.send(TestInfrastructure.get().kafkaBootstrapServers(), "payment.events.v1", orderId,
				UUID.randomUUID().toString(), "vn.gov.bca.payment.PaymentSucceeded", "/fine-payment-service", """
						{"eventId": "%s", "occurredAt": "%s", "aggregateId": "%s", "referenceType": "DOSSIER_FEE",
						 "referenceId": "%s", "amount": 70000, "receiptNumber": "BL-261202-00000001",
						 "platformTransactionId": "SBX1"}""".formatted(UUID.randomUUID(), Instant.now(), orderId, code));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "IN_PROGRESS".equals(JsonPath.read(body(get("/api/identity/dossiers/" + code, this.officer)),
					"$.status")));
		act(code, "approve", this.officer).expectStatus().isOk();
		act(code, "card-production", this.officer).expectStatus().isOk();
		// Posted as the citizen asked, not handed over at the counter.
		handOver(code, "PICKED_UP", this.officer).expectStatus().isEqualTo(409);
		handOver(code, "POSTED", this.officer).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.registry.find(holder).block().presentsValidCard(today, today));
	}

	/** A citizen of Hà Nội entered for the test, with a well-formed number for their birth. */
	private String citizen(LocalDate born, Sex sex, String series, String name, Kin father) {
		int century = (born.getYear() >= 2000) ? 2 : 0;
		String personalId = "001" + (century + (sex == Sex.FEMALE ? 1 : 0)) + String.format("%02d", born.getYear() % 100)
				+ series + String.format("%04d", Math.floorMod(born.toEpochDay() + System.nanoTime(), 10_000));
		this.registry.register(NewCitizens.citizen(personalId, name, born.toString(), sex)
			.parents(father, null)
			.build()).block();
		return personalId;
	}

	private String counterDay(LocalDate today) {
		return this.calendars.workingDays().nextWorkingDayAfter(today.plusDays(1)).toString();
	}

	private static String form(String holder, String ground, String captureDay) {
		return """
				{"holderPersonalId": "%s", "ground": "%s", "captureDay": %s, "delivery": "COUNTER"}"""
			.formatted(holder, ground, (captureDay == null) ? "null" : "\"" + captureDay + "\"");
	}

	/** Nine fingers and both irises captured, the left little finger missing (amputated); the fourth of the given quality. */
	private static String captureWith(String fourthQuality) {
		StringBuilder fingers = new StringBuilder();
		String[] names = { "RIGHT_THUMB", "RIGHT_INDEX", "RIGHT_MIDDLE", "RIGHT_RING", "RIGHT_LITTLE", "LEFT_THUMB",
				"LEFT_INDEX", "LEFT_MIDDLE", "LEFT_RING" };
		for (int i = 0; i < names.length; i++) {
			fingers.append("{\"finger\": \"").append(names[i]).append("\", \"reference\": \"FP-0000000").append(i)
				.append("\", \"quality\": \"").append((i == 3) ? fourthQuality : "GOOD").append("\"},");
		}
		fingers.append("{\"finger\": \"LEFT_LITTLE\", \"notCapturable\": \"Cụt ngón\"}");
		return """
				{"face": {"reference": "FACE-00000001", "quality": "GOOD"}, "fingerprints": [%s],
				 "irises": [{"eye": "RIGHT", "reference": "IRIS-0000001", "quality": "GOOD"},
				            {"eye": "LEFT", "reference": "IRIS-0000002", "quality": "ACCEPTABLE"}]}""".formatted(fingers);
	}

	private WebTestClient.ResponseSpec submit(String token, String procedure, String form) {
		return this.client.post()
			.uri("/api/identity/dossiers")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"procedure\": \"" + procedure + "\", \"form\": " + form + "}")
			.exchange();
	}

	private WebTestClient.ResponseSpec biometrics(String code, String token, String capture) {
		return this.client.post()
			.uri("/api/identity/dossiers/" + code + "/biometrics")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(capture)
			.exchange();
	}

	private WebTestClient.ResponseSpec act(String code, String action, String token) {
		return this.client.post()
			.uri("/api/identity/dossiers/" + code + "/" + action)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	private WebTestClient.ResponseSpec handOver(String code, String method, String token) {
		return this.client.post()
			.uri("/api/identity/dossiers/" + code + "/return")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"method\": \"" + method + "\"}")
			.exchange();
	}

	private WebTestClient.ResponseSpec get(String path, String token) {
		return this.client.get().uri(path).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private byte[] document(String code, String type, String token) {
		String[] id = new String[1];
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			List<String> ids = JsonPath.read(body(get("/api/identity/documents?reference=" + code, token)),
					"$[?(@.type == '" + type + "')].id");
			id[0] = ids.isEmpty() ? null : ids.get(0);
			return id[0] != null;
		});
		return get("/api/identity/documents/" + id[0] + "/pdf", token).expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private static String body(WebTestClient.ResponseSpec response) {
		return response.expectBody(String.class).returnResult().getResponseBody();
	}

}
