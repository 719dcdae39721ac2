package vn.gov.bca.platform.dossier.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which days Vietnam's state agencies work. Public holidays move with the lunar calendar, the
 * government fixes each year's days off and swaps only months ahead, and new holidays appear (24 Nov
 * from 2026), so the days that differ from the ordinary week are data: a file that an administrator
 * can amend without a release ({@link #load(Path)}), with the file shipped in this library as the
 * default ({@link #standard()}).
 *
 * <p>A day is a working day when it is Monday to Friday and not listed as {@link DayKind#HOLIDAY},
 * or Saturday or Sunday listed as {@link DayKind#WORKING_DAY}. The calendar answers only for the
 * years its file covers, every year from the first listed to the last: for any other date it throws
 * {@link DateOutsideCalendarException} rather than count an unknown year's Tết as working days.
 *
 * <p>The file is UTF-8 CSV with the header {@code date,weekday,kind,status,name_vi,name_en,source};
 * lines starting with {@code #} and blank lines are ignored; a field holding a comma is quoted.
 * The weekday column is checked against the date, a holiday must be a weekday and a worked day a
 * Saturday or Sunday, and a date may be listed once; any mistake refuses the whole file.
 *
 * <p>Instances are immutable. Appointment dates already promised are not recomputed when the file
 * changes: a dossier keeps the date it was given (see {@link Deadline}).
 */
public final class HolidayCalendar {

	/** The classpath location of the shipped file. */
	public static final String STANDARD_RESOURCE = "/vn/gov/bca/platform/dossier/calendar/holidays-vn.csv";

	private final NavigableMap<LocalDate, CalendarEntry> entries;

	private final int firstYear;

	private final int lastYear;

	private HolidayCalendar(NavigableMap<LocalDate, CalendarEntry> entries) {
		this.entries = Collections.unmodifiableNavigableMap(entries);
		this.firstYear = entries.firstKey().getYear();
		this.lastYear = entries.lastKey().getYear();
	}

	/** The calendar shipped in this library, read once. */
	public static HolidayCalendar standard() {
		return Standard.CALENDAR;
	}

	/** Reads a holiday file, for instance one an administrator keeps outside the release. */
	public static HolidayCalendar load(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return of(HolidayFileReader.read(in, file.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the holiday file " + file, ex);
		}
	}

	/** Reads a holiday file from a stream, which the caller closes. */
	public static HolidayCalendar load(InputStream in) {
		return of(HolidayFileReader.read(in, "holiday file"));
	}

	/**
	 * A calendar of the given days, checked like a file: no date twice, holidays on weekdays only,
	 * worked days on weekends only, no year left out between the first and the last.
	 */
	public static HolidayCalendar of(Collection<CalendarEntry> entries) {
		if (entries.isEmpty()) {
			throw new InvalidCalendarException("The holiday file lists no day: it must cover at least one year");
		}
		NavigableMap<LocalDate, CalendarEntry> byDate = new TreeMap<>();
		List<String> problems = new ArrayList<>();
		for (CalendarEntry entry : entries) {
			LocalDate date = entry.date();
			if (byDate.putIfAbsent(date, entry) != null) {
				problems.add(date + " is listed twice");
			}
			if (entry.kind() == DayKind.HOLIDAY && CalendarEntry.isWeekend(date)) {
				problems.add(date + " is a " + date.getDayOfWeek()
						+ ": a holiday on a weekend changes nothing; list its substitute day instead");
			}
			if (entry.kind() == DayKind.WORKING_DAY && !CalendarEntry.isWeekend(date)) {
				problems.add(date + " is a " + date.getDayOfWeek()
						+ ": only a Saturday or Sunday can be listed as a working day");
			}
		}
		TreeSet<Integer> years = new TreeSet<>();
		byDate.keySet().forEach((date) -> years.add(date.getYear()));
		for (int year = years.first(); year <= years.last(); year++) {
			if (!years.contains(year)) {
				problems.add("no day is listed for " + year
						+ ": every year between the first and the last must be entered");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidCalendarException("Invalid holiday file: " + String.join("; ", problems));
		}
		return new HolidayCalendar(byDate);
	}

	/**
	 * Whether agencies work that day.
	 * @throws DateOutsideCalendarException if the file does not cover the date's year
	 */
	public boolean isWorkingDay(LocalDate date) {
		requireCovered(date);
		CalendarEntry entry = this.entries.get(date);
		if (entry != null) {
			return entry.kind() == DayKind.WORKING_DAY;
		}
		return !CalendarEntry.isWeekend(date);
	}

	/** Whether the file covers the date's year. */
	public boolean covers(LocalDate date) {
		return date.getYear() >= this.firstYear && date.getYear() <= this.lastYear;
	}

	/** What the file says of that day, if it lists it. */
	public Optional<CalendarEntry> entry(LocalDate date) {
		requireCovered(date);
		return Optional.ofNullable(this.entries.get(date));
	}

	/** Every listed day, in date order. */
	public List<CalendarEntry> entries() {
		return List.copyOf(this.entries.values());
	}

	/** The listed days of one year, in date order. */
	public List<CalendarEntry> entries(int year) {
		Map<LocalDate, CalendarEntry> ofYear = this.entries.subMap(LocalDate.of(year, 1, 1), true,
				LocalDate.of(year, 12, 31), true);
		return List.copyOf(ofYear.values());
	}

	public int firstYear() {
		return this.firstYear;
	}

	public int lastYear() {
		return this.lastYear;
	}

	void requireCovered(LocalDate date) {
		if (!covers(date)) {
			throw new DateOutsideCalendarException(date, this.firstYear, this.lastYear);
		}
	}

	private static final class Standard {

		static final HolidayCalendar CALENDAR = read();

		private static HolidayCalendar read() {
			try (InputStream in = HolidayCalendar.class.getResourceAsStream(STANDARD_RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("The holiday file " + STANDARD_RESOURCE + " is not on the classpath");
				}
				return of(HolidayFileReader.read(in, STANDARD_RESOURCE));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the holiday file " + STANDARD_RESOURCE, ex);
			}
		}

	}

}
