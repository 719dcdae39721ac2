package vn.gov.bca.paymentsandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real time until a test sets it: then that instant, until moved on. */
final class TestClock extends Clock {

	private volatile Instant fixed;

	void set(Instant instant) {
		this.fixed = instant;
	}

	void advance(Duration duration) {
		this.fixed = instant().plus(duration);
	}

	@Override
	public Instant instant() {
		Instant now = fixed;
		return now != null ? now : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}
}
