package vn.gov.bca.residence.stay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Law on Residence 68/2020/QH14, Art. 30(4): before 23:00 of the day the stay begins; an arrival
 * after 23:00, before 08:00 the next day. Times are Vietnam's; "before" is strict.
 */
class StayDeadlineTests {

	@ParameterizedTest(name = "arrived {0}, notified {1}: on time {2}")
	@CsvSource({
			// an evening arrival: until 22:59:59
			"2026-12-01T20:00, 2026-12-01T22:59:59, true",
			"2026-12-01T20:00, 2026-12-01T23:00:00, false",
			"2026-12-01T20:00, 2026-12-02T07:00:00, false",
			// at 23:00 or later: until 07:59:59 the next morning
			"2026-12-01T23:00, 2026-12-02T07:59:59, true",
			"2026-12-01T23:30, 2026-12-02T08:00:00, false",
			"2026-12-31T23:45, 2027-01-01T07:30:00, true",
			// after midnight the stay begins that day: until 23:00 of it
			"2026-12-02T00:30, 2026-12-02T22:00:00, true",
			"2026-12-02T00:30, 2026-12-02T23:10:00, false",
			// notified before arriving
			"2026-12-05T14:00, 2026-12-01T09:00:00, true" })
	void aStayIsNotifiedBefore23OrBefore8TheNextMorningForALateArrival(String arrived, String notified,
			boolean onTime) {
		assertThat(StayDeadline.onTime(vietnam(arrived), vietnam(notified))).isEqualTo(onTime);
	}

	private static Instant vietnam(String time) {
		return LocalDateTime.parse(time).atZone(VietnamTime.ZONE).toInstant();
	}

}
