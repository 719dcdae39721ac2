package vn.gov.bca.identity.population;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import vn.gov.bca.identity.registry.Address;
import vn.gov.bca.identity.registry.BirthDate;
import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.Household;
import vn.gov.bca.identity.registry.Household.Relation;
import vn.gov.bca.identity.registry.Kin;
import vn.gov.bca.identity.registry.PersonalIdNumber;
import vn.gov.bca.identity.registry.Sex;

/**
 * A synthetic national population, so that the registry can be tried and load-tested at the size of
 * a real province without real personal data. It is deterministic: household {@code h} of a seed is
 * drawn from its own random stream ({@code SplittableRandom} seeded from the seed and {@code h}), so
 * the same seed always gives the same citizens in the same order, and any part of the population can
 * be drawn again without the rest (a load stopped half-way resumes where it stopped).
 *
 * <p>Households are a single adult, a couple, a couple with one to three children, or three
 * generations (a grandparent living with a son's family), with parents 20 to 45 years older than
 * their children, births from 1930 to {@value #REFERENCE_YEAR}, and some older citizens whose date of
 * birth is recorded as a year or a month only. Names follow real frequencies; children carry their
 * father's family name; father, mother and spouse are recorded by personal id and name when they live
 * in the household, by name alone otherwise. A household shares one permanent address in one of the 34
 * provinces, chosen by population, and a commune of {@code masterdata/communes-2025.csv}.
 *
 * <p>Personal ids follow the registry's rules: the birth-registration code of an old province that
 * became part of the province the person was born in, the century-and-sex digit, the last two digits of
 * the year of birth, and as serial the citizen's index in the population. The serial alone makes the
 * ids unique, which is why a population holds at most {@value #MAX_SIZE} citizens. A number that would
 * be one of the reserved ids (the demo citizens') is registered in the next birth province of the list
 * instead.
 */
public final class SyntheticPopulation {

	public static final long DEFAULT_SEED = 20_250_701L;

	/** Six serial digits, each citizen's index: unique without any lookup, up to a million. */
	public static final int MAX_SIZE = 1_000_000;

	/** The year the synthetic registry is "taken" in; fixed, so that the population never depends on the clock. */
	static final int REFERENCE_YEAR = 2025;

	private static final String NATIONALITY = "VN";

	private static final WeightedTable<String> KINH_ONLY = WeightedTable.parse("Kinh");

	/** Shares in percent of the main ethnic minorities where they live (approximate); Kinh everywhere else. */
	private static final Map<String, WeightedTable<String>> ETHNICITIES = Map.ofEntries(
			Map.entry("04", WeightedTable.parse("Tày=40, Nùng=30, Mông=10, Dao=10, Kinh=10")),
			Map.entry("08", WeightedTable.parse("Tày=25, Mông=20, Dao=12, Nùng=5, Kinh=38")),
			Map.entry("11", WeightedTable.parse("Thái=38, Mông=35, Kinh=27")),
			Map.entry("12", WeightedTable.parse("Mông=25, Thái=30, Dao=12, Kinh=33")),
			Map.entry("14", WeightedTable.parse("Thái=53, Mông=16, Mường=8, Kinh=23")),
			Map.entry("15", WeightedTable.parse("Mông=20, Tày=12, Dao=12, Thái=5, Kinh=51")),
			Map.entry("19", WeightedTable.parse("Tày=15, Nùng=5, Dao=3, Kinh=77")),
			Map.entry("20", WeightedTable.parse("Nùng=42, Tày=35, Dao=4, Kinh=19")),
			Map.entry("22", WeightedTable.parse("Dao=4, Tày=3, Kinh=93")),
			Map.entry("24", WeightedTable.parse("Nùng=3, Tày=2, Kinh=95")),
			Map.entry("25", WeightedTable.parse("Mường=22, Kinh=78")),
			Map.entry("38", WeightedTable.parse("Mường=9, Thái=6, Kinh=85")),
			Map.entry("40", WeightedTable.parse("Thái=9, Mông=1, Kinh=90")),
			Map.entry("52", WeightedTable.parse("Gia Rai=20, Kinh=80")),
			Map.entry("56", WeightedTable.parse("Chăm=6, Kinh=94")),
			Map.entry("66", WeightedTable.parse("Ê Đê=12, Nùng=3, Tày=3, Kinh=82")),
			Map.entry("68", WeightedTable.parse("Tày=2, Nùng=2, Kinh=96")),
			Map.entry("79", WeightedTable.parse("Hoa=4, Kinh=96")),
			Map.entry("86", WeightedTable.parse("Khmer=9, Kinh=91")),
			Map.entry("91", WeightedTable.parse("Khmer=10, Chăm=1, Hoa=1, Kinh=88")),
			Map.entry("92", WeightedTable.parse("Khmer=16, Hoa=2, Kinh=82")),
			Map.entry("96", WeightedTable.parse("Khmer=4, Hoa=2, Kinh=94")));

