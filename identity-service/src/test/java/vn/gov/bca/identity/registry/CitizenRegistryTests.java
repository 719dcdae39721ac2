package vn.gov.bca.identity.registry;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CitizenRegistryTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final String TYPES = "https://dichvucong.bca.gov.vn/problems/";

	@Autowired
	private WebTestClient client;

	@Autowired
	private vn.gov.bca.identity.privacy.Pseudonyms pseudonyms;

	private final String officer = jwt.officer("001080001111", "PA08-HN", "01");

	@Test
	void anOfficerEntersACitizenWhoThenReadsTheirOwnRecord() {
		String body = citizen("001185000101", "Nguyễn  Thị Hà", "1985-04-02", "FEMALE");

		register(body).expectStatus()
			.isCreated()
			.expectHeader()
			.location("/api/identity/citizens/001185000101")
			.expectBody()
			.jsonPath("$.fullName")
			.isEqualTo("Nguyễn Thị Hà")
			.jsonPath("$.birthRegistrationProvince")
			.isEqualTo("001");

		this.client.get()
			.uri("/api/identity/me")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001185000101", 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.personalId")
			.isEqualTo("001185000101")
			.jsonPath("$.birthDate")
			.isEqualTo("1985-04-02")
			.jsonPath("$.permanentAddress.provinceCode")
			.isEqualTo("01");

		List<ConsumerRecord<String, String>> events = TopicReader.await(
				TestInfrastructure.get().kafkaBootstrapServers(), "identity.events.v1",
				(record) -> this.pseudonyms.of("001185000101").equals(record.key()), 1, Duration.ofSeconds(20));
		assertThat(events).hasSize(1);
		EventSchemaAssertions.assertValid(events);
		assertThat(TopicReader.header(events.get(0), "ce_type")).isEqualTo("vn.gov.bca.identity.CitizenRegistered");
		assertThat(events.get(0).value()).doesNotContain("Nguyễn").doesNotContain("1985-04-02");
		// Finding 10: no personal id in the key, the headers (ce_subject) or the payload (aggregateId).
		ConsumerRecord<String, String> record = events.get(0);
		assertThat(record.key()).matches("[0-9a-f]{64}").doesNotContainPattern("[0-9]{12}");
		assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(record.key());
		for (org.apache.kafka.common.header.Header header : record.headers()) {
			assertThat(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8)).as(header.key())
				.doesNotContain("001185000101");
		}
		assertThat(record.value()).doesNotContain("001185000101")
			.contains("\"aggregateId\":\"" + record.key() + "\"");
	}

	@Test
	void aNumberAlreadyInTheRegistryIsAConflict() {
		register(citizen("079187000202", "Võ Thị Lan", "1987-01-20", "FEMALE")).expectStatus().isCreated();
		register(citizen("079187000202", "Võ Thị Lan", "1987-01-20", "FEMALE")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Số định danh cá nhân này đã có trong Cơ sở dữ liệu quốc gia về dân cư.");
	}

	@Test
	void aNumberThatContradictsTheBirthDateOrSexIsRefusedAndNothingIsWritten() {
		// Digit 4 = 0 says a man born in the 1900s; the record says a woman.
		register(citizen("048090000303", "Lê Thị Mai", "1990-05-05", "FEMALE")).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPES + "unprocessable")
			.jsonPath("$.errors[0].field")
			.isEqualTo("personalId")
			.jsonPath("$.errors[0].code")
			.isEqualTo("personal-id.century-or-sex-mismatch")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Chữ số thứ tư của số định danh cá nhân không khớp với giới tính và thế kỷ sinh.");
		register(citizen("048191000303", "Lê Thị Mai", "1990-05-05", "FEMALE"), "en").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("The fifth and sixth digits of the personal identification number do not match the year of birth.");
		expectNoCitizen("048090000303");
		expectNoCitizen("048191000303");
	}

	@Test
	void malformedNumbersAndImpossibleDatesAre400() {
		register(citizen("04819000030", "Lê Thị Mai", "1990-05-05", "FEMALE")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(TYPES + "validation")
			.jsonPath("$.errors[0].field")
			.isEqualTo("personalId");
		register(citizen("04819000030A", "Lê Thị Mai", "1990-05-05", "FEMALE")).expectStatus().isBadRequest();
		register(citizen("048190000304", "Lê Thị Mai", "1990-02-30", "FEMALE")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("birthDate")
			.jsonPath("$.errors[0].code")
			.isEqualTo("birth-date.impossible");
		register(citizen("048190000304", "Lê Thị Mai", "1990-05-05", "UNKNOWN")).expectStatus().isBadRequest();
		expectNoCitizen("048190000304");
	}

	@Test
	void onlyRegistryOfficersEnterOrReadOthersRecords() {
		this.client.post()
			.uri("/api/identity/citizens")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001085012345", 2)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(citizen("001095000505", "Phạm Văn Nam", "1995-09-09", "MALE"))
			.exchange()
			.expectStatus()
			.isForbidden();
		register(citizen("001095000505", "Phạm Văn Nam", "1995-09-09", "MALE")).expectStatus().isCreated();
		this.client.get()
			.uri("/api/identity/citizens/001095000505")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001085012345", 2)))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/api/identity/citizens/001095000505")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.fullName")
			.isEqualTo("Phạm Văn Nam");
	}

	@Test
	void aCitizenWithoutARecordGets404FromMe() {
		this.client.get()
			.uri("/api/identity/me")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("096205009999", 1)))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Không tìm thấy công dân.");
	}

	private void expectNoCitizen(String personalId) {
		this.client.get()
			.uri("/api/identity/citizens/" + personalId)
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private WebTestClient.ResponseSpec register(String body) {
		return register(body, null);
	}

	private WebTestClient.ResponseSpec register(String body, String language) {
		return this.client.post().uri("/api/identity/citizens").headers((headers) -> {
			headers.setBearerAuth(this.officer);
			if (language != null) {
				headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static String citizen(String personalId, String name, String birthDate, String sex) {
		return """
				{"personalId":"%s","fullName":"%s","birthDate":"%s","sex":"%s","ethnicity":"Kinh",
				 "permanentAddress":{"asRecorded":"Số 1 phố Tràng Tiền, phường Tràng Tiền, quận Hoàn Kiếm, Hà Nội",
				  "provinceCode":"01","commune":"Phường Hoàn Kiếm","detail":"Số 1 phố Tràng Tiền"}}
				""".formatted(personalId, name, birthDate, sex);
	}

}
