package vn.gov.bca.identity.population;

import java.util.Map;
import java.util.SplittableRandom;

import vn.gov.bca.identity.registry.Sex;

/**
 * Names for synthetic citizens: family name, middle name and given name, written with their
 * diacritics (NFC), so that search without diacritics is exercised as on real data. Family names
 * follow their real frequency (Nguyễn about 38 %, then Trần, Lê, Phạm...); middle names depend on
 * sex and generation (Văn and Thị were the rule for those born before about 1975, less so since).
 * Some ethnic minorities get their own common family names (Lò, Giàng, Thạch...); everything else is
 * shared, which is an approximation: it is test data, not a naming guide.
 */
final class VietnameseNames {

	private static final WeightedTable<String> KINH_FAMILY_NAMES = WeightedTable.parse("Nguyễn=380, Trần=110, "
			+ "Lê=95, Phạm=70, Hoàng=31, Huỳnh=20, Phan=45, Vũ=20, Võ=19, Đặng=21, Bùi=20, Đỗ=14, Hồ=13, Ngô=13, "
			+ "Dương=10, Lý=5, Đinh=8, Trương=8, Đào=5, Mai=4, Trịnh=4, Lương=4, Hà=4, Cao=3, Lâm=3, Tô=2, Tạ=2, "
			+ "Phùng=2, Lưu=2, Kiều=1, Chu=1, La=1, Thái=1, Văn=1, Âu=1, Khúc=1");

	private static final Map<String, WeightedTable<String>> MINORITY_FAMILY_NAMES = Map.ofEntries(
			Map.entry("Tày", WeightedTable.parse("Nông=3, Hoàng=3, Lương=2, Ma=1, Lục=1, Hà=1")),
			Map.entry("Nùng", WeightedTable.parse("Nông=2, Hoàng=2, Lý=2, Vi=1, Lăng=1")),
			Map.entry("Thái", WeightedTable.parse("Lò=3, Lường=2, Cầm=2, Quàng=1, Vi=1, Hà=1")),
			Map.entry("Mường", WeightedTable.parse("Bùi=4, Đinh=3, Hà=2, Xa=1")),
			Map.entry("Mông", WeightedTable.parse("Giàng=3, Vàng=3, Sùng=2, Thào=2, Lầu=1, Mùa=1")),
			Map.entry("Dao", WeightedTable.parse("Bàn=3, Triệu=3, Đặng=2, Lý=1")),
			Map.entry("Khmer", WeightedTable.parse("Thạch=3, Sơn=2, Kim=2, Danh=2, Lâm=1")),
			Map.entry("Hoa", WeightedTable.parse("Lý=2, Trương=2, Lâm=2, Quan=1, Diệp=1, Mã=1")),
			Map.entry("Chăm", WeightedTable.parse("Đàng=2, Thành=2, Quảng=1, Lưu=1")),
			Map.entry("Gia Rai", WeightedTable.parse("Ksor=3, Siu=2, Rơ Châm=2, Rah Lan=1, Kpă=1")),
			Map.entry("Ê Đê", WeightedTable.parse("Niê=3, Mlô=2, Êban=1, Byă=1")));

	private static final WeightedTable<String> OLDER_MALE_MIDDLE = WeightedTable
		.parse("Văn=55, Đức=8, Hữu=8, Quốc=4, Minh=5, Thanh=5, Công=5, Đình=5, Xuân=5");

	private static final WeightedTable<String> YOUNGER_MALE_MIDDLE = WeightedTable.parse(
			"Văn=25, Minh=12, Đức=10, Quốc=8, Gia=8, Bảo=6, Hoàng=6, Thanh=6, Hữu=6, Anh=5, Công=4, Đình=4");

	private static final WeightedTable<String> OLDER_FEMALE_MIDDLE = WeightedTable
		.parse("Thị=75, Ngọc=5, Thanh=5, Thu=5, Kim=5, Xuân=5");

	private static final WeightedTable<String> YOUNGER_FEMALE_MIDDLE = WeightedTable.parse(
			"Thị=30, Ngọc=12, Thanh=8, Thu=8, Minh=8, Bảo=8, Gia=6, Khánh=6, Phương=7, Hồng=7");

	private static final WeightedTable<String> MONG_MALE_MIDDLE = WeightedTable.parse("A=3, Seo=1, Văn=1");

	private static final WeightedTable<String> MALE_GIVEN = WeightedTable.parse("An, Anh, Bình, Cường, Dũng, "
			+ "Duy, Đạt, Đức, Hải, Hiếu, Hòa, Hoàng, Hùng, Huy, Khang, Khoa, Kiên, Lâm, Long, Lộc, Minh, Nam, "
			+ "Nghĩa, Nhân, Phong, Phúc, Quân, Quang, Sơn, Tài, Tâm, Thắng, Thành, Thịnh, Tiến, Toàn, Trung, "
			+ "Tuấn, Tùng, Việt, Vinh, Vũ");

	private static final WeightedTable<String> FEMALE_GIVEN = WeightedTable.parse("An, Anh, Bích, Chi, Dung, "
			+ "Giang, Hà, Hạnh, Hằng, Hiền, Hoa, Hồng, Hương, Huyền, Lan, Liên, Linh, Loan, Mai, My, Nga, Ngân, "
			+ "Ngọc, Nhung, Oanh, Phương, Quỳnh, Tâm, Thảo, Thu, Thủy, Trang, Trinh, Tuyết, Uyên, Vân, Vy, Yến");

	/** Born before this year: the older generation's middle names. */
	private static final int YOUNGER_GENERATION = 1975;

	String familyName(SplittableRandom random, String ethnicity) {
		WeightedTable<String> own = MINORITY_FAMILY_NAMES.get(ethnicity);
		return ((own != null) ? own : KINH_FAMILY_NAMES).pick(random);
	}

	/** A full name: the family name given, then a middle and a given name for that sex and generation. */
	String fullName(SplittableRandom random, String familyName, Sex sex, int birthYear, String ethnicity) {
		String middle = middleNames(sex, birthYear, ethnicity).pick(random);
		WeightedTable<String> givenNames = (sex == Sex.MALE) ? MALE_GIVEN : FEMALE_GIVEN;
		String given = givenNames.pick(random);
		while (given.equals(middle)) {
			given = givenNames.pick(random);
		}
		return familyName + " " + middle + " " + given;
	}

	private static WeightedTable<String> middleNames(Sex sex, int birthYear, String ethnicity) {
		if (sex == Sex.MALE) {
			if ("Mông".equals(ethnicity)) {
				return MONG_MALE_MIDDLE;
			}
			return (birthYear < YOUNGER_GENERATION) ? OLDER_MALE_MIDDLE : YOUNGER_MALE_MIDDLE;
		}
		return (birthYear < YOUNGER_GENERATION) ? OLDER_FEMALE_MIDDLE : YOUNGER_FEMALE_MIDDLE;
	}

}
