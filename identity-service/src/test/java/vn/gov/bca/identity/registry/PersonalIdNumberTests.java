package vn.gov.bca.identity.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PersonalIdNumberTests {

	private static final ProvinceCodes BIRTH_PROVINCES = ProvinceCodes.birthRegistration();

	@ParameterizedTest
	@CsvSource({ "001085012345, 1985-03-12, MALE", "079192004567, 1992-07-25, FEMALE",
			"048201000321, 2001-11-05, MALE", "036090006666, 1990, MALE", "001178005555, 1978-06, FEMALE",
			"096305000001, 2005-01-31, FEMALE", "001400000001, 2100-01-01, MALE", "001999000001, 2399-12-31, FEMALE" })
	void acceptsANumberThatFitsItsHolder(String number, String birth, Sex sex) {
		assertThat(new PersonalIdNumber(number).violations(BirthDate.parse(birth), sex, BIRTH_PROVINCES)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "00108501234", "0010850123456", "00108501234A", "001 085 012345", "００１０８５０１２３４５" })
	void refusesAnythingButTwelveDigits(String value) {
		assertThat(PersonalIdNumber.isWellFormed(value)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalIdNumber(value));
	}

	@Test
	void refusesAProvinceCodeThatIsNotABirthRegistrationProvince() {
		// 003 was never assigned; 099 is past the last code (096 Cà Mau).
		assertThat(new PersonalIdNumber("003085012345").violations(BirthDate.parse("1985"), Sex.MALE, BIRTH_PROVINCES))
			.containsExactly(PersonalIdNumber.Violation.UNKNOWN_BIRTH_PROVINCE);
		assertThat(new PersonalIdNumber("099085012345").violations(BirthDate.parse("1985"), Sex.MALE, BIRTH_PROVINCES))
			.containsExactly(PersonalIdNumber.Violation.UNKNOWN_BIRTH_PROVINCE);
	}

	@Test
	void refusesACenturyDigitThatContradictsSexOrCentury() {
		// G = 0 says a man born in the 1900s.
		assertThat(new PersonalIdNumber("079092004567").violations(BirthDate.parse("1992-07-25"), Sex.FEMALE,
				BIRTH_PROVINCES))
			.containsExactly(PersonalIdNumber.Violation.CENTURY_OR_SEX_MISMATCH);
		assertThat(new PersonalIdNumber("048001000321").violations(BirthDate.parse("2001-11-05"), Sex.MALE,
				BIRTH_PROVINCES))
			.containsExactly(PersonalIdNumber.Violation.CENTURY_OR_SEX_MISMATCH);
	}

	@Test
	void refusesYearDigitsThatContradictTheYearOfBirth() {
		assertThat(new PersonalIdNumber("001086012345").violations(BirthDate.parse("1985-03-12"), Sex.MALE,
				BIRTH_PROVINCES))
			.containsExactly(PersonalIdNumber.Violation.BIRTH_YEAR_MISMATCH);
	}

	@Test
	void reportsEveryRuleThatIsBroken() {
		assertThat(new PersonalIdNumber("003186012345").violations(BirthDate.parse("2085"), Sex.MALE, BIRTH_PROVINCES))
			.containsExactly(PersonalIdNumber.Violation.UNKNOWN_BIRTH_PROVINCE,
					PersonalIdNumber.Violation.CENTURY_OR_SEX_MISMATCH, PersonalIdNumber.Violation.BIRTH_YEAR_MISMATCH);
	}

	@ParameterizedTest
	@CsvSource({ "1900, MALE, 0", "1999, FEMALE, 1", "2000, MALE, 2", "2099, FEMALE, 3", "2100, MALE, 4",
			"2250, FEMALE, 7", "2399, MALE, 8", "2300, FEMALE, 9" })
	void encodesCenturyAndSexInTheFourthDigit(int year, Sex sex, int digit) {
		assertThat(PersonalIdNumber.centuryAndSexDigit(year, sex)).isEqualTo(digit);
	}

	@Test
	void neverShowsTheWholeNumberInLogs() {
		assertThat(new PersonalIdNumber("001085012345")).hasToString("001*****2345");
	}

}
