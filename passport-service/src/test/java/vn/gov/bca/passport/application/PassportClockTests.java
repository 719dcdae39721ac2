package vn.gov.bca.passport.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.dossier.calendar.HolidayCalendar;
import vn.gov.bca.platform.dossier.calendar.WorkingDays;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.ServiceStubs;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.SettableClock;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.web.time.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vietnam's day from the service's clock (set here with the test kit's SettableClock): dossier
 * codes, appointments, overdue, statistics and exit bans across midnight in Vietnam, which is the
 * afternoon before in UTC; and the holiday calendar as the administrator's file, reloaded without a
 * restart, and counted past its last year.
 */
@IntegrationTest
@Import(PassportClockTests.Clocks.class)
class PassportClockTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final ServiceStubs services = new ServiceStubs();

	private static final SettableClock clock = SettableClock.at(LocalDateTime.of(2026, 3, 2, 9, 0), VietnamTime.ZONE);

	private static final String STANDARD = standardFile();

	private static final Path calendarFile = calendarFile();

	private final String officer = jwt.officer("001080001111", "PA08-HN", "01");

	private final String supervisor = jwt.token()
		.subject("lead-hn-clock")
		.personalId("001075003399")
		.identityLevel(2)
		.roles("officer", "supervisor")
		.claim("agency", "PA08-HN")
		.claim("province", "01")
		.sign();

	private final String admin = jwt.token().subject("admin-clock").roles("admin").sign();

	@Autowired
	private WebTestClient client;

	@TestConfiguration
	static class Clocks {

		@Bean
		Clock clock() {
			return clock;
		}

	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		services.standIn(registry);
		registry.add("vneid.dossier.calendar.file", calendarFile::toString);
	}

	@AfterAll
	static void stopStubs() {
		services.close();
	}

	@Test
	void aDossierReceivedJustAfterMidnightInVietnamHasThatDaysCodeAppointmentAndStatistics() {
		// 00:30 on Thu 12 Mar 2026 in Hà Nội: still 17:30 on the 11th in UTC.
		clock.set(Instant.parse("2026-03-11T17:30:00Z"));
		String holder = "001190123501";
		String dossier = body(submit(jwt.citizen(holder, 2), firstIssue(holder, "Lê Thị Khuya", "1990-03-12")));
		String code = JsonPath.read(dossier, "$.code");
		assertThat(code).matches("PA08-HN-260312-[0-9]{4}");
		LocalDate appointment = WorkingDays.standard().plus(LocalDate.of(2026, 3, 12), 8);
		assertThat((String) JsonPath.read(dossier, "$.appointmentDate")).isEqualTo(appointment.toString());
		assertThat((Boolean) JsonPath.read(dossier, "$.appointmentProvisional")).isFalse();

		String onThe12th = body(statistics("2026-03-12", "2026-03-12"));
		assertThat((Integer) JsonPath.read(onThe12th, "$.counts.length()")).isEqualTo(1);
		String onThe11th = body(statistics("2026-03-11", "2026-03-11"));
		assertThat((Integer) JsonPath.read(onThe11th, "$.counts.length()")).isZero();

		// Overdue from the first minute of the day after the appointment, in Vietnam.
		clock.set(appointment.atTime(23, 30));
		assertThat((Boolean) JsonPath.read(body(get(code, jwt.citizen(holder, 2))), "$.overdue")).isFalse();
		clock.set(appointment.plusDays(1).atTime(0, 30));
		assertThat((Boolean) JsonPath.read(body(get(code, jwt.citizen(holder, 2))), "$.overdue")).isTrue();
	}

	@Test
	void anExitBanFromTodayInVietnamIsInForceWhileItIsStillYesterdayInUtc() {
		clock.set(Instant.parse("2026-04-01T17:30:00Z"));
		String holder = "001090123502";
		String ban = body(this.client.post()
			.uri("/api/passport/exit-bans")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("personalId", holder, "legalBasis", "Khoản 1 Điều 36", "reason", "Bị can"))
			.exchange()
			.expectStatus()
			.isCreated());
		assertThat((String) JsonPath.read(ban, "$.from")).isEqualTo("2026-04-02");
		submit(jwt.citizen(holder, 2), firstIssue(holder, "Lê Văn Hoãn", "1990-04-02")).expectStatus().isEqualTo(409);
	}

	@Test
	void aReloadedCalendarCountsNewDossiersButKeepsTheDatesAlreadyPromised() throws IOException {
		clock.set(LocalDateTime.of(2026, 5, 4, 10, 0));
		LocalDate promised = WorkingDays.standard().plus(LocalDate.of(2026, 5, 4), 8);
		String first = "001190123503";
		String code = JsonPath.read(body(submit(jwt.citizen(first, 2), firstIssue(first, "Lê Thị Hứa", "1990-05-04"))),
				"$.code");
		try {
			Files.writeString(calendarFile, STANDARD + "2026-05-06,WED,HOLIDAY,EXPECTED,Ngày nghỉ mới,New day off,"
					+ "\"Draft decision, not yet published\"\n", StandardCharsets.UTF_8);
			reload(jwt.citizen(first, 2)).expectStatus().isForbidden();
			String reloaded = body(reload(this.admin).expectStatus().isOk());
			assertThat((String) JsonPath.read(reloaded, "$.source")).isEqualTo(calendarFile.toString());
			assertThat(reloaded).contains("2026-05-06").contains("Draft decision, not yet published");

			assertThat((String) JsonPath.read(body(get(code, jwt.citizen(first, 2))), "$.appointmentDate"))
				.isEqualTo(promised.toString());
			String second = "001190123504";
			LocalDate counted = LocalDate.parse(JsonPath.read(
					body(submit(jwt.citizen(second, 2), firstIssue(second, "Lê Thị Mới", "1990-05-05"))),
					"$.appointmentDate"));
			assertThat(counted).isEqualTo(new WorkingDays(HolidayCalendar.load(calendarFile)).plus(LocalDate.of(2026, 5, 4), 8))
				.isAfter(promised);

			// A file with a mistake is refused whole; the calendar in use stays.
			Files.writeString(calendarFile, STANDARD + "2026-05-07,MON,HOLIDAY,DECIDED,Sai,Wrong,x\n",
					StandardCharsets.UTF_8);
			reload(this.admin).expectStatus()
				.isEqualTo(422)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			String third = "001190123505";
			assertThat((String) JsonPath.read(
					body(submit(jwt.citizen(third, 2), firstIssue(third, "Lê Thị Giữ", "1990-05-06"))),
					"$.appointmentDate"))
				.isEqualTo(counted.toString());
		}
		finally {
			Files.writeString(calendarFile, STANDARD, StandardCharsets.UTF_8);
			reload(this.admin).expectStatus().isOk();
		}
	}

	@Test
	void aSubmissionWhoseAppointmentFallsPastTheCalendarGetsAProvisionalDateNotAnError() {
		clock.set(LocalDateTime.of(2027, 12, 27, 10, 0));
		String holder = "001190123506";
		String dossier = body(submit(jwt.citizen(holder, 2), firstIssue(holder, "Lê Thị Cuối", "1990-12-27")));
		assertThat((Boolean) JsonPath.read(dossier, "$.appointmentProvisional")).isTrue();
		LocalDate appointment = LocalDate.parse(JsonPath.read(dossier, "$.appointmentDate"));
		assertThat(appointment).isEqualTo(WorkingDays.standard().appointment(LocalDate.of(2027, 12, 27), 8).date());
		assertThat(appointment.getYear()).isEqualTo(2028);
	}

	private WebTestClient.ResponseSpec reload(String token) {
		return this.client.post()
			.uri("/api/passport/admin/calendar/reload")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	private WebTestClient.ResponseSpec statistics(String from, String to) {
		return this.client.get()
			.uri("/api/passport/statistics?from={from}&to={to}", from, to)
			.headers((headers) -> headers.setBearerAuth(this.supervisor))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private WebTestClient.ResponseSpec get(String code, String token) {
		return this.client.get()
			.uri("/api/passport/dossiers/" + code)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	private WebTestClient.ResponseSpec submit(String token, String body) {
		return this.client.post()
			.uri("/api/passport/dossiers")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static String body(WebTestClient.ResponseSpec response) {
		return response.expectBody(String.class).returnResult().getResponseBody();
	}

	private static String firstIssue(String holder, String name, String born) {
		return """
				{"procedure": "FIRST_ISSUE", "handlingProvince": "01",
				 "form": {"holderPersonalId": "%s", "holderFullName": "%s", "holderBirthDate": "%s", "sex": "FEMALE",
				          "chip": true}}""".formatted(holder, name, born);
	}

	private static String standardFile() {
		try (InputStream in = HolidayCalendar.class.getResourceAsStream(HolidayCalendar.STANDARD_RESOURCE)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The administrator's copy, outside the classpath. */
	private static Path calendarFile() {
		try {
			Path file = Files.createTempDirectory("vneid-calendar").resolve("holidays-vn.csv");
			Files.writeString(file, STANDARD, StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
