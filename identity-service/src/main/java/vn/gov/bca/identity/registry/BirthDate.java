package vn.gov.bca.identity.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth as the registry holds it: the full date, or for some older citizens only the
 * month and year, or only the year. Written {@code 1985-03-12}, {@code 1985-03} or {@code 1985}.
 *
 * @param year the year of birth
 * @param month the month (1–12), or null when unknown
 * @param day the day of the month, or null when unknown (then the month may be known or not)
 */
public record BirthDate(int year, Integer month, Integer day) {

	private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

	public BirthDate {
		if (year < 1900 || year > 2399) {
			throw new IllegalArgumentException("Birth year out of range: " + year);
		}
		if (day != null && month == null) {
			throw new IllegalArgumentException("A day of birth needs its month");
		}
		try {
			if (day != null) {
				LocalDate.of(year, month, day);
			}
			else if (month != null) {
				YearMonth.of(year, month);
			}
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("No such date: " + year + "-" + month + "-" + day, ex);
		}
	}

	public static BirthDate of(LocalDate date) {
		return new BirthDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
	}

	/** Parses {@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy}; anything else or an impossible date is refused. */
	public static BirthDate parse(String text) {
		Matcher matcher = TEXT.matcher((text != null) ? text.trim() : "");
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a date of birth: " + text);
		}
		Integer month = (matcher.group(2) != null) ? Integer.valueOf(matcher.group(2)) : null;
		Integer day = (matcher.group(3) != null) ? Integer.valueOf(matcher.group(3)) : null;
		return new BirthDate(Integer.parseInt(matcher.group(1)), month, day);
	}

	public boolean isFullDate() {
		return this.day != null;
	}

	/** The earliest day the recorded date can stand for, to compare with today. */
	public LocalDate earliestDay() {
		return LocalDate.of(this.year, (this.month != null) ? this.month : 1, (this.day != null) ? this.day : 1);
	}

	/**
	 * {@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy} (the year always has four digits). Built by
	 * hand: {@code String.format} parsed its pattern on every call, 1.2 % of identity-service's CPU per
	 * registry lookup (issue 18's profile).
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(10).append(this.year);
		if (this.month != null) {
			twoDigits(text.append('-'), this.month);
			if (this.day != null) {
				twoDigits(text.append('-'), this.day);
			}
		}
		return text.toString();
	}

	private static void twoDigits(StringBuilder text, int value) {
		text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

}