	private static final WeightedTable<String> RELIGIONS = WeightedTable
		.parse("Không=840, Phật giáo=80, Công giáo=65, Tin lành=8, Cao Đài=5, Phật giáo Hòa Hảo=2");

	private static final WeightedTable<String> KHMER_RELIGIONS = WeightedTable.parse("Phật giáo=90, Không=10");

	/** Where people registered elsewhere stay for work or study (temporary residence). */
	private static final WeightedTable<String> CITIES = WeightedTable.parse("79=5, 01=3, 75=1, 48=1, 24=1");

	/** Provinces where hamlets are "ấp" and lanes are written as house numbers ("12/5"). */
	private static final Set<String> SOUTH = Set.of("75", "79", "80", "82", "86", "91", "92", "96");

	private static final WeightedTable<String> STREETS = WeightedTable.parse("Lê Lợi, Trần Hưng Đạo, Nguyễn Trãi, "
			+ "Quang Trung, Hai Bà Trưng, Lý Thường Kiệt, Trần Phú, Hùng Vương, Nguyễn Huệ, Lê Duẩn, Phan Chu Trinh, "
			+ "Điện Biên Phủ, Nguyễn Du, Bà Triệu, Lê Hồng Phong, Ngô Quyền, Nguyễn Văn Cừ, Võ Thị Sáu, "
			+ "Nguyễn Thị Minh Khai, Hoàng Văn Thụ");

	private static final WeightedTable<String> NORTHERN_HAMLETS = WeightedTable.parse("Thôn Đông, Thôn Đoài, "
			+ "Thôn Trung, Thôn Thượng, Thôn Hạ, Thôn Bắc, Thôn Nam, Thôn An Lạc, Thôn Phú Mỹ, Thôn 1, Thôn 2, Thôn 3, "
			+ "Thôn 4, Thôn 5, Thôn 6");

	private static final WeightedTable<String> SOUTHERN_HAMLETS = WeightedTable.parse("Ấp Bình An, Ấp Tân Hòa, "
			+ "Ấp Long Thạnh, Ấp Phú Hòa, Ấp Mỹ Lợi, Ấp Tân Thành, Ấp An Lợi, Ấp 1, Ấp 2, Ấp 3, Ấp 4, Ấp 5, Ấp 6");

	/** The seed mixed once, so that households of nearby seeds (1, 2...) are not shifted copies of each other. */
	private final long mixedSeed;

	private final Set<String> reservedIds;

	private final Geography geography;

	private final VietnameseNames names = new VietnameseNames();

	private SyntheticPopulation(long seed, Set<String> reservedIds, Geography geography) {
		this.mixedSeed = new SplittableRandom(seed).nextLong();
		this.reservedIds = Set.copyOf(reservedIds);
		this.geography = geography;
	}

	/**
	 * @param seed the population's seed
	 * @param reservedIds personal ids no synthetic citizen may have (the demo citizens')
	 */
	public static SyntheticPopulation of(long seed, Set<String> reservedIds) {
		return new SyntheticPopulation(seed, reservedIds, Geography.load());
	}

	/** Citizens {@code from} (inclusive) to {@code to} (exclusive), in the population's order. */
	public List<Citizen.NewCitizen> citizens(long from, long to) {
		return cursor(from).next(Math.toIntExact(to - from));
	}

	/** Reads the population in order from citizen {@code from}, batch by batch. */
	public Cursor cursor(long from) {
		return new Cursor(from);
	}

	/** Citizens in order, household after household; the last household of a batch may continue in the next. */
	public final class Cursor {

		private long household;

		private long householdStart;

		private long position;

		private List<Citizen.NewCitizen> members;

		private Cursor(long from) {
			if (from < 0 || from > MAX_SIZE) {
				throw new IllegalArgumentException("No citizen " + from + " in a population of at most " + MAX_SIZE);
			}
			while (this.householdStart + householdSize(this.household) <= from) {
				this.householdStart += householdSize(this.household);
				this.household++;
			}
			this.position = from;
		}

