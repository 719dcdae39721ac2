package vn.gov.bca.identity.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import vn.gov.bca.platform.web.security.PersonalIds;

/**
 * A personal identification number (số định danh cá nhân): 12 digits {@code PPP G YY NNNNNN},
 * lifelong, without a check digit. {@code PPP} is the province where the birth was registered,
 * {@code G} encodes the century of birth and the sex (1900s male 0 / female 1, 2000s 2/3, 2100s
 * 4/5, 2200s 6/7, 2300s 8/9), {@code YY} the last two digits of the year of birth. Only the form
 * is checked on construction; {@link #violations} checks it against the person it belongs to.
 *
 * @param value the 12 digits
 */
public record PersonalIdNumber(String value) {

	private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

	/** A rule of the number that the person's recorded data breaks; each has a message in vi and en. */
	public enum Violation {

		UNKNOWN_BIRTH_PROVINCE("personal-id.unknown-province"),
		CENTURY_OR_SEX_MISMATCH("personal-id.century-or-sex-mismatch"),
		BIRTH_YEAR_MISMATCH("personal-id.birth-year-mismatch");

		private final String messageCode;

		Violation(String messageCode) {
			this.messageCode = messageCode;
		}

		public String messageCode() {
			return this.messageCode;
		}

	}

	public PersonalIdNumber {
		if (value == null || !TWELVE_DIGITS.matcher(value).matches()) {
			throw new IllegalArgumentException("A personal identification number is 12 digits");
		}
	}

	public static boolean isWellFormed(String value) {
		return value != null && TWELVE_DIGITS.matcher(value).matches();
	}

	public String birthProvinceCode() {
		return this.value.substring(0, 3);
	}

	public int centuryAndSexDigit() {
		return this.value.charAt(3) - '0';
	}

	public int birthYearDigits() {
		return Integer.parseInt(this.value.substring(4, 6));
	}

	/** The digit G for a person born in that year with that sex. */
	public static int centuryAndSexDigit(int birthYear, Sex sex) {
		int centuriesAfter1900 = (birthYear / 100) - 19;
		if (centuriesAfter1900 < 0 || centuriesAfter1900 > 4) {
			throw new IllegalArgumentException("No century digit for the year " + birthYear);
		}
		return centuriesAfter1900 * 2 + ((sex == Sex.FEMALE) ? 1 : 0);
	}

	/** The rules this number breaks for a person born then, of that sex; empty when it fits. */
	public List<Violation> violations(BirthDate birthDate, Sex sex, ProvinceCodes birthProvinces) {
		List<Violation> violations = new ArrayList<>();
		if (!birthProvinces.contains(birthProvinceCode())) {
			violations.add(Violation.UNKNOWN_BIRTH_PROVINCE);
		}
		if (centuryAndSexDigit() != centuryAndSexDigit(birthDate.year(), sex)) {
			violations.add(Violation.CENTURY_OR_SEX_MISMATCH);
		}
		if (birthYearDigits() != birthDate.year() % 100) {
			violations.add(Violation.BIRTH_YEAR_MISMATCH);
		}
		return List.copyOf(violations);
	}

	/** Never the whole number in a log line. */
	@Override
	public String toString() {
		return PersonalIds.mask(this.value);
	}

}
