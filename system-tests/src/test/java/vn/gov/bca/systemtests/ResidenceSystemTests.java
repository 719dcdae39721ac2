package vn.gov.bca.systemtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stay notifications through the gateway with the realm's tokens and the real registry: the demo
 * hotel's operator notifies a guest at once and, for an arrival after 23:00 two days ago, late; a
 * guest the registry does not confirm is refused; a citizen notifies a guest at his own home; the
 * Hà Nội officer sees the arrivals of the day, the guest her own stay. The hotel declares 1,000
 * foreign guests at once: three bad rows are answered one by one and the 997 others stored together.
 */
class ResidenceSystemTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final String HOTEL = "CSLT-DEMO-HN-0001";

	@Test
	void staysAreNotifiedAtOnceAndALateOneIsRecordedLate() throws Exception {
		String gateway = SystemStack.gateway();
		String provider = SystemStack.userToken("khachsan.hoguom");

		String mine = null;
		for (int i = 0; i < 40 && (mine == null || !mine.contains(HOTEL)); i++) {
			mine = SystemStack.get(gateway + "/api/residence/establishments/mine", "Authorization", "Bearer " + provider)
				.body();
			Thread.sleep(250);
		}
		assertThat(mine).contains(HOTEL, "Khách sạn Hồ Gươm");

		Instant soon = Instant.now().plus(Duration.ofHours(2));
		HttpResponse<String> onTime = SystemStack.post(gateway + "/api/residence/stays",
				stay(HOTEL, soon, "{\"personalId\": \"079192004567\", \"fullName\": \"Trần Thị Bích\", \"birthDate\": \"1992-07-25\"}"),
				"Authorization", "Bearer " + provider);
		assertThat(onTime.statusCode()).as(onTime.body()).isEqualTo(201);
		assertThat((Boolean) JsonPath.read(onTime.body(), "$.onTime")).isTrue();

		Instant lateArrival = LocalDateTime.now(VIETNAM).minusDays(2).withHour(23).withMinute(30).atZone(VIETNAM).toInstant();
		HttpResponse<String> late = SystemStack.post(gateway + "/api/residence/stays",
				stay(HOTEL, lateArrival, "{\"personalId\": \"048201000321\", \"fullName\": \"Lê Hoàng Minh\", \"birthDate\": \"2001-11-05\"}"),
				"Authorization", "Bearer " + provider);
		assertThat(late.statusCode()).as(late.body()).isEqualTo(201);
		assertThat((Boolean) JsonPath.read(late.body(), "$.onTime")).isFalse();
		String lateId = JsonPath.read(late.body(), "$.id");

		HttpResponse<String> wrongBirthDate = SystemStack.post(gateway + "/api/residence/stays",
				stay(HOTEL, soon, "{\"personalId\": \"079192004567\", \"fullName\": \"Trần Thị Bích\", \"birthDate\": \"1993-07-25\"}"),
				"Authorization", "Bearer " + provider);
		assertThat(wrongBirthDate.statusCode()).as(wrongBirthDate.body()).isEqualTo(422);
		assertThat((String) JsonPath.read(wrongBirthDate.body(), "$.errors[0].field")).isEqualTo("guests[0].personalId");

		// Nguyễn Văn An notifies a guest at his home in Phường Ba Đình (as the registry has it).
		HttpResponse<String> atHome = SystemStack.post(gateway + "/api/residence/stays", """
				{"address": {"provinceCode": "01", "commune": "Phường Ba Đình", "detail": "Số 18 phố Phan Đình Phùng"},
				 "reason": "Thăm người thân", "arrivedAt": "%s", "departsOn": "%s",
				 "guests": [{"personalId": "079192004567", "fullName": "Trần Thị Bích", "birthDate": "1992-07-25"}]}"""
			.formatted(soon, LocalDate.ofInstant(soon, VIETNAM).plusDays(3)), "Authorization",
				"Bearer " + SystemStack.userToken("nguyenvanan"));
		assertThat(atHome.statusCode()).as(atHome.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(atHome.body(), "$.host.fullName")).isEqualTo("Nguyễn Văn An");

		HttpResponse<String> arrivals = SystemStack.get(gateway + "/api/residence/stays?province=01&day="
				+ LocalDate.ofInstant(lateArrival, VIETNAM), "Authorization", "Bearer " + SystemStack.userToken("canbo.hanoi"));
		assertThat(arrivals.statusCode()).as(arrivals.body()).isEqualTo(200);
		assertThat(JsonPath.<List<Boolean>>read(arrivals.body(), "$[?(@.id == '" + lateId + "')].onTime"))
			.containsExactly(false);
		assertThat(SystemStack.get(gateway + "/api/residence/stays?province=01", "Authorization",
				"Bearer " + SystemStack.userToken("canbo.hcm")).statusCode()).isEqualTo(403);
		HttpResponse<String> hers = SystemStack.get(gateway + "/api/residence/me/stays", "Authorization",
				"Bearer " + SystemStack.userToken("tranthibich"));
		assertThat(JsonPath.<List<String>>read(hers.body(), "$[*].reason")).contains("Du lịch", "Thăm người thân");
	}

	@Test
	void aThousandForeignGuestsAreDeclaredInOneRequestAndTheBadRowsAnsweredOneByOne() {
		String gateway = SystemStack.gateway();
		String provider = SystemStack.userToken("khachsan.hoguom");
		Instant arrived = Instant.now().minus(Duration.ofHours(1));
		LocalDate day = LocalDate.ofInstant(arrived, VIETNAM);
		StringBuilder guests = new StringBuilder();
		for (int i = 0; i < 1000; i++) {
			String nationality = (i == 17) ? "ZZ" : "JP";
			String birthDate = (i == 400) ? "1990-13-01" : "1988-04-04";
			String passport = (i == 999) ? "TZ0000000" : "TZ%07d".formatted(i);
			guests.append((i > 0) ? "," : "").append("""
					{"passportNumber": "%s", "nationality": "%s", "fullName": "SATO YUKI %d", "birthDate": "%s",
					 "sex": "MALE", "entryDate": "%s", "room": "%d", "arrivedAt": "%s", "plannedDeparture": "%s"}"""
				.formatted(passport, nationality, i, birthDate, day.minusDays(1), 200 + i % 40, arrived, day.plusDays(4)));
		}
		HttpResponse<String> declared = SystemStack.post(gateway + "/api/residence/foreign-guests",
				"{\"establishmentId\": \"" + HOTEL + "\", \"guests\": [" + guests + "]}", "Authorization",
				"Bearer " + provider, "Accept-Language", "en");
		assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
		assertThat((Integer) JsonPath.read(declared.body(), "$.accepted")).isEqualTo(997);
		assertThat(JsonPath.<List<Integer>>read(declared.body(), "$.rows[?(@.status == 'REFUSED')].row"))
			.containsExactly(17, 400, 999);
		assertThat(JsonPath.<List<String>>read(declared.body(), "$.rows[17].errors[*].message"))
			.containsExactly("The nationality is an ISO 3166-1 two-letter code (e.g. KR, US).");
		assertThat(JsonPath.<List<String>>read(declared.body(), "$.rows[999].errors[*].code"))
			.containsExactly("foreigner.guest-twice");

		String id = JsonPath.read(declared.body(), "$.id");
		HttpResponse<String> stored = SystemStack.get(gateway + "/api/residence/foreign-guests/mine?establishmentId=" + HOTEL,
				"Authorization", "Bearer " + provider);
		List<List<?>> storedGuests = JsonPath.read(stored.body(), "$[?(@.id == '" + id + "')].guests");
		assertThat(storedGuests).hasSize(1);
		assertThat(storedGuests.get(0)).hasSize(997);
		HttpResponse<String> officers = SystemStack.get(gateway + "/api/residence/foreign-guests?province=01",
				"Authorization", "Bearer " + SystemStack.userToken("canbo.hanoi"));
		assertThat(officers.body()).contains(id);
	}

	private static String stay(String establishment, Instant arrivedAt, String guest) {
		return """
				{"establishmentId": "%s", "reason": "Du lịch", "arrivedAt": "%s", "departsOn": "%s", "guests": [%s]}"""
			.formatted(establishment, arrivedAt, LocalDate.ofInstant(arrivedAt, VIETNAM).plusDays(2), guest);
	}

}
