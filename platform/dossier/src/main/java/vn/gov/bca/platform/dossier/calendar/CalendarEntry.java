package vn.gov.bca.platform.dossier.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of the holiday file that is not an ordinary day of the week, with where it comes from,
 * so that an administrator can tell a decided day from one still expected.
 *
 * @param date the day
 * @param kind a weekday off or a weekend day worked
 * @param status whether the government has fixed the day
 * @param nameVi the name in Vietnamese
 * @param nameEn the name in English
 * @param source the legal basis or the decision, and what is still to confirm
 */
public record CalendarEntry(LocalDate date, DayKind kind, Status status, String nameVi, String nameEn, String source) {

	/** Whether the day is fixed: swaps and Tết are decided for each year, often only months ahead. */
	public enum Status {

		/** Fixed by the law or the government's decision for that year. */
		DECIDED,

		/** The usual pattern, entered ahead of the decision: to confirm when the government decides. */
		EXPECTED

	}

	public CalendarEntry {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(nameVi, "nameVi");
		Objects.requireNonNull(nameEn, "nameEn");
		Objects.requireNonNull(source, "source");
	}

	/** Saturday or Sunday. */
	static boolean isWeekend(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}

}
