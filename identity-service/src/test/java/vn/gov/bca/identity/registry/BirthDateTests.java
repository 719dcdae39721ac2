package vn.gov.bca.identity.registry;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BirthDateTests {

	@Test
	void keepsWhatIsKnownOfTheDate() {
		assertThat(BirthDate.parse("1985-03-12")).isEqualTo(BirthDate.of(LocalDate.of(1985, 3, 12)));
		assertThat(BirthDate.parse("1985-03-12")).hasToString("1985-03-12");
		assertThat(new BirthDate(2001, 11, 9)).hasToString("2001-11-09");
		assertThat(BirthDate.parse("1948-07")).hasToString("1948-07").extracting(BirthDate::day).isNull();
		assertThat(BirthDate.parse("1932")).hasToString("1932").extracting(BirthDate::month).isNull();
		assertThat(BirthDate.parse("1932").earliestDay()).isEqualTo(LocalDate.of(1932, 1, 1));
		assertThat(BirthDate.parse("2004-02-29").isFullDate()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1985-02-30", "2001-02-29", "1985-13", "1985-00-10", "1899-12-31", "12/03/1985", "85",
			"1985-3-12", "" })
	void refusesImpossibleOrMalformedDates(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> BirthDate.parse(text));
	}

}
