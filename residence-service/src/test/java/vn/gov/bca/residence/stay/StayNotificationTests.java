package vn.gov.bca.residence.stay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.ServiceStubs;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Stay notifications against real MongoDB and Kafka, the registry stubbed: an establishment's
 * operator notifies its guests at once and one notified after the deadline is recorded late; a
 * citizen notifies guests at the home where the registry has them; guests the registry does not
 * confirm, a stay of 30 days or more, and a provider of another establishment are refused with
 * nothing written.
 */
@IntegrationTest
class StayNotificationTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final ServiceStubs services = new ServiceStubs();

	private static final String OPERATOR = "001178005555";

	private static final String HOST = "001085012345";

	@Autowired
	private WebTestClient client;

	private final String officer = jwt.officer("001080001111", "CAP-HK-HN", "01");

	@DynamicPropertySource
	static void registry(DynamicPropertyRegistry registry) {
		services.standIn(registry);
		services.register(HOST, "Nguyễn Văn An", "1985-03-12", "MALE").livingAt(HOST, "01", "Phường Hoàn Kiếm",
				"15 phố Hàng Bài");
	}

	@AfterAll
	static void stopStubs() {
		services.close();
	}

	private String provider(String personalId) {
		return jwt.token().subject("provider-" + personalId).personalId(personalId).identityLevel(2)
			.roles("citizen", "accommodation-provider").sign();
	}

	private String establishment(String operator) {
		String body = this.client.post()
			.uri("/api/residence/establishments")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"name": "Khách sạn Hồ Gươm", "licence": "0101234567", "remoteArea": false,
					 "address": {"provinceCode": "01", "commune": "Phường Hoàn Kiếm", "detail": "15 phố Hàng Khay"},
					 "operators": ["%s"]}""".formatted(operator))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JsonPath.read(body, "$.id");
	}

	private WebTestClient.ResponseSpec notifyStay(String token, String body) {
		return this.client.post()
			.uri("/api/residence/stays")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static String stay(String establishment, Instant arrivedAt, LocalDate departsOn, String guests) {
		return """
				{%s "reason": "Du lịch", "arrivedAt": "%s", "departsOn": "%s", "guests": [%s]}"""
			.formatted((establishment != null) ? "\"establishmentId\": \"" + establishment + "\"," : "", arrivedAt,
					departsOn, guests);
	}

	private static String guest(String personalId, String name, String birthDate) {
		return """
				{"personalId": "%s", "fullName": "%s", "birthDate": "%s"}""".formatted(personalId, name, birthDate);
	}

	@Test
	void anOperatorNotifiesAtOnceAndALateOneIsRecordedLate() {
		String hotel = establishment(OPERATOR);
		Instant soon = Instant.now().plus(Duration.ofHours(2));
		String onTime = notifyStay(provider(OPERATOR), stay(hotel, soon, VietnamTime.dayOf(soon).plusDays(2),
				guest("079192004567", "Trần Thị Bích", "1992-05-20") + ","
						+ "{\"passportNumber\": \"C1234567\", \"fullName\": \"Lê Văn Cường\", \"birthDate\": \"1990\"}"))
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((Boolean) JsonPath.read(onTime, "$.onTime")).isTrue();
		assertThat((String) JsonPath.read(onTime, "$.address.detail")).isEqualTo("15 phố Hàng Khay");
		assertThat((List<?>) JsonPath.read(onTime, "$.guests")).hasSize(2);

		// Arrived at 23:30 two days ago: the deadline was 08:00 the next morning.
		Instant lateArrival = LocalDateTime.now(VietnamTime.ZONE).minusDays(2).withHour(23).withMinute(30)
			.atZone(VietnamTime.ZONE).toInstant();
		String late = notifyStay(provider(OPERATOR), stay(hotel, lateArrival, VietnamTime.dayOf(lateArrival).plusDays(3),
				guest("001190000777", "Phạm Minh Đức", "1990-07-07")))
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((Boolean) JsonPath.read(late, "$.onTime")).isFalse();
		assertThat(Instant.parse(JsonPath.read(late, "$.deadline")))
			.isEqualTo(VietnamTime.dayOf(lateArrival).plusDays(1).atTime(8, 0).atZone(VietnamTime.ZONE).toInstant());

		String id = JsonPath.read(late, "$.id");
		var events = TopicReader.await(TestInfrastructure.get().kafkaBootstrapServers(), "residence.events.v1",
				(record) -> id.equals(record.key()), 1, Duration.ofSeconds(20));
		assertThat(events).hasSize(1);
		EventSchemaAssertions.assertValid(events);
		assertThat(TopicReader.header(events.get(0), "ce_type")).isEqualTo("vn.gov.bca.residence.StayNotified");
		assertThat(events.get(0).value()).contains("\"onTime\":false", "\"guests\":1")
			.doesNotContain("001190000777", "Phạm Minh Đức");

		// The commune's police see the late arrival on its day; another province's officer may not look.
		this.client.get()
			.uri("/api/residence/stays?province=01&commune=Phường Hoàn Kiếm&day=" + VietnamTime.dayOf(lateArrival))
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '" + id + "')].onTime")
			.isEqualTo(List.of(false));
		this.client.get()
			.uri("/api/residence/stays?province=01")
			.headers((headers) -> headers.setBearerAuth(jwt.officer("079187002222", "CAP-SG-HCM", "79")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	/** Guests are notified from 14 on; a child under 14 with the adult they stay with, an id being optional. */
	@Test
	void aChildUnder14IsNotifiedWithTheAdultAndNeverAlone() {
		String hotel = establishment(OPERATOR);
		Instant soon = Instant.now().plus(Duration.ofHours(1));
		LocalDate departs = VietnamTime.dayOf(soon).plusDays(2);
		String child = "{\"fullName\": \"Trần Minh Khôi\", \"birthDate\": \"%s\"}"
			.formatted(VietnamTime.dayOf(soon).minusYears(8));
		String family = notifyStay(provider(OPERATOR),
				stay(hotel, soon, departs, guest("079192004567", "Trần Thị Bích", "1992-05-20") + "," + child))
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((List<?>) JsonPath.read(family, "$.guests")).hasSize(2);

		notifyStay(provider(OPERATOR), stay(hotel, soon, departs, child))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("guests")
			.jsonPath("$.errors[0].code")
			.isEqualTo("stay.children-alone");
		// Turning 14 on the day of arrival: an id is needed again.
		String fourteen = "{\"fullName\": \"Trần Minh Khôi\", \"birthDate\": \"%s\"}"
			.formatted(VietnamTime.dayOf(soon).minusYears(14));
		notifyStay(provider(OPERATOR), stay(hotel, soon, departs, guest("079192004567", "Trần Thị Bích", "1992-05-20")
				+ "," + fourteen))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("guests[1]");
	}

	@Test
	void aCitizenNotifiesGuestsAtTheHomeTheRegistryHasThemAt() {
		String body = """
				{"address": {"provinceCode": "01", "commune": "phường  hoàn kiếm", "detail": "15 phố Hàng Bài"},
				 "reason": "Thăm người thân", "arrivedAt": "%s", "departsOn": "%s", "guests": [%s]}""";
		Instant arrival = Instant.now().minus(Duration.ofMinutes(5));
		notifyStay(jwt.citizen(HOST, 2), body.formatted(arrival, VietnamTime.dayOf(arrival).plusDays(5),
				guest("001190000888", "Đỗ Thị Mai", "1995-01-01")))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.host.fullName")
			.isEqualTo("Nguyễn Văn An")
			// the commune as the registry writes it, whatever the spelling given
			.jsonPath("$.address.commune")
			.isEqualTo("Phường Hoàn Kiếm");
		// The guest sees the stay as theirs, and who notified it, but not the host's personal id.
		String hers = this.client.get()
			.uri("/api/residence/me/stays")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001190000888", 2)))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((String) JsonPath.read(hers, "$[0].reason")).isEqualTo("Thăm người thân");
		assertThat((String) JsonPath.read(hers, "$[0].hostName")).isEqualTo("Nguyễn Văn An");
		assertThat(hers).doesNotContain(HOST, "subject");

		// Not at his home: refused, naming the address.
		notifyStay(jwt.citizen(HOST, 2), body.replace("Phường Hoàn Kiếm", "Phường Ba Đình")
			.replace("phường  hoàn kiếm", "Phường Ba Đình")
			.formatted(arrival, VietnamTime.dayOf(arrival).plusDays(5), guest("001190000889", "Đỗ Văn Nam", "1995-02-02")))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("address");
		notifyStay(jwt.citizen(HOST, 1), body.formatted(arrival, VietnamTime.dayOf(arrival).plusDays(5),
				guest("001190000889", "Đỗ Văn Nam", "1995-02-02")))
			.expectStatus()
			.isForbidden();
	}

	@Test
	void whatTheLawDoesNotAllowIsRefusedAndNothingIsWritten() {
		String hotel = establishment(OPERATOR);
		Instant arrival = Instant.now().plus(Duration.ofHours(1));
		LocalDate day = VietnamTime.dayOf(arrival);
		services.unknownToRegistry.add("Người Không Có");
		notifyStay(provider(OPERATOR), stay(hotel, arrival, day.plusDays(1),
				guest("001190000901", "Trần Văn Một", "1990-01-01") + ","
						+ guest("001190000902", "Người Không Có", "1990-01-01")))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("guests[1].personalId");
		this.client.get()
			.uri("/api/residence/me/stays")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen("001190000901", 2)))
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);

		// 30 days or more is a temporary registration, not a stay (Law on Residence, Art. 2).
		notifyStay(provider(OPERATOR), stay(hotel, arrival, day.plusDays(30), guest("001190000903", "Lê Thị Ba", "1990")))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("departsOn");
		notifyStay(provider(OPERATOR), stay(hotel, arrival, day.plusDays(29), guest("001190000903", "Lê Thị Ba", "1990")))
			.expectStatus()
			.isCreated();
		// Neither or both of a personal id and a passport number.
		notifyStay(provider(OPERATOR), stay(hotel, arrival, day, "{\"fullName\": \"Vô Danh\", \"birthDate\": \"1990\"}"))
			.expectStatus()
			.isEqualTo(422);
		// Another provider may not notify for this establishment; an unknown one does not exist.
		notifyStay(provider("001178009999"), stay(hotel, arrival, day, guest("001190000904", "Lê Văn Tư", "1990")))
			.expectStatus()
			.isForbidden();
		notifyStay(provider(OPERATOR), stay("CSLT-none", arrival, day, guest("001190000904", "Lê Văn Tư", "1990")))
			.expectStatus()
			.isNotFound();
		// An officer of another province cannot register an establishment in Hà Nội.
		this.client.post()
			.uri("/api/residence/establishments")
			.headers((headers) -> headers.setBearerAuth(jwt.officer("079187002222", "CAP-SG-HCM", "79")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"name": "Nhà nghỉ", "licence": "1", "address": {"provinceCode": "01", "commune": "Phường Hoàn Kiếm",
					 "detail": "1 phố Huế"}, "operators": ["001178005555"]}""")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
