package vn.gov.bca.residence.foreigner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Foreigners' declarations against real MongoDB and Kafka: a list of 1,000 guests with 3 bad rows is
 * answered row by row and its 997 good rows are stored as one declaration with one event; a list
 * without a good row is a 422 problem that writes nothing; a departure is declared once; the
 * province's officers see the declarations, another establishment's provider does not declare.
 */
@IntegrationTest
class ForeignGuestTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final String OPERATOR = "001178005555";

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

}
