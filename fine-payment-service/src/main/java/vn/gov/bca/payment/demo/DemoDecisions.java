package vn.gov.bca.payment.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.payment.decision.DecisionData;
import vn.gov.bca.payment.decision.DecisionService;
import vn.gov.bca.payment.decision.VehiclePlate;
import vn.gov.bca.payment.decision.VehicleType;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Demo penalty decisions for the demo citizens' vehicles, so that the public lookup of the README's
 * "Try it" finds something ({@code vneid.demo-data.enabled}, env {@code VNEID_DEMO_DATA_ENABLED},
 * default false; {@code ./run} turns it on). Nguyễn Văn An's car 30A-123.45: one decision received
 * three days before the first start (no surcharge yet) and one received 40 days before (late, with a
 * surcharge); Trần Thị Bích's motorbike 59X1-234.56 in Hồ Chí Minh City: one unpaid.
 *
 * <p>Loaded as a violation system would send them (events included), once: a decision already there
 * is left as it is, so a restart adds nothing (its dates are those of the first start). Not domain
 * code: nothing else depends on this package.
 */
@Component
@ConditionalOnProperty(name = "vneid.demo-data.enabled", havingValue = "true")
public class DemoDecisions {

	static final String SOURCE = "demo-data";

	static final String AN = "001085012345";

	static final String BICH = "079192004567";

	private static final Logger log = LoggerFactory.getLogger(DemoDecisions.class);

	private final DecisionService decisions;

	private final Clock clock;

	DemoDecisions(DecisionService decisions, Clock clock) {
		this.decisions = decisions;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadAtStart() {
		load().subscribe((added) -> log.info("Demo penalty decisions: {} added", added),
				(failure) -> log.warn("Demo penalty decisions not loaded; the next start tries again: {}",
						failure.toString()));
	}

	/** Adds the demo decisions that are not there yet; completes with how many it added. */
	public Mono<Long> load() {
		return Flux.fromIterable(decisions(VietnamTime.today(this.clock)))
			.concatMap((data) -> this.decisions.find(data.id())
				.map((existing) -> false)
				.switchIfEmpty(Mono.defer(() -> this.decisions.receive(data, SOURCE).map((receipt) -> receipt.created()))))
			.filter(Boolean::booleanValue)
			.count();
	}

	static List<DecisionData> decisions(LocalDate today) {
		String hanoi = "Phòng Cảnh sát giao thông Công an thành phố Hà Nội";
		String hcm = "Phòng Cảnh sát giao thông Công an Thành phố Hồ Chí Minh";
		DecisionData.Violator an = new DecisionData.Violator(AN, null, "Nguyễn Văn An");
		DecisionData.Violator bich = new DecisionData.Violator(BICH, null, "Trần Thị Bích");
		VehiclePlate car = VehiclePlate.parse("30A-123.45", "plate");
		VehiclePlate motorbike = VehiclePlate.parse("59X1-234.56", "plate");
		return List.of(
				new DecisionData("D001/QĐ-XPHC", today.minusDays(4), "PC08-HN", hanoi, an, car, VehicleType.CAR,
						new DecisionData.Violation("Điểm a khoản 5 Điều 6 Nghị định 168/2024/NĐ-CP",
								"Chạy quá tốc độ quy định từ 10 km/h đến 20 km/h", "Đại lộ Thăng Long, Hà Nội",
								at(today.minusDays(6), 8, 15)),
						4_000_000, today.minusDays(3), true),
				new DecisionData("D002/QĐ-XPHC", today.minusDays(45), "PC08-HN", hanoi, an, car, VehicleType.CAR,
						new DecisionData.Violation("Điểm b khoản 9 Điều 6 Nghị định 168/2024/NĐ-CP",
								"Không chấp hành hiệu lệnh của đèn tín hiệu giao thông", "Nút giao Ngã Tư Sở, Hà Nội",
								at(today.minusDays(50), 17, 40)),
						18_000_000, today.minusDays(40), true),
				new DecisionData("D003/QĐ-XPHC", today.minusDays(6), "PC08-HCM", hcm, bich, motorbike,
						VehicleType.MOTORBIKE,
						new DecisionData.Violation("Điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP",
								"Không đội mũ bảo hiểm khi điều khiển xe", "Đường Võ Văn Kiệt, TP Hồ Chí Minh",
								at(today.minusDays(8), 7, 30)),
						400_000, today.minusDays(5), true));
	}

	private static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(VietnamTime.ZONE).toInstant();
	}

}
