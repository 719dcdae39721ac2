package vn.gov.bca.paymentsandbox;

import java.time.Duration;
import java.util.Objects;

/** The callback mode in force and, for {@link CallbackMode#LATE}, how late. */
record CallbackPlan(CallbackMode mode, Duration delay) {

	static final CallbackPlan NORMAL = new CallbackPlan(CallbackMode.NORMAL, Duration.ZERO);

	CallbackPlan {
		Objects.requireNonNull(mode, "mode");
		Objects.requireNonNull(delay, "delay");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative");
		}
	}
}