		/** The index of the next citizen. */
		public long position() {
			return this.position;
		}

		/** The next {@code count} citizens; at most {@link #MAX_SIZE} in all. */
		public List<Citizen.NewCitizen> next(int count) {
			if (count < 0 || this.position + count > MAX_SIZE) {
				throw new IllegalArgumentException("A synthetic population holds at most " + MAX_SIZE + " citizens");
			}
			List<Citizen.NewCitizen> batch = new ArrayList<>(count);
			while (batch.size() < count) {
				if (this.members == null) {
					this.members = household(this.household, this.householdStart);
				}
				int offset = (int) (this.position - this.householdStart);
				int taken = Math.min(this.members.size() - offset, count - batch.size());
				batch.addAll(this.members.subList(offset, offset + taken));
				this.position += taken;
				if (this.position == this.householdStart + this.members.size()) {
					this.householdStart += this.members.size();
					this.household++;
					this.members = null;
				}
			}
			return batch;
		}

	}

	/** How many people household {@code index} has: its first two draws, without drawing the rest. */
	int householdSize(long index) {
		return shape(random(index)).size();
	}

	/** The members of household {@code index}, head first, whose first member is citizen {@code firstCitizen}. */
	List<Citizen.NewCitizen> household(long index, long firstCitizen) {
		SplittableRandom random = random(index);
		Shape shape = shape(random);
		String province = this.geography.province(random);
		String ethnicity = ETHNICITIES.getOrDefault(province, KINH_ONLY).pick(random);
		Draw draw = new Draw(random, "SYN-%08d".formatted(index), firstCitizen, province, ethnicity,
				("Khmer".equals(ethnicity) ? KHMER_RELIGIONS : RELIGIONS).pick(random), address(random, province));
		String familyName = this.names.familyName(random, ethnicity);
		switch (shape.kind()) {
			case SINGLE -> single(draw, familyName);
			case COUPLE -> couple(draw, familyName);
			case FAMILY -> family(draw, familyName, shape.children());
			case THREE_GENERATIONS -> threeGenerations(draw, familyName, shape.children());
		}
		return draw.members;
	}

	private void single(Draw draw, String familyName) {
		SplittableRandom random = draw.random;
		Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
		int age = adultAge(random);
		Person person = draw.person(0, sex, REFERENCE_YEAR - age, familyName, null);
		draw.add(person, Relation.HEAD, draw.outsideFather(familyName, person), draw.outsideMother(person), null);
	}

	private void couple(Draw draw, String familyName) {
		SplittableRandom random = draw.random;
		int husbandYear = random.nextBoolean() ? 1990 + random.nextInt(14) : 1940 + random.nextInt(26);
		int wifeYear = Math.min(husbandYear + spouseGap(random), REFERENCE_YEAR - 20);
		String wifeFamilyName = this.names.familyName(random, draw.ethnicity);
		boolean wifeIsHead = random.nextInt(100) < 15;
		Person husband = draw.person(wifeIsHead ? 1 : 0, Sex.MALE, husbandYear, familyName, null);
		Person wife = draw.person(wifeIsHead ? 0 : 1, Sex.FEMALE, wifeYear, wifeFamilyName, null);
		Kin husbandFather = draw.outsideFather(familyName, husband);
		Kin husbandMother = draw.outsideMother(husband);
		Kin wifeFather = draw.outsideFather(wifeFamilyName, wife);
		Kin wifeMother = draw.outsideMother(wife);
		if (wifeIsHead) {
			draw.add(wife, Relation.HEAD, wifeFather, wifeMother, husband.asKin());
			draw.add(husband, Relation.SPOUSE, husbandFather, husbandMother, wife.asKin());
		}
		else {
			draw.add(husband, Relation.HEAD, husbandFather, husbandMother, wife.asKin());
			draw.add(wife, Relation.SPOUSE, wifeFather, wifeMother, husband.asKin());
		}
	}

