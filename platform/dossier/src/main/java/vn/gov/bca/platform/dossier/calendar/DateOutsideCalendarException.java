package vn.gov.bca.platform.dossier.calendar;

import java.time.LocalDate;

/**
 * A date in a year the holiday file does not cover. Counting on regardless would treat that year's
 * Tết as working days and promise citizens a date the agency cannot keep, so the calendar refuses:
 * the next year's days must be added to the file first.
 */
public class DateOutsideCalendarException extends RuntimeException {

	private final LocalDate date;

	private final int firstYear;

	private final int lastYear;

	public DateOutsideCalendarException(LocalDate date, int firstYear, int lastYear) {
		super("No working-day calendar for " + date + ": the holiday file covers " + firstYear + "–" + lastYear
				+ "; add " + date.getYear() + " to the file");
		this.date = date;
		this.firstYear = firstYear;
		this.lastYear = lastYear;
	}

	public LocalDate date() {
		return this.date;
	}

	public int firstYear() {
		return this.firstYear;
	}

	public int lastYear() {
		return this.lastYear;
	}

}
