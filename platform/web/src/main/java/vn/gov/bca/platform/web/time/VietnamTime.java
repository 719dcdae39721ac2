package vn.gov.bca.platform.web.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Vietnam's time zone (UTC+7, no daylight saving). Every "today" of the system (a birth date in the
 * future, an exit ban in force, a card's last valid day, a fine's late days, a dossier code's date)
 * is the day in this zone, read from the one {@link Clock} bean that the platform provides in it:
 * never the server's zone, and never {@code LocalDate.now()} without that clock.
 */
public final class VietnamTime {

	/** The zone's id, for what takes a constant string (a {@code @Scheduled} cron's zone). */
	public static final String ZONE_ID = "Asia/Ho_Chi_Minh";

	public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

	private VietnamTime() {
	}

	/** The platform's clock: the system's instant, seen in Vietnam's zone. */
	public static Clock systemClock() {
		return Clock.system(ZONE);
	}

	/** The day in Vietnam at the clock's instant, whatever zone the clock was made with. */
	public static LocalDate today(Clock clock) {
		return LocalDate.ofInstant(clock.instant(), ZONE);
	}

	/** The day in Vietnam of an instant. */
	public static LocalDate dayOf(Instant instant) {
		return LocalDate.ofInstant(instant, ZONE);
	}

}
