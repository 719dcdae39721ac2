package vn.gov.bca.platform.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock in Vietnam's zone that a test sets and moves, declared as the service's {@link Clock}
 * bean in place of the platform's system clock: e.g. the evening before midnight in Vietnam, which
 * is still the afternoon in UTC.
 */
public final class SettableClock extends Clock {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final AtomicReference<Instant> now;

	public SettableClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	/** A clock at that wall-clock time in Vietnam. */
	public static SettableClock at(LocalDateTime vietnamTime) {
		return new SettableClock(vietnamTime.atZone(VIETNAM).toInstant());
	}

	public void set(Instant instant) {
		this.now.set(instant);
	}

	public void set(LocalDateTime vietnamTime) {
		set(vietnamTime.atZone(VIETNAM).toInstant());
	}

	public void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	@Override
	public ZoneId getZone() {
		return VIETNAM;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

}
