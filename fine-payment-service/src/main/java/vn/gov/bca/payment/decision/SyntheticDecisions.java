package vn.gov.bca.payment.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic set of penalty decisions for load tests and demos: decision {@code i} of a seed is
 * always the same. Vehicles come in groups of three decisions: the first vehicle has one decision,
 * the second two, so that a plate lookup finds one or two; 45% cars, 50% motorbikes, 5% electric
 * bikes; about a third paid. Plates are unique per vehicle (series and digits encode the vehicle's
 * number, up to {@link #MAX_SIZE} decisions); violators are synthetic personal ids, one per vehicle; fines and legal references are
 * typical of Decree 168/2024 but the data is not real.
 */
public final class SyntheticDecisions {

	/**
	 * 900,000 vehicles: plates (series letter, or the digit after MĐ, and five digits) and owners'
	 * serials stay unique up to there.
	 */
	public static final long MAX_SIZE = 1_350_000;

	static final LocalDate REFERENCE_DAY = LocalDate.of(2026, 11, 1);

	private static final String SERIES = "ABCDEFGHKLMNPSTUVXYZ";

	private static final String[] PROVINCES = { "29", "30", "31", "33", "40", "43", "47", "49", "50", "51", "59", "60",
			"61", "65", "72", "14", "15", "17", "18", "36", "37", "38", "77", "79", "88", "92", "98", "99" };

	private static final String[] BIRTH_PROVINCES = { "001", "079", "031", "048", "092", "038", "040", "036", "075",
			"027", "034", "037", "049", "052", "066", "089" };

	private static final String[][] UNITS = {
			{ "PC08-HN", "Phòng Cảnh sát giao thông Công an thành phố Hà Nội" },
			{ "PC08-HCM", "Phòng Cảnh sát giao thông Công an Thành phố Hồ Chí Minh" },
			{ "PC08-HP", "Phòng Cảnh sát giao thông Công an thành phố Hải Phòng" },
			{ "PC08-DN", "Phòng Cảnh sát giao thông Công an thành phố Đà Nẵng" },
			{ "PC08-CT", "Phòng Cảnh sát giao thông Công an thành phố Cần Thơ" },
			{ "C08", "Cục Cảnh sát giao thông" } };

	private static final String[] FAMILY = { "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh",
			"Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý" };

	private static final String[] MIDDLE = { "Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Gia",
			"Bảo" };

	private static final String[] GIVEN = { "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng",
			"Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Phong", "Phương", "Quân", "Sơn", "Thảo", "Trang",
			"Tuấn", "Việt", "Yến" };

	private static final String[] PLACES = { "Đại lộ Thăng Long, Hà Nội", "Đường Võ Văn Kiệt, TP Hồ Chí Minh",
			"Quốc lộ 1A, Km 1120", "Đường Nguyễn Văn Linh, Đà Nẵng", "Cao tốc Pháp Vân - Cầu Giẽ, Km 196",
			"Nút giao Ngã Tư Sở, Hà Nội", "Đường Lê Văn Lương, Hà Nội", "Quốc lộ 5, Hải Phòng" };

	/** vehicle type, legal reference, description, lowest fine, highest fine (VND). */
	private static final Object[][] VIOLATIONS = {
			{ VehicleType.CAR, "Điểm a khoản 5 Điều 6 Nghị định 168/2024/NĐ-CP",
					"Chạy quá tốc độ quy định từ 10 km/h đến 20 km/h", 4_000_000L, 6_000_000L },
			{ VehicleType.CAR, "Điểm b khoản 9 Điều 6 Nghị định 168/2024/NĐ-CP", "Không chấp hành hiệu lệnh của đèn tín hiệu giao thông",
					18_000_000L, 20_000_000L },
			{ VehicleType.CAR, "Điểm a khoản 4 Điều 6 Nghị định 168/2024/NĐ-CP", "Dừng xe, đỗ xe không đúng nơi quy định",
					600_000L, 800_000L },
			{ VehicleType.MOTORBIKE, "Điểm c khoản 7 Điều 7 Nghị định 168/2024/NĐ-CP",
					"Không chấp hành hiệu lệnh của đèn tín hiệu giao thông", 4_000_000L, 6_000_000L },
			{ VehicleType.MOTORBIKE, "Điểm a khoản 4 Điều 7 Nghị định 168/2024/NĐ-CP",
					"Chạy quá tốc độ quy định từ 5 km/h đến dưới 10 km/h", 800_000L, 1_000_000L },
			{ VehicleType.MOTORBIKE, "Điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP",
					"Không đội mũ bảo hiểm khi điều khiển xe", 400_000L, 600_000L },
			{ VehicleType.ELECTRIC_BIKE, "Điểm c khoản 7 Điều 7 Nghị định 168/2024/NĐ-CP",
					"Không chấp hành hiệu lệnh của đèn tín hiệu giao thông", 4_000_000L, 6_000_000L } };

	private final long seed;

	public SyntheticDecisions(long seed) {
		this.seed = seed;
	}

	/** The vehicle of decision {@code i}: vehicles 2k and 2k+1 take decisions 3k and 3k+1, 3k+2. */
	static long vehicleOf(long index) {
		return 2 * (index / 3) + ((index % 3 == 0) ? 0 : 1);
	}

	/** The decisions of one vehicle (their indexes). */
	static List<Long> decisionsOf(long vehicle) {
		long group = vehicle / 2;
		return (vehicle % 2 == 0) ? List.of(3 * group) : List.of(3 * group + 1, 3 * group + 2);
	}

	/** Decision {@code index}, received, and paid if it is among the paid third. */
	public PenaltyDecision decision(long index) {
		long vehicle = vehicleOf(index);
		Vehicle car = vehicle(vehicle);
		SplittableRandom random = new SplittableRandom(this.seed * 0x9E3779B97F4A7C15L + index);
		Object[] violation = pick(random, car.type());
		long low = (Long) violation[3];
		long high = (Long) violation[4];
		long fine = low + 100_000L * random.nextLong((high - low) / 100_000L + 1);
		String[] unit = UNITS[unitIndex(index)];
		LocalDate decisionDate = REFERENCE_DAY.minusDays(random.nextInt(365));
		LocalDate receivedOn = (random.nextInt(10) == 0) ? null : decisionDate.plusDays(random.nextInt(11));
		Instant occurredAt = decisionDate.minusDays(1 + random.nextInt(20))
			.atTime(6 + random.nextInt(16), random.nextInt(60))
			.toInstant(ZoneOffset.ofHours(7));
		DecisionData data = new DecisionData(numberOf(index), decisionDate, unit[0], unit[1],
				new DecisionData.Violator(car.ownerId(), null, car.ownerName()), car.plate(), car.type(),
				new DecisionData.Violation((String) violation[1], (String) violation[2],
						PLACES[random.nextInt(PLACES.length)], occurredAt),
				fine, receivedOn, random.nextInt(4) != 0);
		PenaltyDecision decision = PenaltyDecision.receive(data, "synthetic", occurredAt).decision();
		if (receivedOn != null && random.nextInt(3) == 0) {
			Instant paidAt = receivedOn.plusDays(random.nextInt(10)).atStartOfDay(ZoneOffset.ofHours(7)).toInstant();
			decision.paid(new PenaltyDecision.Payment("PO-SYN-" + index, "BL-SYN-" + index, fine, paidAt));
		}
		return decision;
	}

	/** The issuing unit of decision {@code index}, without drawing the whole decision. */
	String unitOf(long index) {
		return UNITS[unitIndex(index)][0];
	}

	static String numberOf(long index) {
		return (index + 1) + "/QĐ-XPHC";
	}

	private int unitIndex(long index) {
		return new SplittableRandom(this.seed + 31 * index).nextInt(UNITS.length);
	}

	private static Object[] pick(SplittableRandom random, VehicleType type) {
		List<Object[]> fitting = new ArrayList<>();
		for (Object[] violation : VIOLATIONS) {
			if (violation[0] == type) {
				fitting.add(violation);
			}
		}
		return fitting.get(random.nextInt(fitting.size()));
	}

	/** A vehicle, its plate and its owner. */
	record Vehicle(VehiclePlate plate, VehicleType type, String ownerId, String ownerName) {
	}

	Vehicle vehicle(long vehicle) {
		SplittableRandom random = new SplittableRandom(this.seed ^ (vehicle * 0xBF58476D1CE4E5B9L));
		int kind = random.nextInt(100);
		VehicleType type = (kind < 45) ? VehicleType.CAR : (kind < 95) ? VehicleType.MOTORBIKE : VehicleType.ELECTRIC_BIKE;
		String province = PROVINCES[random.nextInt(PROVINCES.length)];
		char series = SERIES.charAt((int) (vehicle / 100_000) % SERIES.length());
		String digits = String.format("%05d", vehicle % 100_000);
		String plate = switch (type) {
			case CAR -> province + series + digits;
			case MOTORBIKE -> province + series + (1 + random.nextInt(9)) + digits;
			// The digit after MĐ carries the series: e-bike plates have no series letter.
			default -> province + "MĐ" + (1 + (vehicle / 100_000) % 9) + digits;
		};
		int year = 1950 + random.nextInt(56);
		boolean female = random.nextInt(3) == 0;
		int centuryAndSex = ((year >= 2000) ? 2 : 0) + (female ? 1 : 0);
		String ownerId = BIRTH_PROVINCES[random.nextInt(BIRTH_PROVINCES.length)] + centuryAndSex
				+ String.format("%02d", year % 100) + String.format("%06d", vehicle % 1_000_000);
		String name = FAMILY[random.nextInt(FAMILY.length)] + " " + (female ? "Thị" : MIDDLE[random.nextInt(MIDDLE.length)])
				+ " " + GIVEN[random.nextInt(GIVEN.length)];
		return new Vehicle(new VehiclePlate(plate), type, ownerId, name);
	}

}
