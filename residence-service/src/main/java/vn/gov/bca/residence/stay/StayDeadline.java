package vn.gov.bca.residence.stay;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * When a stay must be notified, in Vietnam's time: Law on Residence 68/2020/QH14, Art. 30(4),
 * "trước 23 giờ của ngày bắt đầu lưu trú; trường hợp người đến lưu trú sau 23 giờ thì thông báo
 * lưu trú trước 08 giờ ngày hôm sau". "Trước" is strictly before: a notification at 23:00:00 sharp
 * for an evening arrival is late. An arrival at 23:00 or later (until midnight) has until 08:00 the
 * next morning; an arrival after midnight begins the stay on that day, so its deadline is 23:00 of
 * that same day. A notification made before the guest arrives is on time.
 */
final class StayDeadline {

	static final LocalTime EVENING = LocalTime.of(23, 0);

	static final LocalTime NEXT_MORNING = LocalTime.of(8, 0);

	private StayDeadline() {
	}

	/** The instant the notification must come before. */
	static Instant of(Instant arrival) {
		ZonedDateTime arrived = arrival.atZone(VietnamTime.ZONE);
		if (arrived.toLocalTime().isBefore(EVENING)) {
			return arrived.toLocalDate().atTime(EVENING).atZone(VietnamTime.ZONE).toInstant();
		}
		return arrived.toLocalDate().plusDays(1).atTime(NEXT_MORNING).atZone(VietnamTime.ZONE).toInstant();
	}

	static boolean onTime(Instant arrival, Instant notifiedAt) {
		return notifiedAt.isBefore(of(arrival));
	}

}
