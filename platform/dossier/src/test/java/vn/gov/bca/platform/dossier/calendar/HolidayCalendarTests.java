package vn.gov.bca.platform.dossier.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayCalendarTests {

	private static final String HEADER = "date,weekday,kind,status,name_vi,name_en,source\n";

	private final HolidayCalendar calendar = HolidayCalendar.standard();

	@Test
	void anOrdinaryWeekdayIsAWorkingDay() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 3, 4))).isTrue();
	}

	@Test
	void anOrdinaryWeekendIsNotAWorkingDay() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 3, 8))).isFalse();
	}

	@Test
	void aHolidayOnAWeekdayIsNotAWorkingDay() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 9, 2))).isFalse();
	}

	@Test
	void aSaturdayWorkedInExchangeIsAWorkingDay() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 1, 10))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue();
	}

	@Test
	void theWeekdayGivenInExchangeIsNotAWorkingDay() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 5, 2))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 8, 31))).isFalse();
	}

	@Test
	void aListedDayTellsWhatItIsAndWhereItComesFrom() {
		assertThat(this.calendar.entry(LocalDate.of(2026, 4, 27))).hasValueSatisfying((entry) -> {
			assertThat(entry.kind()).isEqualTo(DayKind.HOLIDAY);
			assertThat(entry.nameVi()).startsWith("Nghỉ bù Giỗ Tổ Hùng Vương");
			assertThat(entry.source()).contains("Art. 111(3)");
		});
		assertThat(this.calendar.entry(LocalDate.of(2026, 3, 4))).isEmpty();
	}

	@Test
	void aDateOutsideTheFilesYearsIsRefusedNamingTheYearsCovered() {
		assertThatExceptionOfType(DateOutsideCalendarException.class)
			.isThrownBy(() -> this.calendar.isWorkingDay(LocalDate.of(2028, 1, 3)))
			.withMessageContaining("2028")
			.withMessageContaining("2025–2027")
			.satisfies((ex) -> {
				assertThat(ex.date()).isEqualTo(LocalDate.of(2028, 1, 3));
				assertThat(ex.firstYear()).isEqualTo(2025);
				assertThat(ex.lastYear()).isEqualTo(2027);
			});
		assertThatExceptionOfType(DateOutsideCalendarException.class)
			.isThrownBy(() -> this.calendar.isWorkingDay(LocalDate.of(2024, 12, 31)));
		assertThat(this.calendar.covers(LocalDate.of(2027, 12, 31))).isTrue();
		assertThat(this.calendar.covers(LocalDate.of(2028, 1, 1))).isFalse();
	}

	@Test
	void anAdministratorsAmendedFileTakesEffectWithoutARelease(@TempDir Path directory) throws IOException {
		String standard;
		try (InputStream in = HolidayCalendar.class.getResourceAsStream(HolidayCalendar.STANDARD_RESOURCE)) {
			standard = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Path amended = directory.resolve("holidays-vn.csv");
		Files.writeString(amended, standard
				+ "2028-01-03,MON,HOLIDAY,DECIDED,Nghỉ bù Tết Dương lịch,New Year's Day substitute,"
				+ "\"Decision X, 2027\"\n");
		HolidayCalendar calendar = HolidayCalendar.load(amended);
		assertThat(calendar.lastYear()).isEqualTo(2028);
		assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
		assertThat(calendar.entry(LocalDate.of(2028, 1, 3)).orElseThrow().source()).isEqualTo("Decision X, 2027");
		assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 4))).isTrue();
	}

	@Test
	void aByteOrderMarkAndQuotedCommasAreRead() {
		HolidayCalendar calendar = load("\uFEFF# comment\n\n" + HEADER
				+ "2030-01-01,TUE,HOLIDAY,DECIDED,Tết Dương lịch,New Year's Day,\"Labour Code, Art. 112 \"\"(1)\"\"\"\n");
		assertThat(calendar.entry(LocalDate.of(2030, 1, 1)).orElseThrow().source())
			.isEqualTo("Labour Code, Art. 112 \"(1)\"");
	}

	@Test
	void aWeekdayThatDoesNotMatchTheDateIsRefusedNamingTheLine() {
		assertThatThrownBy(() -> load(HEADER + "2030-01-01,TUE,HOLIDAY,DECIDED,a,b,c\n"
				+ "2030-09-02,TUE,HOLIDAY,DECIDED,a,b,c\n"))
			.isInstanceOf(InvalidCalendarException.class)
			.hasMessageContaining("line 3: 2030-09-02 is a MONDAY, not a TUESDAY");
	}

	@Test
	void aHolidayOnAWeekendIsRefused() {
		assertThatThrownBy(() -> load(HEADER + "2030-01-05,SAT,HOLIDAY,DECIDED,a,b,c\n"))
			.isInstanceOf(InvalidCalendarException.class)
			.hasMessageContaining("2030-01-05 is a SATURDAY: a holiday on a weekend changes nothing");
	}

	@Test
	void aWorkedDayOnAWeekdayIsRefused() {
		assertThatThrownBy(() -> load(HEADER + "2030-01-07,MON,WORKING_DAY,DECIDED,a,b,c\n"))
			.isInstanceOf(InvalidCalendarException.class)
			.hasMessageContaining("only a Saturday or Sunday can be listed as a working day");
	}

	@Test
	void aDateListedTwiceIsRefused() {
		assertThatThrownBy(() -> load(HEADER + "2030-01-01,TUE,HOLIDAY,DECIDED,a,b,c\n"
				+ "2030-01-01,TUE,HOLIDAY,EXPECTED,a,b,c\n"))
			.isInstanceOf(InvalidCalendarException.class)
			.hasMessageContaining("2030-01-01 is listed twice");
	}

	@Test
	void aYearLeftOutBetweenTheFirstAndTheLastIsRefused() {
		assertThatThrownBy(() -> load(HEADER + "2030-01-01,TUE,HOLIDAY,DECIDED,a,b,c\n"
				+ "2032-01-01,THU,HOLIDAY,DECIDED,a,b,c\n"))
			.isInstanceOf(InvalidCalendarException.class)
			.hasMessageContaining("no day is listed for 2031");
	}

	@Test
	void unknownKindsStatusesAndMissingFieldsAreAllReportedWithTheirLines() {
		assertThatThrownBy(() -> load(HEADER + "2030-01-01,TUE,DAY_OFF,DECIDED,a,b,c\n"
				+ "2030-01-02,WED,HOLIDAY,MAYBE,a,b,c\n"
				+ "2030-01-03,THU,HOLIDAY,DECIDED,a,b\n"
				+ "2030-13-01,THU,HOLIDAY,DECIDED,a,b,c\n"
				+ "2030-01-04,FRI,HOLIDAY,DECIDED,,b,c\n"))
			.isInstanceOf(InvalidCalendarException.class)
			.hasMessageContaining("line 2: 'DAY_OFF' is not a kind (HOLIDAY, WORKING_DAY)")
			.hasMessageContaining("line 3: 'MAYBE' is not a status (DECIDED, EXPECTED)")
			.hasMessageContaining("line 4: expected 7 fields, found 6")
			.hasMessageContaining("line 5: '2030-13-01' is not a date")
			.hasMessageContaining("line 6: name_vi is empty");
	}

	@Test
	void aFileWithoutTheHeaderIsRefused() {
		assertThatThrownBy(() -> load("2030-01-01,TUE,HOLIDAY,DECIDED,a,b,c\n"))
			.isInstanceOf(InvalidCalendarException.class)
			.hasMessageContaining("expected the header");
		assertThatThrownBy(() -> load("# nothing\n"))
			.isInstanceOf(InvalidCalendarException.class)
			.hasMessageContaining("no header line");
	}

	@Test
	void aFileWithoutAnyDayIsRefused() {
		assertThatThrownBy(() -> load(HEADER))
			.isInstanceOf(InvalidCalendarException.class)
			.hasMessageContaining("lists no day");
	}

	@Test
	void theStandardCalendarIsReadOnceAndCannotBeChanged() {
		assertThat(HolidayCalendar.standard()).isSameAs(this.calendar);
		assertThatThrownBy(() -> this.calendar.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
	}

	private static HolidayCalendar load(String content) {
		return HolidayCalendar.load(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

}
