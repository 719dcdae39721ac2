package vn.gov.bca.residence.foreigner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Law 47/2014/QH13 Art. 33(2) (amended by Law 51/2019/QH14): within 12 hours of the arrival, 24 in
 * remote areas; the last instant counts.
 */
class ForeignGuestDeadlineTests {

	private static final Instant ARRIVAL = Instant.parse("2026-12-01T14:30:00Z");

	@Test
	void twelveHoursFromTheArrivalTheLastInstantIncluded() {
		assertThat(ForeignGuestDeadline.onTime(ARRIVAL, false, ARRIVAL.plus(Duration.ofHours(12)))).isTrue();
		assertThat(ForeignGuestDeadline.onTime(ARRIVAL, false, ARRIVAL.plus(Duration.ofHours(12)).plusSeconds(1)))
			.isFalse();
	}

	@Test
	void twentyFourHoursInARemoteArea() {
		assertThat(ForeignGuestDeadline.onTime(ARRIVAL, true, ARRIVAL.plus(Duration.ofHours(20)))).isTrue();
		assertThat(ForeignGuestDeadline.onTime(ARRIVAL, true, ARRIVAL.plus(Duration.ofHours(24)))).isTrue();
		assertThat(ForeignGuestDeadline.onTime(ARRIVAL, true, ARRIVAL.plus(Duration.ofHours(24)).plusSeconds(1)))
			.isFalse();
	}

}