	private void family(Draw draw, String familyName, int children) {
		SplittableRandom random = draw.random;
		int fatherYear = 1955 + random.nextInt(46);
		int motherYear = Math.min(fatherYear + spouseGap(random), REFERENCE_YEAR - 22);
		int[] childYears = childYears(random, fatherYear, motherYear, children);
		String motherFamilyName = this.names.familyName(random, draw.ethnicity);
		boolean motherIsHead = random.nextInt(100) < 15;
		Person father = draw.person(motherIsHead ? 1 : 0, Sex.MALE, fatherYear, familyName, null);
		Person mother = draw.person(motherIsHead ? 0 : 1, Sex.FEMALE, motherYear, motherFamilyName, null);
		Kin fathersFather = draw.outsideFather(familyName, father);
		Kin fathersMother = draw.outsideMother(father);
		Kin mothersFather = draw.outsideFather(motherFamilyName, mother);
		Kin mothersMother = draw.outsideMother(mother);
		if (motherIsHead) {
			draw.add(mother, Relation.HEAD, mothersFather, mothersMother, father.asKin());
			draw.add(father, Relation.SPOUSE, fathersFather, fathersMother, mother.asKin());
		}
		else {
			draw.add(father, Relation.HEAD, fathersFather, fathersMother, mother.asKin());
			draw.add(mother, Relation.SPOUSE, mothersFather, mothersMother, father.asKin());
		}
		addChildren(draw, 2, familyName, childYears, father, mother, Relation.CHILD);
	}

	/**
	 * A grandparent living with their son's family, whose other parent has died. The head is the son
	 * (the grandparent is then listed last) or the grandparent.
	 */
	private void threeGenerations(Draw draw, String familyName, int children) {
		SplittableRandom random = draw.random;
		int grandparentYear = 1930 + random.nextInt(36);
		Sex grandparentSex = (random.nextInt(100) < 60) ? Sex.FEMALE : Sex.MALE;
		int fatherYear = Math.min(grandparentYear + 22 + random.nextInt(19), REFERENCE_YEAR - 25);
		int motherYear = Math.min(fatherYear + spouseGap(random), REFERENCE_YEAR - 22);
		int[] childYears = childYears(random, fatherYear, motherYear, children);
		String motherFamilyName = this.names.familyName(random, draw.ethnicity);
		String grandmotherFamilyName = this.names.familyName(random, draw.ethnicity);
		boolean grandparentIsHead = random.nextInt(100) < 40;
		int first = grandparentIsHead ? 1 : 0;
		Person grandparent = draw.person(grandparentIsHead ? 0 : 2 + children, grandparentSex, grandparentYear,
				(grandparentSex == Sex.MALE) ? familyName : grandmotherFamilyName, null);
		Person father = draw.person(first, Sex.MALE, fatherYear, familyName, null);
		Person mother = draw.person(first + 1, Sex.FEMALE, motherYear, motherFamilyName, null);
		Kin lateSpouse = (grandparentSex == Sex.MALE)
				? new Kin(null,
						this.names.fullName(random, grandmotherFamilyName, Sex.FEMALE, grandparentYear, draw.ethnicity))
				: new Kin(null, this.names.fullName(random, familyName, Sex.MALE, grandparentYear, draw.ethnicity));
		Kin fathersFather = (grandparentSex == Sex.MALE) ? grandparent.asKin() : lateSpouse;
		Kin fathersMother = (grandparentSex == Sex.FEMALE) ? grandparent.asKin() : lateSpouse;
		Kin mothersFather = draw.outsideFather(motherFamilyName, mother);
		Kin mothersMother = draw.outsideMother(mother);
		if (grandparentIsHead) {
			draw.add(grandparent, Relation.HEAD, null, null, lateSpouse);
			draw.add(father, Relation.CHILD, fathersFather, fathersMother, mother.asKin());
			draw.add(mother, Relation.CHILD_IN_LAW, mothersFather, mothersMother, father.asKin());
			addChildren(draw, 3, familyName, childYears, father, mother, Relation.GRANDCHILD);
		}
		else {
			draw.add(father, Relation.HEAD, fathersFather, fathersMother, mother.asKin());
			draw.add(mother, Relation.SPOUSE, mothersFather, mothersMother, father.asKin());
			addChildren(draw, 2, familyName, childYears, father, mother, Relation.CHILD);
			draw.add(grandparent, (grandparentSex == Sex.MALE) ? Relation.FATHER : Relation.MOTHER, null, null,
					lateSpouse);
		}
	}

	private void addChildren(Draw draw, int firstPosition, String familyName, int[] years, Person father,
			Person mother, Relation relation) {
		for (int i = 0; i < years.length; i++) {
			Sex sex = (draw.random.nextInt(100) < 51) ? Sex.MALE : Sex.FEMALE;
			Person child = draw.person(firstPosition + i, sex, years[i], familyName, father.hometown);
			draw.add(child, relation, father.asKin(), mother.asKin(), null);
		}
	}

