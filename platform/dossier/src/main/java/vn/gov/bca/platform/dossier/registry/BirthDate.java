package vn.gov.bca.platform.dossier.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A birth date as the population registry holds it: often the whole day, but for many older citizens
 * only the year ({@code 1950}) or the year and month ({@code 1950-03}), because that is all their
 * birth record gave. The form takes it in the same shape, and it is sent to the registry's
 * verification as written. Ages are counted from the range of days it may stand for: a person is
 * surely 14 only if the latest possible birthday is 14 years ago, surely under 14 only if the
 * earliest possible one is under 14 years ago.
 *
 * In JSON it is the text as written; a text that is no such date is refused where it is read.
 *
 * @param text as written: {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}
 * @param earliest the first day it may stand for
 * @param latest the last day it may stand for
 */
public record BirthDate(String text, LocalDate earliest, LocalDate latest) {

	/** The shapes accepted, for validating requests. */
	public static final String PATTERN = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?";

	private static final Pattern SHAPE = Pattern.compile("([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?");

	/** @throws IllegalArgumentException if it is not a date, a month or a year of one */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static BirthDate parse(String text) {
		Matcher matcher = (text != null) ? SHAPE.matcher(text) : null;
		if (matcher == null || !matcher.matches()) {
			throw new IllegalArgumentException("Not a birth date (yyyy, yyyy-MM or yyyy-MM-dd): " + text);
		}
		try {
			int year = Integer.parseInt(matcher.group(1));
			if (matcher.group(2) == null) {
				return new BirthDate(text, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
			}
			YearMonth month = YearMonth.of(year, Integer.parseInt(matcher.group(2)));
			if (matcher.group(3) == null) {
				return new BirthDate(text, month.atDay(1), month.atEndOfMonth());
			}
			LocalDate day = month.atDay(Integer.parseInt(matcher.group(3)));
			return new BirthDate(text, day, day);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("Not a birth date: " + text, ex);
		}
	}

	@Override
	@JsonValue
	public String toString() {
		return this.text;
	}

	/**
	 * The same as {@link #parse}, under the name Spring's conversion looks for: dossiers stored before
	 * the form was typed hold the birth date as its text, and are read with it.
	 */
	public static BirthDate valueOf(String text) {
		return parse(text);
	}

	/** Whether it is only a year or a year and month. */
	public boolean isPartial() {
		return !this.earliest.equals(this.latest);
	}

	/** Whether it could be after that day (a birth in the future is no birth date). */
	public boolean isAfter(LocalDate day) {
		return this.earliest.isAfter(day);
	}

	/** Surely at least {@code years} old on that day (even if born on the last day it may stand for). */
	public boolean isSurelyAtLeast(int years, LocalDate day) {
		return Period.between(this.latest, day).getYears() >= years;
	}

	/** Surely under {@code years} on that day (even if born on the first day it may stand for). */
	public boolean isSurelyUnder(int years, LocalDate day) {
		return Period.between(this.earliest, day).getYears() < years;
	}

}
