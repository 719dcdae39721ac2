package vn.gov.bca.residence.foreigner;

import java.time.Duration;
import java.time.Instant;

/**
 * The declaration of a foreigner's temporary residence by the accommodation establishment: "trong
 * thời hạn 12 giờ, đối với địa bàn vùng sâu, vùng xa là 24 giờ kể từ khi người nước ngoài đến cơ
 * sở lưu trú" (Law 47/2014/QH13 on foreigners' entry, exit, transit and residence, Art. 33(2), as
 * amended by Law 51/2019/QH14). "Within" counts the last instant: a declaration exactly 12 hours
 * after the arrival is on time. The area is remote when the province marks the establishment so.
 */
final class ForeignGuestDeadline {

	static final Duration USUAL = Duration.ofHours(12);

	static final Duration REMOTE_AREA = Duration.ofHours(24);

	private ForeignGuestDeadline() {
	}

	static Instant of(Instant arrival, boolean remoteArea) {
		return arrival.plus(remoteArea ? REMOTE_AREA : USUAL);
	}

	static boolean onTime(Instant arrival, boolean remoteArea, Instant declaredAt) {
		return !declaredAt.isAfter(of(arrival, remoteArea));
	}

}
