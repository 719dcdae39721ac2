package vn.gov.bca.platform.dossier.calendar;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The holiday calendar in use, as an administrator keeps it: the file at
 * {@code vneid.dossier.calendar.file} (a path outside the release) or, when none is configured, the
 * one shipped in this library. {@link #reload()} reads the file again without a restart (a service
 * exposes it to administrators); a file with any mistake is refused as a whole and the calendar in
 * use stays.
 *
 * <p>Appointment dates already given are stored on the dossiers and do not move on a reload: only
 * dossiers counted afterwards use the new days.
 */
public final class HolidayCalendars {

	private static final Logger log = LoggerFactory.getLogger(HolidayCalendars.class);

	private final Path file;

	private final AtomicReference<Loaded> current;

	/** @param file the administrator's file, or null for the calendar shipped in this library */
	public HolidayCalendars(Path file) {
		this.file = file;
		this.current = new AtomicReference<>(read());
	}

	/** Counting on the calendar in use now. */
	public WorkingDays workingDays() {
		return this.current.get().workingDays();
	}

	public HolidayCalendar calendar() {
		return this.current.get().workingDays().calendar();
	}

	/** The file read, if one is configured. */
	public Optional<Path> file() {
		return Optional.ofNullable(this.file);
	}

	/** Where the calendar in use comes from: the configured path, or the shipped resource. */
	public String source() {
		return (this.file != null) ? this.file.toString() : "classpath:" + HolidayCalendar.STANDARD_RESOURCE;
	}

	/**
	 * Reads the file again and uses it from now on.
	 * @throws InvalidCalendarException if the file has a mistake (the calendar in use stays)
	 * @throws java.io.UncheckedIOException if it cannot be read (the calendar in use stays)
	 */
	public HolidayCalendar reload() {
		Loaded loaded = read();
		this.current.set(loaded);
		HolidayCalendar calendar = loaded.workingDays().calendar();
		List<CalendarEntry> expected = calendar.entries()
			.stream()
			.filter((entry) -> entry.status() == CalendarEntry.Status.EXPECTED)
			.toList();
		log.info("Holiday calendar reloaded from {}: {}–{}, {} days listed, {} still expected (no decision yet)",
				source(), calendar.firstYear(), calendar.lastYear(), calendar.entries().size(), expected.size());
		return calendar;
	}

	private Loaded read() {
		HolidayCalendar calendar = (this.file != null) ? HolidayCalendar.load(this.file) : HolidayCalendar.standard();
		return new Loaded(new WorkingDays(calendar));
	}

	private record Loaded(WorkingDays workingDays) {
	}

}
