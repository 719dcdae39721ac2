package vn.gov.bca.platform.dossier.registry;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Birth dates as the registry holds them: a day, or only a month or a year. */
class BirthDateTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 11);

	@Test
	void aYearOrAMonthStandsForAllItsDays() {
		assertThat(BirthDate.parse("1950")).isEqualTo(new BirthDate("1950", LocalDate.of(1950, 1, 1), LocalDate.of(1950, 12, 31)));
		assertThat(BirthDate.parse("1952-02")).isEqualTo(new BirthDate("1952-02", LocalDate.of(1952, 2, 1), LocalDate.of(1952, 2, 29)));
		assertThat(BirthDate.parse("1950-03-12").isPartial()).isFalse();
		assertThat(BirthDate.parse("1950").isPartial()).isTrue();
	}

	@Test
	void anythingElseIsNotABirthDate() {
		for (String text : new String[] { "50", "1950-3", "1950-13", "1950-02-30", "1950-03-12T00:00", "", " 1950" }) {
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> BirthDate.parse(text));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> BirthDate.parse(null));
	}

	@Test
	void theAgeIsSureOnlyWhenEveryDayItStandsForGivesTheSameSideOf14() {
		assertThat(BirthDate.parse("1950").isSurelyAtLeast(14, TODAY)).isTrue();
		// Born in 2012: 14 from some day of 2026, not yet for some of them on 11 Mar 2026.
		assertThat(BirthDate.parse("2012").isSurelyAtLeast(14, TODAY)).isFalse();
		assertThat(BirthDate.parse("2012").isSurelyUnder(14, TODAY)).isFalse();
		assertThat(BirthDate.parse("2012-02").isSurelyAtLeast(14, TODAY)).isTrue();
		assertThat(BirthDate.parse("2012-04").isSurelyUnder(14, TODAY)).isTrue();
		assertThat(BirthDate.parse("2012-03-11").isSurelyAtLeast(14, TODAY)).isTrue();
		assertThat(BirthDate.parse("2012-03-12").isSurelyUnder(14, TODAY)).isTrue();
		assertThat(BirthDate.parse("2027").isAfter(TODAY)).isTrue();
	}

}
