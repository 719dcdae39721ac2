package vn.gov.bca.platform.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that a test sets and moves, declared as the service's {@link Clock} bean in place of the
 * platform's system clock. The test gives the zone (platform-web's {@code VietnamTime.ZONE}, which the
 * kit cannot name: platform-web's own tests use the kit), e.g. to stand on the evening before
 * midnight in Vietnam, which is still the afternoon in UTC.
 */
public final class SettableClock extends Clock {

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	/** A clock at that wall-clock time in that zone. */
	public static SettableClock at(LocalDateTime wallClock, ZoneId zone) {
		return new SettableClock(new AtomicReference<>(wallClock.atZone(zone).toInstant()), zone);
	}

	public void set(Instant instant) {
		this.now.set(instant);
	}

	/** Moves the clock to that wall-clock time in its zone. */
	public void set(LocalDateTime wallClock) {
		set(wallClock.atZone(this.zone).toInstant());
	}

	public void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	/** The same settable instant, seen in another zone. */
	@Override
	public Clock withZone(ZoneId other) {
		return new SettableClock(this.now, other);
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

}
