package vn.gov.bca.platform.dossier.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Counting in working days, as every time limit of a public service is counted: the appointment
 * date (ngày hẹn trả) and whether a result came on time, the figure agencies are judged by.
 *
 * <p>The counting rule: a dossier received on day D with N working days allowed is due on the N-th
 * working day <em>after</em> D; the day of receipt itself is not counted. A dossier received on a
 * day that is not a working day (online on a Sunday or during Tết) is taken as received on the next
 * working day, and counting starts after that day. So a dossier received on Friday with 1 day is due
 * on Monday, and one received on Saturday with 1 day is due on Tuesday. The caller decides which day
 * a dossier counts as received (a dossier received after office hours may count from the next day).
 *
 * <p>{@link #plus}, {@link #between} and {@link #receiptDay} answer only inside the years of the
 * {@link HolidayCalendar}: a count that runs past them throws {@link DateOutsideCalendarException}.
 * A citizen submitting in late December must still get an appointment date though, so
 * {@link #appointment} and {@link #elapsed}, which dossiers use, count beyond the file with the
 * ordinary week only (Saturday and Sunday off) and say so: such a date is <em>provisional</em>, since
 * the next year's Tết and swaps are decided only months ahead.
 */
public final class WorkingDays {

	private final HolidayCalendar calendar;

	public WorkingDays(HolidayCalendar calendar) {
		this.calendar = Objects.requireNonNull(calendar, "calendar");
	}

	/** Working days on the calendar shipped in this library. */
	public static WorkingDays standard() {
		return new WorkingDays(HolidayCalendar.standard());
	}

	public HolidayCalendar calendar() {
		return this.calendar;
	}

	public boolean isWorkingDay(LocalDate date) {
		return this.calendar.isWorkingDay(date);
	}

	/** The day a dossier received on {@code received} counts as received: that day, or the next working day. */
	public LocalDate receiptDay(LocalDate received) {
		LocalDate day = received;
		while (!this.calendar.isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** The first working day after {@code day}. */
	public LocalDate nextWorkingDayAfter(LocalDate day) {
		LocalDate next = day.plusDays(1);
		while (!this.calendar.isWorkingDay(next)) {
			next = next.plusDays(1);
		}
		return next;
	}

	/**
	 * The appointment date of a dossier received on {@code received} with {@code workingDays} allowed:
	 * the {@code workingDays}-th working day after the day it counts as received. With 0 days, the
	 * day it counts as received.
	 */
	public LocalDate plus(LocalDate received, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("A time limit cannot be negative: " + workingDays);
		}
		LocalDate day = receiptDay(received);
		for (int i = 0; i < workingDays; i++) {
			day = nextWorkingDayAfter(day);
		}
		return day;
	}

	/**
	 * The number of working days in ({@code from}, {@code to}]: after {@code from}, up to and
	 * including {@code to}; 0 when they are the same day.
	 */
	public int between(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException(to + " is before " + from);
		}
		this.calendar.requireCovered(from);
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (this.calendar.isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * An appointment date, and whether any day counted lay beyond the years of the holiday file
	 * (counted as an ordinary week: weekends off, no holidays).
	 */
	public record Appointment(LocalDate date, boolean provisional) {
	}

	/**
	 * The appointment date of a dossier received on {@code received}, as {@link #plus}, but never
	 * refused: days beyond the holiday file count as in an ordinary week and make it provisional.
	 */
	public Appointment appointment(LocalDate received, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("A time limit cannot be negative: " + workingDays);
		}
		boolean provisional = !this.calendar.covers(received);
		LocalDate day = received;
		while (!isWorkingDayOrOrdinary(day)) {
			day = day.plusDays(1);
			provisional |= !this.calendar.covers(day);
		}
		for (int i = 0; i < workingDays; i++) {
			day = day.plusDays(1);
			provisional |= !this.calendar.covers(day);
			while (!isWorkingDayOrOrdinary(day)) {
				day = day.plusDays(1);
				provisional |= !this.calendar.covers(day);
			}
		}
		return new Appointment(day, provisional);
	}

	/**
	 * The working days used between the day a dossier counts as received from {@code countingFrom}
	 * and {@code until} (after the first, up to and including the second), never refused: beyond the
	 * holiday file the ordinary week counts.
	 */
	public int elapsed(LocalDate countingFrom, LocalDate until) {
		LocalDate start = countingFrom;
		while (!isWorkingDayOrOrdinary(start)) {
			start = start.plusDays(1);
		}
		int count = 0;
		for (LocalDate day = start.plusDays(1); !day.isAfter(until); day = day.plusDays(1)) {
			if (isWorkingDayOrOrdinary(day)) {
				count++;
			}
		}
		return count;
	}

	/** The calendar's answer inside its years; Monday to Friday outside them. */
	private boolean isWorkingDayOrOrdinary(LocalDate day) {
		return this.calendar.covers(day) ? this.calendar.isWorkingDay(day) : !CalendarEntry.isWeekend(day);
	}

	/** A result ready on or before the appointment date is on time. */
	public static boolean onTime(LocalDate appointment, LocalDate processedOn) {
		return !processedOn.isAfter(appointment);
	}

	/** A dossier still not processed is overdue from the day after its appointment date. */
	public static boolean isOverdue(LocalDate appointment, LocalDate asOf) {
		return asOf.isAfter(appointment);
	}

	/** How many working days late a dossier is on {@code asOf}: 0 up to its appointment date. */
	public int workingDaysLate(LocalDate appointment, LocalDate asOf) {
		return isOverdue(appointment, asOf) ? between(appointment, asOf) : 0;
	}

}
