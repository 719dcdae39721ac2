package vn.gov.bca.platform.dossier.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped holiday file against the law and an independent lunar calendar: what a typo or a
 * miscounted lunar date in it would cost is a wrong appointment date for every dossier.
 */
class HolidayFileTests {

	private final HolidayCalendar calendar = HolidayCalendar.standard();

	@Test
	void everyLineStatesTheWeekdayJavaTimeGivesForItsDate() throws IOException {
		List<String> lines = rawDataLines();
		assertThat(lines).hasSizeGreaterThan(30);
		for (String line : lines) {
			String[] fields = line.split(",", 3);
			LocalDate date = LocalDate.parse(fields[0]);
			String weekday = date.getDayOfWeek().name().substring(0, 3);
			assertThat(fields[1]).as(line).isEqualTo(weekday);
		}
	}

	@Test
	void theFileCoversTheYears2025To2027() {
		assertThat(this.calendar.firstYear()).isEqualTo(2025);
		assertThat(this.calendar.lastYear()).isEqualTo(2027);
	}

	@Test
	void holidaysFallOnWeekdaysAndWorkedDaysOnWeekends() {
		for (CalendarEntry entry : this.calendar.entries()) {
			boolean weekend = entry.date().getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue();
			assertThat(weekend).as(entry.toString()).isEqualTo(entry.kind() == DayKind.WORKING_DAY);
		}
	}

