package vn.gov.bca.platform.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decree 30/2020/NĐ-CP, Appendix I, Part I, section II: a day below 10 and the months 1 and 2 take
 * a leading zero; months 3 to 12 are written as they are (reading confirmed in secondary sources
 * quoting the appendix, see {@link VietnameseDates}).
 */
class VietnameseDatesTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-01-01 | ngày 01 tháng 01 năm 2026
			2026-02-09 | ngày 09 tháng 02 năm 2026
			2026-02-28 | ngày 28 tháng 02 năm 2026
			2026-03-02 | ngày 02 tháng 3 năm 2026
			2026-07-05 | ngày 05 tháng 7 năm 2026
			2026-08-23 | ngày 23 tháng 8 năm 2026
			2026-10-10 | ngày 10 tháng 10 năm 2026
			2026-12-01 | ngày 01 tháng 12 năm 2026
			""")
	void padsDaysBelowTenAndMonthsOneAndTwo(LocalDate date, String written) {
		assertThat(VietnameseDates.inDocument(date)).isEqualTo(written);
	}

	@Test
	void putsThePlaceBeforeTheDate() {
		assertThat(VietnameseDates.placeAndDate("Hà Nội", LocalDate.of(2026, 12, 1)))
				.isEqualTo("Hà Nội, ngày 01 tháng 12 năm 2026");
	}

	@Test
	void startsWithACapitalWithoutAPlace() {
		assertThat(VietnameseDates.placeAndDate("", LocalDate.of(2026, 2, 3))).isEqualTo("Ngày 03 tháng 02 năm 2026");
		assertThat(VietnameseDates.placeAndDate(null, LocalDate.of(2026, 2, 3))).isEqualTo("Ngày 03 tháng 02 năm 2026");
	}

	@Test
	void writesABodyDateInFigures() {
		assertThat(VietnameseDates.numeric(LocalDate.of(1985, 3, 12))).isEqualTo("12/03/1985");
	}
}
