package vn.gov.bca.residence.foreigner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Foreigners' declarations against real MongoDB and Kafka: a list of 1,000 guests with 3 bad rows is
 * answered row by row and its 997 good rows are stored as one declaration with one event; a list
 * without a good row is a 422 problem that writes nothing; a departure is declared once; the
 * province's officers see the declarations, another establishment's provider does not declare. The
 * same list as a CSV file in NA17's layout is answered and stored alike; a file not in the layout
 * is refused whole.
 */
@IntegrationTest
class ForeignGuestTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final String OPERATOR = "001178005555";

	private static final String NA17_HEADER = "STT,Họ và tên,Ngày sinh,Giới tính,Quốc tịch,Số hộ chiếu,Số thị thực,"
			+ "Ngày nhập cảnh,Số phòng,Thời gian đến,Dự kiến ngày đi";

	private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	@Autowired
	private WebTestClient client;

	private final String officer = jwt.officer("001080001111", "CAP-HK-HN", "01");

	private String provider(String personalId) {
		return jwt.token().subject("provider-" + personalId).personalId(personalId).identityLevel(2)
			.roles("citizen", "accommodation-provider").sign();
	}

	private String establishment() {
		return JsonPath.read(this.client.post()
			.uri("/api/residence/establishments")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"name": "Khách sạn Sông Hồng", "licence": "0109876543",
					 "address": {"provinceCode": "01", "commune": "Phường Hoàn Kiếm", "detail": "2 phố Tràng Tiền"},
					 "operators": ["%s"]}""".formatted(OPERATOR))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), "$.id");
	}

	private static String guest(int i, Instant arrivedAt) {
		LocalDate day = VietnamTime.dayOf(arrivedAt);
		return """
				{"passportNumber": "M%08d", "nationality": "KR", "fullName": "KIM MIN %d", "birthDate": "1990-01-01",
				 "sex": "FEMALE", "visa": "", "entryDate": "%s", "room": "%d", "arrivedAt": "%s",
				 "plannedDeparture": "%s"}""".formatted(i, i, day.minusDays(1), 100 + i % 50, arrivedAt, day.plusDays(3));
	}

	private WebTestClient.ResponseSpec declare(String token, String establishment, List<String> guests) {
		return this.client.post()
			.uri("/api/residence/foreign-guests")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"establishmentId\": \"" + establishment + "\", \"guests\": [" + String.join(",", guests) + "]}")
			.exchange();
	}

	private WebTestClient.ResponseSpec declareCsv(String token, String establishment, String csv) {
		return this.client.post()
			.uri("/api/residence/foreign-guests?establishmentId=" + establishment)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(TEXT_CSV)
			.bodyValue(csv)
			.exchange();
	}

	/** A guest's row of NA17 written as a Vietnamese spreadsheet does, arriving at that local time. */
	private static String csvGuest(int stt, String name, String birthDate, String sex, String nationality,
			String passport, String visa, LocalDateTime arrival, String arrivedAt) {
		LocalDate day = arrival.toLocalDate();
		return String.join(",", String.valueOf(stt), name, birthDate, sex, nationality, passport, visa,
				day.minusDays(1).format(DAY), String.valueOf(300 + stt), arrivedAt, day.plusDays(3).format(DAY));
	}

	@Test
	void aThousandGuestsInOneRequestAreAnsweredRowByRowAndTheGoodRowsStoredTogether() {
		String hotel = establishment();
		Instant arrived = Instant.now().minus(Duration.ofHours(2));
		Instant longAgo = Instant.now().minus(Duration.ofHours(13));
		List<String> guests = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			guests.add(guest(i, (i < 10) ? longAgo : arrived));
		}
		guests.set(100, guest(100, arrived).replace("\"KR\"", "\"XX\""));
		guests.set(500, guest(500, arrived).replace("\"birthDate\": \"1990-01-01\"", "\"birthDate\": \"01/01/1990\""));
		guests.set(999, guest(1, arrived));

		String answer = declare(provider(OPERATOR), hotel, guests).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((Integer) JsonPath.read(answer, "$.accepted")).isEqualTo(997);
		assertThat((Integer) JsonPath.read(answer, "$.refused")).isEqualTo(3);
		// The first ten arrived 13 hours ago: accepted, late.
		assertThat((Integer) JsonPath.read(answer, "$.late")).isEqualTo(10);
		assertThat(JsonPath.<List<Integer>>read(answer, "$.rows[?(@.status == 'REFUSED')].row")).containsExactly(100, 500,
				999);
		assertThat(JsonPath.<List<String>>read(answer, "$.rows[100].errors[*].field")).containsExactly("nationality");
		assertThat(JsonPath.<List<String>>read(answer, "$.rows[500].errors[*].field")).containsExactly("birthDate");
		assertThat(JsonPath.<List<String>>read(answer, "$.rows[999].errors[*].code")).containsExactly("foreigner.guest-twice");
		assertThat(JsonPath.<List<String>>read(answer, "$.rows[500].errors[*].message"))
			.containsExactly("Ngày viết theo dạng YYYY-MM-DD.");
		assertThat((Boolean) JsonPath.read(answer, "$.rows[0].onTime")).isFalse();
		assertThat((Boolean) JsonPath.read(answer, "$.rows[10].onTime")).isTrue();
		// A JSON row has no CSV line.
		assertThat(JsonPath.<Map<String, Object>>read(answer, "$.rows[0]")).containsKey("row").doesNotContainKey("line");
		assertThat(JsonPath.<Map<String, Object>>read(answer, "$.rows[100]")).doesNotContainKey("line");
		String id = JsonPath.read(answer, "$.id");

		// One declaration of 997 guests, one event with the counts only.
		String declarations = this.client.get()
			.uri("/api/residence/foreign-guests/mine?establishmentId=" + hotel)
			.headers((headers) -> headers.setBearerAuth(provider(OPERATOR)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(JsonPath.<List<?>>read(declarations, "$")).hasSize(1);
		assertThat(JsonPath.<List<?>>read(declarations, "$[0].guests")).hasSize(997);
		var events = TopicReader.await(TestInfrastructure.get().kafkaBootstrapServers(), "residence.events.v1",
				(record) -> id.equals(record.key()), 1, Duration.ofSeconds(20));
		assertThat(events).hasSize(1);
		EventSchemaAssertions.assertValid(events);
		assertThat(events.get(0).value()).contains("\"guests\":997", "\"late\":10").doesNotContain("M00000001", "KIM MIN");

		// The guest in row 3 leaves; declaring it twice is a conflict.
		String departure = "{\"passportNumber\": \"M00000003\", \"nationality\": \"KR\", \"departedAt\": \"" + Instant.now() + "\"}";
		this.client.post().uri("/api/residence/foreign-guests/" + id + "/departures")
			.headers((headers) -> headers.setBearerAuth(provider(OPERATOR)))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(departure).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.guests[3].departedAt").exists();
		this.client.post().uri("/api/residence/foreign-guests/" + id + "/departures")
			.headers((headers) -> headers.setBearerAuth(provider(OPERATOR)))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(departure).exchange()
			.expectStatus().isEqualTo(409);

		// The province's police see it; another province's may not look.
		this.client.get().uri("/api/residence/foreign-guests?province=01&commune=Phường Hoàn Kiếm")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.id == '" + id + "')].establishmentName").isEqualTo(List.of("Khách sạn Sông Hồng"));
		this.client.get().uri("/api/residence/foreign-guests?province=01")
			.headers((headers) -> headers.setBearerAuth(jwt.officer("079187002222", "CAP-SG-HCM", "79")))
			.exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void aListWithoutAGoodRowIsAProblemAndWritesNothing() {
		String hotel = establishment();
		Instant arrived = Instant.now().minus(Duration.ofHours(1));
		declare(provider(OPERATOR), hotel, List.of(guest(1, arrived).replace("\"KR\"", "\"VN\""),
				guest(2, Instant.now().plus(Duration.ofHours(3)))))
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.rows[0].errors[0].code").isEqualTo("foreigner.vietnamese")
			.jsonPath("$.rows[1].errors[0].field").isEqualTo("arrivedAt");
		this.client.get()
			.uri("/api/residence/foreign-guests/mine?establishmentId=" + hotel)
			.headers((headers) -> headers.setBearerAuth(provider(OPERATOR)))
			.exchange()
			.expectBody()
			.jsonPath("$.length()").isEqualTo(0);

		// Only the establishment's operators declare; a list over 1,000 is refused whole.
		declare(provider("001178009999"), hotel, List.of(guest(3, arrived))).expectStatus().isForbidden();
		List<String> tooMany = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			tooMany.add(guest(i, arrived));
		}
		declare(provider(OPERATOR), hotel, tooMany).expectStatus().isBadRequest();
	}

	@Test
	void aNa17CsvFileIsAnsweredRowByRowAndStoredLikeTheJsonList() {
		String hotel = establishment();
		// Written to the minute in Vietnam's time, as the spreadsheet has it.
		LocalDateTime arrival = LocalDateTime.ofInstant(Instant.now().minus(Duration.ofHours(2)), VietnamTime.ZONE)
			.truncatedTo(ChronoUnit.MINUTES);
		Instant arrived = arrival.atZone(VietnamTime.ZONE).toInstant();
		String csv = "\uFEFF" + NA17_HEADER + "\r\n"
				+ csvGuest(1, "\"PARK, JI-HOON\"", "15/03/1988", "Nam", "KR", "M70000001", "DL1234567", arrival,
						arrival.format(DAY_AND_TIME)) + "\r\n"
				+ csvGuest(2, "\"SMITH \"\"JANE\"\"\"", "02/07/1992", "Nữ", "US", "5550001", "", arrival, arrived.toString())
				+ "\r\n"
				// 31 February: passed on as written, refused by the row check.
				+ csvGuest(3, "TANAKA YUKI", "31/02/1990", "nữ", "JP", "TK0000003", "", arrival,
						arrival.format(DAY_AND_TIME)) + "\r\n";
		String key = UUID.randomUUID().toString();

		String answer = this.client.post()
			.uri("/api/residence/foreign-guests?establishmentId=" + hotel)
			.headers((headers) -> headers.setBearerAuth(provider(OPERATOR)))
			.header("Idempotency-Key", key)
			.contentType(TEXT_CSV)
			.bodyValue(csv)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((Integer) JsonPath.read(answer, "$.accepted")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(answer, "$.refused")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(answer, "$.late")).isEqualTo(0);
		assertThat(JsonPath.<List<String>>read(answer, "$.rows[*].status")).containsExactly("ACCEPTED", "ACCEPTED",
				"REFUSED");
		assertThat(JsonPath.<List<Integer>>read(answer, "$.rows[*].row")).containsExactly(0, 1, 2);
		assertThat(JsonPath.<List<Integer>>read(answer, "$.rows[*].line")).containsExactly(2, 3, 4);
		assertThat(JsonPath.<List<String>>read(answer, "$.rows[2].errors[*].field")).containsExactly("birthDate");
		assertThat(JsonPath.<List<String>>read(answer, "$.rows[2].errors[*].code")).containsExactly("foreigner.date-invalid");
		// dd/MM/yyyy HH:mm is Vietnam's time: the deadline is 12 hours after that instant, as for the ISO one.
		assertThat(Instant.parse(JsonPath.read(answer, "$.rows[0].deadline"))).isEqualTo(arrived.plus(Duration.ofHours(12)));
		assertThat(Instant.parse(JsonPath.read(answer, "$.rows[1].deadline"))).isEqualTo(arrived.plus(Duration.ofHours(12)));

		// The same file with the same key: the first answer again, nothing declared twice.
		this.client.post()
			.uri("/api/residence/foreign-guests?establishmentId=" + hotel)
			.headers((headers) -> headers.setBearerAuth(provider(OPERATOR)))
			.header("Idempotency-Key", key)
			.contentType(TEXT_CSV)
			.bodyValue(csv)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(String.class)
			.isEqualTo(answer);

		String declarations = this.client.get()
			.uri("/api/residence/foreign-guests/mine?establishmentId=" + hotel)
			.headers((headers) -> headers.setBearerAuth(provider(OPERATOR)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(JsonPath.<List<?>>read(declarations, "$")).hasSize(1);
		assertThat(JsonPath.<String>read(declarations, "$[0].id")).isEqualTo(JsonPath.read(answer, "$.id"));
		assertThat(JsonPath.<List<String>>read(declarations, "$[0].guests[*].fullName")).containsExactly("PARK, JI-HOON",
				"SMITH \"JANE\"");
		assertThat(JsonPath.<List<String>>read(declarations, "$[0].guests[*].sex")).containsExactly("MALE", "FEMALE");
		assertThat(JsonPath.<List<String>>read(declarations, "$[0].guests[*].birthDate")).containsExactly("1988-03-15",
				"1992-07-02");
		assertThat(JsonPath.<List<String>>read(declarations, "$[0].guests[*].entryDate"))
			.containsExactly(arrival.toLocalDate().minusDays(1).toString(), arrival.toLocalDate().minusDays(1).toString());
		assertThat(JsonPath.<List<String>>read(declarations, "$[0].guests[*].visa")).containsExactly("DL1234567");
		assertThat(JsonPath.<List<String>>read(declarations, "$[0].guests[*].arrivedAt")).extracting(Instant::parse)
			.containsExactly(arrived, arrived);
	}

	@Test
	void aCsvFileNotInNa17sLayoutIsRefusedWholeAndAStrangerDoesNotDeclare() {
		String hotel = establishment();
		LocalDateTime arrival = LocalDateTime.ofInstant(Instant.now().minus(Duration.ofHours(1)), VietnamTime.ZONE);
		String row = csvGuest(1, "LEE SOO", "01/01/1990", "Nữ", "KR", "AB1234567", "", arrival,
				arrival.format(DAY_AND_TIME));

		// A missing column is named, in the caller's language.
		declareCsv(provider(OPERATOR), hotel, NA17_HEADER.replace("Quốc tịch,", "") + "\n" + row.replace(",KR,", ",")
				+ "\n")
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.column").isEqualTo("Quốc tịch")
			.jsonPath("$.detail").isEqualTo("Tệp CSV thiếu cột \"Quốc tịch\" (nationality).");
		this.client.post()
			.uri("/api/residence/foreign-guests?establishmentId=" + hotel)
			.headers((headers) -> headers.setBearerAuth(provider(OPERATOR)))
			.header("Accept-Language", "en")
			.contentType(TEXT_CSV)
			.bodyValue(NA17_HEADER.replace(",Số phòng,", ",Phòng,") + "\n" + row + "\n")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.column").isEqualTo("Phòng")
			.jsonPath("$.detail").isEqualTo("The column \"Phòng\" is not one of form NA17.");

		// A broken quote names its line; an empty file and a file over 1,000 rows are 400.
		declareCsv(provider(OPERATOR), hotel, NA17_HEADER + "\n" + row + "\n" + row.replace("LEE SOO", "\"LEE\" SOO") + "\n")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.line").isEqualTo(3);
		declareCsv(provider(OPERATOR), hotel, "").expectStatus().isBadRequest().expectBody()
			.jsonPath("$.detail").isEqualTo("Tệp CSV cần dòng tiêu đề theo mẫu NA17 và ít nhất một dòng khách.");
		StringBuilder tooMany = new StringBuilder(NA17_HEADER).append("\n");
		for (int i = 0; i < 1001; i++) {
			tooMany.append(row.replace("AB1234567", "AB%07d".formatted(i))).append("\n");
		}
		declareCsv(provider(OPERATOR), hotel, tooMany.toString()).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("guests")
			.jsonPath("$.errors[0].code").isEqualTo("foreigner.csv-too-many-rows");

		// Over 2 MB, sent in chunks without a length: 413 once the limit is read, whatever follows.
		String chunk = row + "\n" + ",".repeat(64 * 1024) + "\n";
		this.client.post()
			.uri("/api/residence/foreign-guests?establishmentId=" + hotel)
			.headers((headers) -> headers.setBearerAuth(provider(OPERATOR)))
			.contentType(TEXT_CSV)
			.body(BodyInserters.fromPublisher(Flux.range(0, 40).map((i) -> (i == 0) ? NA17_HEADER + "\n" : chunk),
					String.class))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.detail").isEqualTo("Tệp CSV không được lớn hơn 2 MB.");

		// Only the establishment's operators declare, by file as by JSON.
		declareCsv(provider("001178009999"), hotel, NA17_HEADER + "\n" + row + "\n").expectStatus().isForbidden();
		this.client.get()
			.uri("/api/residence/foreign-guests/mine?establishmentId=" + hotel)
			.headers((headers) -> headers.setBearerAuth(provider(OPERATOR)))
			.exchange()
			.expectBody()
			.jsonPath("$.length()").isEqualTo(0);
	}

}