	@Test
	void theLunarCalendarPutsTetOn29January2025And17February2026And6February2027() {
		assertThat(VietnameseLunarCalendar.solarDate(1, 1, 2025)).isEqualTo(LocalDate.of(2025, 1, 29));
		assertThat(VietnameseLunarCalendar.solarDate(1, 1, 2026)).isEqualTo(LocalDate.of(2026, 2, 17));
		assertThat(VietnameseLunarCalendar.solarDate(1, 1, 2027)).isEqualTo(LocalDate.of(2027, 2, 6));
		assertThat(LocalDate.of(2027, 2, 6).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
		// Known years, to trust the conversion: Tết Quý Mão and Giáp Thìn.
		assertThat(VietnameseLunarCalendar.solarDate(1, 1, 2023)).isEqualTo(LocalDate.of(2023, 1, 22));
		assertThat(VietnameseLunarCalendar.solarDate(1, 1, 2024)).isEqualTo(LocalDate.of(2024, 2, 10));
	}

	@Test
	void theLunarCalendarPutsHungKingsDayOn7April2025And26April2026And16April2027() {
		assertThat(VietnameseLunarCalendar.solarDate(10, 3, 2025)).isEqualTo(LocalDate.of(2025, 4, 7));
		assertThat(VietnameseLunarCalendar.solarDate(10, 3, 2026)).isEqualTo(LocalDate.of(2026, 4, 26));
		assertThat(VietnameseLunarCalendar.solarDate(10, 3, 2027)).isEqualTo(LocalDate.of(2027, 4, 16));
		// Known year: 18 April 2024.
		assertThat(VietnameseLunarCalendar.solarDate(10, 3, 2024)).isEqualTo(LocalDate.of(2024, 4, 18));
	}

	@ParameterizedTest
	@ValueSource(ints = { 2025, 2026, 2027 })
	void tetGivesFiveWeekdaysOffIncludingTheEveOrItsSubstitutes(int year) {
		LocalDate newYear = VietnameseLunarCalendar.solarDate(1, 1, year);
		LocalDate eve = newYear.minusDays(1);
		assertThat(VietnameseLunarCalendar.of(eve).year()).isEqualTo(year - 1);
		assertThat(this.calendar.isWorkingDay(eve)).isFalse();
		long daysOff = this.calendar.entries()
			.stream()
			.filter((entry) -> entry.kind() == DayKind.HOLIDAY)
			.filter((entry) -> !entry.date().isBefore(eve.minusDays(5)) && !entry.date().isAfter(newYear.plusDays(10)))
			.count();
		assertThat(daysOff).isEqualTo(5);
		for (int day = 0; day <= 3; day++) {
			assertThat(this.calendar.isWorkingDay(newYear.plusDays(day))).as("mùng " + (day + 1)).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 2025, 2026, 2027 })
	void hungKingsDayIsOffOrReplacedByTheNextWeekday(int year) {
		assertObserved(VietnameseLunarCalendar.solarDate(10, 3, year));
	}

	@ParameterizedTest
	@ValueSource(ints = { 2025, 2026, 2027 })
	void fixedHolidaysAreOffOrReplacedByTheNextWeekday(int year) {
		for (MonthDay day : List.of(MonthDay.of(1, 1), MonthDay.of(4, 30), MonthDay.of(5, 1), MonthDay.of(9, 2))) {
			assertObserved(day.atYear(year));
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 2025, 2026, 2027 })
	void nationalDayHasADayBeforeOrAfter(int year) {
		LocalDate before = LocalDate.of(year, 9, 1);
		LocalDate after = LocalDate.of(year, 9, 3);
		assertThat(isHoliday(before) || isHoliday(after)).isTrue();
	}

	@Test
	void eachYearGivesElevenDaysOffAndTwelveWithCultureDayOnceSwapsCancelOut() {
		assertThat(netDaysOff(2025)).isEqualTo(11);
		assertThat(netDaysOff(2026)).isEqualTo(12);
		assertThat(netDaysOff(2027)).isEqualTo(12);
	}

	@Test
	void daysNotYetDecidedAreMarkedExpected() {
		assertThat(this.calendar.entries(2027)).allMatch((entry) -> entry.status() == CalendarEntry.Status.EXPECTED);
		assertThat(this.calendar.entry(LocalDate.of(2026, 11, 24))).hasValueSatisfying((entry) -> {
			assertThat(entry.status()).isEqualTo(CalendarEntry.Status.EXPECTED);
			assertThat(entry.source()).contains("confirm the legal basis");
		});
		assertThat(this.calendar.entries(2025)).allMatch((entry) -> entry.status() == CalendarEntry.Status.DECIDED);
	}

	@Test
	void everyEntryHasBothNamesAndASource() {
		assertThat(this.calendar.entries()).allSatisfy((entry) -> {
			assertThat(entry.nameVi()).isNotBlank();
			assertThat(entry.nameEn()).isNotBlank();
			assertThat(entry.source()).isNotBlank();
		});
	}

	private void assertObserved(LocalDate holiday) {
		if (CalendarEntry.isWeekend(holiday)) {
			LocalDate substitute = holiday.plusDays(holiday.getDayOfWeek() == DayOfWeek.SATURDAY ? 2 : 1);
			// A Saturday holiday next to a Friday one (30 Apr 2027) has its substitute on Monday too.
			assertThat(isHoliday(substitute)).as("substitute for " + holiday).isTrue();
		}
		else {
			assertThat(isHoliday(holiday)).as(holiday.toString()).isTrue();
		}
	}

	private boolean isHoliday(LocalDate date) {
		return this.calendar.entry(date).map((entry) -> entry.kind() == DayKind.HOLIDAY).orElse(false);
	}

	private long netDaysOff(int year) {
		List<CalendarEntry> entries = this.calendar.entries(year);
		long off = entries.stream().filter((entry) -> entry.kind() == DayKind.HOLIDAY).count();
		long worked = entries.stream().filter((entry) -> entry.kind() == DayKind.WORKING_DAY).count();
		return off - worked;
	}

	private static List<String> rawDataLines() throws IOException {
		try (InputStream in = HolidayFileTests.class.getResourceAsStream(HolidayCalendar.STANDARD_RESOURCE);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.filter((line) -> !line.toLowerCase(Locale.ROOT).startsWith("date,"))
				.toList();
		}
	}

}
