package vn.gov.bca.payment.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import vn.gov.bca.platform.web.time.VietnamTime;

/** Penalty decisions as a violation system sends them, for tests: each one a new number. */
public final class Decisions {

	private static final AtomicInteger NUMBER = new AtomicInteger((int) (System.nanoTime() % 100_000));

	private Decisions() {
	}

	public static String newNumber() {
		return NUMBER.incrementAndGet() + "/QĐ-XPHC";
	}

	/** A camera-detected speeding decision against a citizen's car, received {@code daysAgo} days ago. */
	public static String json(String number, String personalId, String plate, long fine, int daysAgo) {
		return json(number, personalId, plate, fine, VietnamTime.today(Clock.systemUTC()).minusDays(daysAgo));
	}

	/** The same, received on that day (in Vietnam). */
	public static String json(String number, String personalId, String plate, long fine, LocalDate received) {
		return """
				{"decisionNumber": "%s", "decisionDate": "%s", "issuingUnit": "PC08-HN",
				 "issuingUnitName": "Phòng Cảnh sát giao thông Công an thành phố Hà Nội",
				 "violator": {"personalId": "%s", "name": "Nguyễn Văn An"},
				 "vehicle": {"plate": "%s", "type": "CAR"},
				 "violation": {"legalReference": "Điểm a khoản 5 Điều 7 Nghị định 168/2024/NĐ-CP",
				   "description": "Điều khiển xe chạy quá tốc độ quy định từ 10 km/h đến 20 km/h",
				   "place": "Đại lộ Thăng Long, Hà Nội", "occurredAt": "%sT01:15:00Z"},
				 "fineAmount": %d, "receivedOn": "%s", "cameraDetected": true}"""
			.formatted(number, received.minusDays(1), personalId, plate, received.minusDays(2), fine, received);
	}

}