	/** Years of birth of the children, oldest first: 20 to 45 years after each parent's, none after the reference year. */
	private static int[] childYears(SplittableRandom random, int fatherYear, int motherYear, int children) {
		int earliest = Math.max(fatherYear, motherYear) + 20;
		int latest = Math.min(Math.min(fatherYear, motherYear) + 45, REFERENCE_YEAR);
		int[] years = new int[children];
		int year = earliest + random.nextInt(Math.min(10, latest - earliest) + 1);
		for (int i = 0; i < children; i++) {
			years[i] = year;
			year = Math.min(year + 1 + random.nextInt(4), latest);
		}
		return years;
	}

	/** How much younger the wife is: from two years older to seven years younger. */
	private static int spouseGap(SplittableRandom random) {
		return -2 + random.nextInt(10);
	}

	/** An adult living alone: more often young than old. */
	private static int adultAge(SplittableRandom random) {
		int bracket = random.nextInt(100);
		if (bracket < 45) {
			return 20 + random.nextInt(15);
		}
		return (bracket < 75) ? 35 + random.nextInt(25) : 60 + random.nextInt(26);
	}

	private Address address(SplittableRandom random, String province) {
		String commune = this.geography.commune(province, random);
		String detail = detail(random, province, commune);
		return new Address(detail + ", " + commune + ", " + this.geography.provinceName(province), province, commune,
				detail);
	}

	private static String detail(SplittableRandom random, String province, String commune) {
		boolean south = SOUTH.contains(province);
		if (commune.startsWith("Đặc khu")) {
			return "Khu phố " + (1 + random.nextInt(9));
		}
		if (!commune.startsWith("Phường")) {
			return (south ? SOUTHERN_HAMLETS : NORTHERN_HAMLETS).pick(random);
		}
		int kind = random.nextInt(10);
		if (kind < 2) {
			return "Tổ dân phố " + (1 + random.nextInt(40));
		}
		int house = 1 + random.nextInt(250);
		String street = ("01".equals(province) ? "phố " : "đường ") + STREETS.pick(random);
		if (kind < 5) {
			int lane = 1 + random.nextInt(200);
			return south ? "Số " + lane + "/" + house + " " + street : "Số " + house + " ngõ " + lane + " " + street;
		}
		return "Số " + house + " " + street;
	}

	private static Shape shape(SplittableRandom random) {
		int kind = random.nextInt(100);
		int children = random.nextInt(100);
		int count = (children < 35) ? 1 : (children < 80) ? 2 : 3;
		if (kind < 12) {
			return new Shape(Kind.SINGLE, 0);
		}
		if (kind < 30) {
			return new Shape(Kind.COUPLE, 0);
		}
		return new Shape((kind < 80) ? Kind.FAMILY : Kind.THREE_GENERATIONS, count);
	}

	private SplittableRandom random(long household) {
		return new SplittableRandom(this.mixedSeed ^ household);
	}

	private enum Kind {

		SINGLE, COUPLE, FAMILY, THREE_GENERATIONS

	}

	private record Shape(Kind kind, int children) {

		int size() {
			return switch (this.kind) {
				case SINGLE -> 1;
				case COUPLE -> 2;
				case FAMILY -> 2 + this.children;
				case THREE_GENERATIONS -> 3 + this.children;
			};
		}

	}

	/** One synthetic person before they are placed in the household (ids first, so that kin can name them). */
	private static final class Person {

		private final int position;

		private final String personalId;

		private final String fullName;

		private final Sex sex;

		private final BirthDate birthDate;

		private final String placeOfBirth;

		private final String hometown;

		private final String legacyIdNumber;

		private final Address temporaryAddress;

		Person(int position, String personalId, String fullName, Sex sex, BirthDate birthDate, String placeOfBirth,
				String hometown, String legacyIdNumber, Address temporaryAddress) {
			this.position = position;
			this.personalId = personalId;
			this.fullName = fullName;
			this.sex = sex;
			this.birthDate = birthDate;
			this.placeOfBirth = placeOfBirth;
			this.hometown = hometown;
			this.legacyIdNumber = legacyIdNumber;
			this.temporaryAddress = temporaryAddress;
		}

		/** This person as a relative of another member: by number and name. */
		Kin asKin() {
			return new Kin(this.personalId, this.fullName);
		}

	}

	/** One household being drawn: its random stream, where it lives, and the members so far. */
	private final class Draw {

		private final SplittableRandom random;

		private final String householdId;

		private final String province;

		private final String ethnicity;

		private final String religion;

