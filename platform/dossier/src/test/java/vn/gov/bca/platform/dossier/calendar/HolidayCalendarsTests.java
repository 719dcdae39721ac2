package vn.gov.bca.platform.dossier.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The calendar as an administrator's file at a configured path, read again without a restart. */
class HolidayCalendarsTests {

	private static final String HEADER = "date,weekday,kind,status,name_vi,name_en,source\n";

	private static final String TET_2026 = "2026-02-16,MON,HOLIDAY,DECIDED,Tết,Lunar New Year,Decision X\n";

	@TempDir
	Path dir;

	@Test
	void withoutAConfiguredFileTheShippedCalendarIsUsed() {
		HolidayCalendars calendars = new HolidayCalendars(null);
		assertThat(calendars.file()).isEmpty();
		assertThat(calendars.calendar().lastYear()).isEqualTo(HolidayCalendar.standard().lastYear());
		assertThat(calendars.source()).startsWith("classpath:");
	}

	@Test
	void aReloadUsesTheAmendedFileAndADayWithoutADecisionStaysExpectedWithItsSource() throws IOException {
		Path file = this.dir.resolve("holidays.csv");
		Files.writeString(file, HEADER + TET_2026, StandardCharsets.UTF_8);
		HolidayCalendars calendars = new HolidayCalendars(file);
		assertThat(calendars.workingDays().isWorkingDay(LocalDate.of(2026, 11, 24))).isTrue();

		Files.writeString(file, HEADER + TET_2026
				+ "2026-11-24,TUE,HOLIDAY,EXPECTED,Ngày Văn hóa Việt Nam,Vietnam Culture Day,\"Labour Code amendment, 2026 - to confirm\"\n",
				StandardCharsets.UTF_8);
		HolidayCalendar reloaded = calendars.reload();
		assertThat(calendars.workingDays().isWorkingDay(LocalDate.of(2026, 11, 24))).isFalse();
		assertThat(reloaded.entry(LocalDate.of(2026, 11, 24)).orElseThrow()).satisfies((entry) -> {
			assertThat(entry.status()).isEqualTo(CalendarEntry.Status.EXPECTED);
			assertThat(entry.source()).isEqualTo("Labour Code amendment, 2026 - to confirm");
		});
	}

	@Test
	void aFileWithAMistakeIsRefusedAndTheCalendarInUseStays() throws IOException {
		Path file = this.dir.resolve("holidays.csv");
		Files.writeString(file, HEADER + TET_2026, StandardCharsets.UTF_8);
		HolidayCalendars calendars = new HolidayCalendars(file);
		WorkingDays before = calendars.workingDays();
		Files.writeString(file, HEADER + "2026-02-17,MON,HOLIDAY,DECIDED,Sai,Wrong,x\n", StandardCharsets.UTF_8);
		assertThatExceptionOfType(InvalidCalendarException.class).isThrownBy(calendars::reload)
			.withMessageContaining("TUESDAY");
		assertThat(calendars.workingDays()).isSameAs(before);
		Files.delete(file);
		assertThatExceptionOfType(java.io.UncheckedIOException.class).isThrownBy(calendars::reload);
		assertThat(calendars.workingDays()).isSameAs(before);
	}

}
