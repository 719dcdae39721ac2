package vn.gov.bca.identity.population;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.Household.Relation;
import vn.gov.bca.identity.registry.Kin;
import vn.gov.bca.identity.registry.ProvinceCodes;
import vn.gov.bca.identity.registry.Sex;
import vn.gov.bca.identity.registry.VietnameseText;
import vn.gov.bca.platform.web.error.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class PopulationTests {

	private static final ProvinceCodes BIRTH_PROVINCES = ProvinceCodes.birthRegistration();

	private static final ProvinceCodes PROVINCES = ProvinceCodes.current();

	private static final DemoCitizens DEMO = DemoCitizens.load();

	private static final long SEED = SyntheticPopulation.DEFAULT_SEED;

	private static final SyntheticPopulation POPULATION = SyntheticPopulation.of(SEED, DEMO.personalIds());

	private static final List<Citizen.NewCitizen> SAMPLE = POPULATION.citizens(0, 20_000);

	@Test
	void theSameSeedGivesTheSameCitizensInTheSameOrder() {
		assertThat(SyntheticPopulation.of(SEED, DEMO.personalIds()).citizens(0, 1_000))
			.isEqualTo(SAMPLE.subList(0, 1_000));
	}

	@Test
	void anotherSeedGivesOtherCitizens() {
		List<Citizen.NewCitizen> other = SyntheticPopulation.of(SEED + 1, DEMO.personalIds()).citizens(0, 1_000);
		int sameNumbers = 0;
		for (int i = 0; i < other.size(); i++) {
			if (other.get(i).personalId().equals(SAMPLE.get(i).personalId())) {
				sameNumbers++;
			}
		}
		assertThat(sameNumbers).isLessThan(20);
		assertThat(other).extracting(Citizen.NewCitizen::fullName)
			.isNotEqualTo(SAMPLE.subList(0, 1_000).stream().map(Citizen.NewCitizen::fullName).toList());
	}

	@Test
	void anyPartCanBeDrawnAgainWithoutTheRest() {
		SyntheticPopulation.Cursor cursor = POPULATION.cursor(0);
		List<Citizen.NewCitizen> read = new ArrayList<>(cursor.next(700));
		read.addAll(cursor.next(300));
		assertThat(read).isEqualTo(SAMPLE.subList(0, 1_000));
		assertThat(cursor.position()).isEqualTo(1_000);
		assertThat(POPULATION.citizens(12_345, 13_000)).isEqualTo(SAMPLE.subList(12_345, 13_000));
	}

	@Test
	void everyCitizenPassesTheRegistryRulesWithTheIndexAsSerial() {
		Set<String> numbers = new HashSet<>();
		for (int i = 0; i < SAMPLE.size(); i++) {
			Citizen citizen = register(SAMPLE.get(i));
			assertThat(numbers.add(citizen.personalId())).as("unique number %s", citizen.personalId()).isTrue();
			assertThat(citizen.personalId()).endsWith("%06d".formatted(i));
			assertThat(citizen.nationality()).isEqualTo("VN");
			assertThat(citizen.birthDate().year()).isBetween(1930, 2025);
			if (citizen.legacyIdNumber() != null) {
				assertThat(citizen.legacyIdNumber()).matches("[0-9]{9}");
			}
		}
		assertThat(numbers).doesNotContainAnyElementsOf(DEMO.personalIds());
	}

	@Test
	void householdsHoldTogether() {
		Map<String, List<Citizen.NewCitizen>> households = households(SAMPLE);
		// The last household of the sample may continue past it.
		households.remove(SAMPLE.get(SAMPLE.size() - 1).household().householdId());
		Map<Integer, Integer> sizes = new HashMap<>();
		for (List<Citizen.NewCitizen> members : households.values()) {
			sizes.merge(members.size(), 1, Integer::sum);
			Citizen.NewCitizen head = members.get(0);
			assertThat(members).filteredOn((member) -> member.household().relationToHead() == Relation.HEAD)
				.containsExactly(head);
			Map<String, Citizen.NewCitizen> byNumber = members.stream()
				.collect(Collectors.toMap(Citizen.NewCitizen::personalId, (member) -> member));
			for (Citizen.NewCitizen member : members) {
				assertThat(member.household().headPersonalId()).isEqualTo(head.personalId());
				assertThat(member.permanentAddress()).isEqualTo(head.permanentAddress());
				checkParent(member, member.father(), Sex.MALE, byNumber);
				checkParent(member, member.mother(), Sex.FEMALE, byNumber);
				if (member.spouse() != null && member.spouse().personalId() != null) {
					Citizen.NewCitizen spouse = member(member.spouse(), byNumber);
					assertThat(spouse.spouse().personalId()).isEqualTo(member.personalId());
					assertThat(spouse.sex()).isNotEqualTo(member.sex());
				}
				if (member.household().relationToHead() == Relation.CHILD
						|| member.household().relationToHead() == Relation.GRANDCHILD) {
					// A parent lives with them (the other may have died: recorded by name only).
					assertThat(member.father().personalId() != null || member.mother().personalId() != null).isTrue();
				}
			}
		}
		assertThat(sizes.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
		assertThat(relations(Relation.FATHER) + relations(Relation.MOTHER)).isPositive();
		assertThat(relations(Relation.GRANDCHILD)).isPositive();
		assertThat(relations(Relation.CHILD_IN_LAW)).isPositive();
	}

	@Test
	void thePopulationIsSpreadLikeTheCountrys() {
		Map<String, Long> byProvince = SAMPLE.stream()
			.collect(Collectors.groupingBy((citizen) -> citizen.permanentAddress().provinceCode(),
					Collectors.counting()));
		assertThat(byProvince.keySet()).containsExactlyInAnyOrderElementsOf(PROVINCES.asMap().keySet());
		assertThat(byProvince.get("79")).isGreaterThan(byProvince.get("01")).isGreaterThan(byProvince.get("38"));
		assertThat(byProvince.get("38")).isGreaterThan(byProvince.get("04"));
		Geography geography = Geography.load();
		for (Citizen.NewCitizen citizen : SAMPLE) {
			String province = citizen.permanentAddress().provinceCode();
			assertThat(geography.communes(province)).contains(citizen.permanentAddress().commune());
			assertThat(citizen.permanentAddress().asRecorded()).contains(citizen.permanentAddress().commune());
			String birthCode = citizen.personalId().substring(0, 3);
			assertThat(citizen.placeOfBirth()).isEqualTo(BIRTH_PROVINCES.name(birthCode).orElseThrow());
			if (citizen.temporaryAddress() != null) {
				assertThat(citizen.temporaryAddress().provinceCode()).isNotEqualTo(province);
			}
		}
		assertThat(share((citizen) -> citizen.fullName().startsWith("Nguyễn "))).isBetween(0.30, 0.42);
		assertThat(share((citizen) -> citizen.ethnicity().equals("Kinh"))).isBetween(0.80, 0.95);
		assertThat(share((citizen) -> citizen.religion().equals("Không"))).isBetween(0.75, 0.90);
		assertThat(SAMPLE).extracting(Citizen.NewCitizen::ethnicity)
			.contains("Tày", "Thái", "Mường", "Khmer", "Hoa", "Mông");
		assertThat(SAMPLE).extracting(Citizen.NewCitizen::religion).contains("Phật giáo", "Công giáo");
		assertThat(share((citizen) -> citizen.legacyIdNumber() != null)).isBetween(0.2, 0.5);
		assertThat(share((citizen) -> citizen.temporaryAddress() != null)).isBetween(0.01, 0.1);
		assertThat(SAMPLE).anyMatch((citizen) -> citizen.birthDate().month() == null)
			.anyMatch((citizen) -> citizen.birthDate().month() != null && citizen.birthDate().day() == null)
			.allMatch((citizen) -> citizen.birthDate().isFullDate() || citizen.birthDate().year() < 1955);
	}

	@Test
	void namesAreWrittenWithTheirDiacriticsInNfcAndFoldForSearch() {
		int withDiacritics = 0;
		for (Citizen.NewCitizen citizen : SAMPLE) {
			String name = citizen.fullName();
			assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).as(name).isTrue();
			assertThat(VietnameseText.normalize(name)).isEqualTo(name);
			assertThat(VietnameseText.fold(name)).as(name).matches("[a-z]+( [a-z]+){2,}");
			if (!VietnameseText.fold(name).equals(name.toLowerCase())) {
				withDiacritics++;
			}
		}
		assertThat(withDiacritics).isGreaterThan(SAMPLE.size() * 9 / 10);
	}

	@Test
	void aNumberReservedForADemoCitizenIsRegisteredInTheNextBirthProvince() {
		Citizen.NewCitizen citizen = SAMPLE.get(42);
		Citizen.NewCitizen moved = SyntheticPopulation.of(SEED, Set.of(citizen.personalId())).citizens(42, 43).get(0);
		assertThat(moved.personalId()).isNotEqualTo(citizen.personalId()).endsWith(citizen.personalId().substring(3));
		assertThat(moved.placeOfBirth()).isNotEqualTo(citizen.placeOfBirth());
		assertThat(moved.fullName()).isEqualTo(citizen.fullName());
		register(moved);
	}

	@Test
	void aPopulationEndsAtAMillionBecauseTheSerialIsTheIndex() {
		List<Citizen.NewCitizen> last = POPULATION.citizens(999_998, 1_000_000);
		assertThat(last).extracting(Citizen.NewCitizen::personalId)
			.satisfiesExactly((number) -> assertThat(number).endsWith("999998"),
					(number) -> assertThat(number).endsWith("999999"));
		last.forEach(PopulationTests::register);
		assertThatThrownBy(() -> POPULATION.citizens(999_990, 1_000_001)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theDemoCitizensAreTheRealmsUsersWithValidRecords() throws IOException {
		JsonNode realm;
		try (InputStream in = Files.newInputStream(Path.of("..", "keycloak", "vneid-realm.json"))) {
			realm = JsonMapper.builder().build().readTree(in);
		}
		Map<String, Citizen.NewCitizen> demo = DEMO.citizens()
			.stream()
			.collect(Collectors.toMap(Citizen.NewCitizen::personalId, (citizen) -> citizen));
		Set<String> usernames = new HashSet<>();
		for (JsonNode user : realm.get("users")) {
			JsonNode number = user.path("attributes").path("personal_id");
			if (number.isMissingNode()) {
				continue;
			}
			String username = user.get("username").asString();
			usernames.add(username);
			Citizen.NewCitizen citizen = demo.get(number.get(0).asString());
			assertThat(citizen).as("record of %s", username).isNotNull();
			assertThat(citizen.fullName())
				.isEqualTo(user.get("lastName").asString() + " " + user.get("firstName").asString());
			assertThat(DEMO.personalIdOf(username)).isEqualTo(citizen.personalId());
		}
		assertThat(DEMO.usernames()).isEqualTo(usernames);
		DEMO.citizens().forEach(PopulationTests::register);

		List<Citizen.NewCitizen> household = households(DEMO.citizens()).get("DEMO-0001");
		assertThat(household).extracting(Citizen.NewCitizen::fullName)
			.containsExactly("Nguyễn Văn An", "Trần Thị Mai", "Nguyễn Minh Khang");
		assertThat(household).extracting((member) -> member.household().relationToHead())
			.containsExactly(Relation.HEAD, Relation.SPOUSE, Relation.CHILD);
		Map<String, Citizen.NewCitizen> byNumber = household.stream()
			.collect(Collectors.toMap(Citizen.NewCitizen::personalId, (member) -> member));
		for (Citizen.NewCitizen member : household) {
			checkParent(member, member.father(), Sex.MALE, byNumber);
			checkParent(member, member.mother(), Sex.FEMALE, byNumber);
			assertThat(member.permanentAddress()).isEqualTo(household.get(0).permanentAddress());
		}
	}

	private static void checkParent(Citizen.NewCitizen child, Kin parent, Sex sex,
			Map<String, Citizen.NewCitizen> household) {
		if (parent == null || parent.personalId() == null) {
			return;
		}
		Citizen.NewCitizen member = member(parent, household);
		assertThat(member.sex()).isEqualTo(sex);
		assertThat(child.birthDate().year() - member.birthDate().year()).as("age of %s's parent", child.fullName())
			.isBetween(20, 45);
		if (sex == Sex.MALE) {
			assertThat(child.fullName().split(" ")[0]).isEqualTo(member.fullName().split(" ")[0]);
		}
	}

	/** The member a kin entry names, by number and with the same name. */
	private static Citizen.NewCitizen member(Kin kin, Map<String, Citizen.NewCitizen> household) {
		Citizen.NewCitizen member = household.get(kin.personalId());
		assertThat(member).as("kin %s lives in the household", kin.personalId()).isNotNull();
		assertThat(kin.fullName()).isEqualTo(member.fullName());
		return member;
	}

	private static Map<String, List<Citizen.NewCitizen>> households(List<Citizen.NewCitizen> citizens) {
		return citizens.stream()
			.collect(Collectors.groupingBy((citizen) -> citizen.household().householdId(), LinkedHashMap::new,
					Collectors.toList()));
	}

	private static long relations(Relation relation) {
		return SAMPLE.stream().filter((citizen) -> citizen.household().relationToHead() == relation).count();
	}

	private static double share(Predicate<Citizen.NewCitizen> test) {
		return SAMPLE.stream().filter(test).count() / (double) SAMPLE.size();
	}

	private static Citizen register(Citizen.NewCitizen data) {
		try {
			return Citizen.register(data, BIRTH_PROVINCES, PROVINCES, java.time.Clock.systemUTC()).citizen();
		}
		catch (ApiException ex) {
			return fail("%s breaks the registry's rules: %s", data.personalId(), ex.errors());
		}
	}

}