		private final Address home;

		private final List<Citizen.NewCitizen> members = new ArrayList<>();

		private final long firstCitizen;

		private String headId;

		Draw(SplittableRandom random, String householdId, long firstCitizen, String province, String ethnicity,
				String religion, Address home) {
			this.random = random;
			this.householdId = householdId;
			this.firstCitizen = firstCitizen;
			this.province = province;
			this.ethnicity = ethnicity;
			this.religion = religion;
			this.home = home;
		}

		/**
		 * A new person, who will be the household's member at {@code position} and whose serial is
		 * therefore their index in the population. Most were born in the province they live in
		 * (children more often than adults); a child's home town is the father's.
		 */
		Person person(int position, Sex sex, int year, String familyName, String fathersHometown) {
			long serial = this.firstCitizen + position;
			boolean child = fathersHometown != null;
			boolean bornHere = this.random.nextInt(100) < (child ? 95 : 80);
			String birthCode = bornHere ? geography.birthCodeIn(this.province, this.random)
					: geography.anyBirthCode(this.random);
			BirthDate birthDate = birthDate(this.random, year);
			String personalId = personalId(birthCode, sex, year, serial);
			while (reservedIds.contains(personalId)) {
				birthCode = geography.nextBirthCode(birthCode);
				personalId = personalId(birthCode, sex, year, serial);
			}
			String fullName = names.fullName(this.random, familyName, sex, year, this.ethnicity);
			String placeOfBirth = geography.birthProvinceName(birthCode);
			String legacyIdNumber = (year <= 1998 && this.random.nextBoolean())
					? (100 + this.random.nextInt(300)) + sixDigits(serial) : null;
			Address temporary = null;
			if (!child && year >= REFERENCE_YEAR - 40 && this.random.nextInt(100) < 8) {
				String city = CITIES.pick(this.random);
				temporary = city.equals(this.province) ? null : address(this.random, city);
			}
			return new Person(position, personalId, fullName, sex, birthDate, placeOfBirth,
					child ? fathersHometown : placeOfBirth, legacyIdNumber, temporary);
		}

		/** A parent who does not live in the household: recorded by name only. */
		Kin outsideFather(String familyName, Person child) {
			int year = child.birthDate.year() - 28;
			return new Kin(null, names.fullName(this.random, familyName, Sex.MALE, year, this.ethnicity));
		}

		Kin outsideMother(Person child) {
			int year = child.birthDate.year() - 25;
			String familyName = names.familyName(this.random, this.ethnicity);
			return new Kin(null, names.fullName(this.random, familyName, Sex.FEMALE, year, this.ethnicity));
		}

		/** Adds the next member, in the order of their positions; the first one is the head. */
		void add(Person person, Relation relation, Kin father, Kin mother, Kin spouse) {
			if (person.position != this.members.size()) {
				throw new IllegalStateException("Member " + person.position + " added as " + this.members.size());
			}
			if (this.headId == null) {
				this.headId = person.personalId;
			}
			this.members.add(new Citizen.NewCitizen(person.personalId, person.legacyIdNumber, person.fullName,
					List.of(), person.birthDate, person.sex, person.placeOfBirth, person.hometown, this.ethnicity,
					this.religion, NATIONALITY, this.home, person.temporaryAddress,
					new Household(this.householdId, this.headId, relation), father, mother, spouse));
		}

	}

	/** Full dates, but for some born before 1955 only the year, or the month and year. */
	private static BirthDate birthDate(SplittableRandom random, int year) {
		int month = 1 + random.nextInt(12);
		int day = 1 + random.nextInt(YearMonth.of(year, month).lengthOfMonth());
		if (year < 1955) {
			int precision = random.nextInt(100);
			if (precision < 20) {
				return new BirthDate(year, null, null);
			}
			if (precision < 35) {
				return new BirthDate(year, month, null);
			}
		}
		return new BirthDate(year, month, day);
	}

	static String personalId(String birthCode, Sex sex, int year, long serial) {
		int yy = year % 100;
		return birthCode + PersonalIdNumber.centuryAndSexDigit(year, sex) + (char) ('0' + yy / 10)
				+ (char) ('0' + yy % 10) + sixDigits(serial);
	}

	/** The serial digits; past {@link #MAX_SIZE} (members of a household cut off at the end) they wrap. */
	private static String sixDigits(long serial) {
		String digits = Long.toString(serial % MAX_SIZE);
		return "000000".substring(digits.length()) + digits;
	}

}
