package vn.gov.bca.identity.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.time.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CitizenTests {

	private static final ProvinceCodes BIRTH_PROVINCES = ProvinceCodes.birthRegistration();

	private static final ProvinceCodes PROVINCES = ProvinceCodes.current();

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	/** Late evening of TODAY in Vietnam: still the afternoon in UTC, the day must be Vietnam's. */
	private static final Clock CLOCK = Clock.fixed(TODAY.atTime(23, 30).atZone(VietnamTime.ZONE).toInstant(),
			VietnamTime.ZONE);

	private final Citizen ha = Citizen
		.register(NewCitizens.citizen("001185000101", "Nguyễn Thị Hà", "1985-04-02", Sex.FEMALE).build(),
				BIRTH_PROVINCES, PROVINCES, CLOCK)
		.citizen();

	@Test
	void aCorrectionNamesTheFieldsThatChangedAndNotTheirValues() {
		Address moved = new Address(null, "79", "Phường Sài Gòn", "12 Lê Lợi");
		List<CitizenEvent.CitizenChanged> events = this.ha.correct(correction("Nguyễn Thị Hà", moved, null), PROVINCES,
				CLOCK);

		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.fields()).containsExactly("permanentAddress");
			assertThat(event.toString()).doesNotContain("Lê Lợi");
		});
		assertThat(this.ha.permanentAddress()).isEqualTo(moved);
		assertThat(this.ha.fullName()).isEqualTo("Nguyễn Thị Hà");
	}

	@Test
	void aCorrectionThatChangesNothingHasNoEvent() {
		List<CitizenEvent.CitizenChanged> events = this.ha
			.correct(correction("Nguyễn  Thị Hà", this.ha.permanentAddress(), null), PROVINCES, CLOCK);
		assertThat(events).isEmpty();
	}

	@Test
	void aRenamedCitizenIsFoundByTheNewName() {
		List<CitizenEvent.CitizenChanged> events = this.ha.correct(correction("Nguyễn Thị Hạnh", null, null), PROVINCES,
				CLOCK);
		assertThat(events).singleElement().satisfies((event) -> assertThat(event.fields()).containsExactly("fullName"));
		assertThat(this.ha.fullNameFolded()).isEqualTo("nguyen thi hanh");
	}

	@Test
	void anUnknownProvinceInACorrectionIsRefused() {
		Address before = this.ha.permanentAddress();
		assertThatThrownBy(
				() -> this.ha.correct(correction("Nguyễn Thị Hạnh", new Address(null, "99", null, null), null), PROVINCES,
						CLOCK))
			.isInstanceOfSatisfying(ApiException.class, (refusal) -> assertThat(refusal.errors())
				.extracting(ApiException.FieldProblem::code)
				.containsExactly("address.unknown-province"));
		// Refused before anything changed: the record is as it was.
		assertThat(this.ha.permanentAddress()).isEqualTo(before);
		assertThat(this.ha.fullName()).isEqualTo("Nguyễn Thị Hà");
	}

	@Test
	void aDeathIsRecordedOnceAndFreezesTheRecord() {
		List<CitizenEvent.CitizenChanged> death = this.ha.recordDeath(LocalDate.of(2026, 1, 5), CLOCK);
		assertThat(this.ha.lifeStatus()).isEqualTo(Citizen.LifeStatus.DECEASED);
		assertThat(this.ha.dateOfDeath()).isEqualTo(LocalDate.of(2026, 1, 5));
		assertThat(death).singleElement()
			.satisfies((event) -> assertThat(event.fields()).containsExactly("lifeStatus", "dateOfDeath"));

		Citizen deceased = this.ha;
		assertThatThrownBy(() -> deceased.recordDeath(LocalDate.of(2026, 1, 6), CLOCK))
			.isInstanceOfSatisfying(ApiException.class, (refusal) -> assertThat(refusal.type().status().value()).isEqualTo(409));
		assertThatThrownBy(() -> deceased.correct(correction("Nguyễn Thị Hạnh", null, null), PROVINCES, CLOCK))
			.isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> deceased.issueIdentityCard(TODAY, "C06", CLOCK)).isInstanceOf(ApiException.class);
		assertThat(deceased.dateOfDeath()).isEqualTo(LocalDate.of(2026, 1, 5));
	}

	@Test
	void aDeathBeforeBirthOrInTheFutureIsImpossible() {
		assertThatThrownBy(() -> this.ha.recordDeath(LocalDate.of(1980, 1, 1), CLOCK)).isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> this.ha.recordDeath(TODAY.plusDays(1), CLOCK)).isInstanceOf(ApiException.class);
	}

	@Test
	void identityCardsAccumulateAndTheLastIsCurrent() {
		this.ha.issueIdentityCard(LocalDate.of(2016, 5, 10), "C06", CLOCK);
		List<CitizenEvent> second = this.ha.issueIdentityCard(LocalDate.of(2024, 7, 1), "C06", CLOCK);

		assertThat(this.ha.identityCards()).hasSize(2);
		assertThat(this.ha.currentIdentityCard().issuedOn()).isEqualTo(LocalDate.of(2024, 7, 1));
		assertThat(this.ha.currentIdentityCard().expiresOn()).isEqualTo(LocalDate.of(2045, 4, 2));
		assertThat(this.ha.currentIdentityCard().number()).isEqualTo("001185000101");
		assertThat(this.ha.identityCards().get(0).replacedOn()).isEqualTo(LocalDate.of(2024, 7, 1));
		assertThat(this.ha.identityCards().get(0).isValidOn(LocalDate.of(2024, 6, 30))).isTrue();
		assertThat(this.ha.identityCards().get(0).isValidOn(LocalDate.of(2024, 7, 1))).isFalse();
		assertThat(second).hasSize(2);
		assertThat(second.get(0)).isInstanceOfSatisfying(CitizenEvent.CitizenChanged.class,
				(event) -> assertThat(event.fields()).containsExactly("identityCards"));
		assertThat(second.get(1)).isInstanceOfSatisfying(CitizenEvent.IdentityCardIssued.class, (event) -> {
			assertThat(event.replacesPrevious()).isTrue();
			assertThat(event.expiresOn()).isEqualTo(LocalDate.of(2045, 4, 2));
		});
	}

	@Test
	void aCardOfADossierIsEnteredOnceHoweverOftenTheFollowUpRuns() {
		assertThat(this.ha.issueIdentityCard(LocalDate.of(2024, 7, 1), "C06", "PC06-HN-240701-0001", CLOCK)).hasSize(2);
		assertThat(this.ha.issueIdentityCard(LocalDate.of(2024, 7, 1), "C06", "PC06-HN-240701-0001", CLOCK)).isEmpty();
		assertThat(this.ha.identityCards()).hasSize(1);
	}

	private static Citizen.Correction correction(String name, Address permanent, Household household) {
		return new Citizen.Correction(name, null, null, null, null, null, permanent, null, household, null, null,
				null);
	}

	@Test
	void householdAndKinAreKeptFromRegistration() {
		Citizen child = Citizen.register(NewCitizens.citizen("001212000202", "Trần Minh Khôi", "2012-08-08", Sex.MALE)
			.inHousehold("HN-0001", "001080000303", Household.Relation.CHILD)
			.parents(new Kin("001080000303", "Trần  Văn Nam"), new Kin("001185000101", "Nguyễn Thị Hà"))
			.build(), BIRTH_PROVINCES, PROVINCES, CLOCK).citizen();
		assertThat(child.household().relationToHead()).isEqualTo(Household.Relation.CHILD);
		assertThat(child.father().fullName()).isEqualTo("Trần Văn Nam");
		assertThat(List.of(child.mother().personalId())).containsExactly("001185000101");
	}

	@Test
	void aCardExchangeIsRemindedOnceFromTheWindowsFirstDayToTheCardsLastValidDay() {
		// Born 1990-12-20: a card issued at 16 is valid up to the 25th birthday, 2015-12-20, by the registry's rule.
		Citizen young = Citizen.register(NewCitizens.citizen("001090000303", "Phạm Văn Trẻ", "1990-12-20", Sex.MALE).build(),
				BIRTH_PROVINCES, PROVINCES, CLOCK).citizen();
		young.issueIdentityCard(LocalDate.of(2006, 12, 20), "Cục C06", CLOCK);
		LocalDate last = young.currentIdentityCard().expiresOn();
		assertThat(last).isEqualTo(LocalDate.of(2015, 12, 20));
		assertThat(young.exchangeReminderDue(last.minusDays(61), 60)).isFalse();
		assertThat(young.exchangeReminderDue(last.minusDays(60), 60)).isTrue();
		assertThat(young.exchangeReminderDue(last, 60)).isTrue();
		assertThat(young.exchangeReminderDue(last.plusDays(1), 60)).isFalse();
		List<CitizenEvent> events = young.remindCardExchange(last.minusDays(30), 60, CLOCK);
		assertThat(events).singleElement().isInstanceOfSatisfying(CitizenEvent.IdentityCardExchangeDue.class, (due) -> {
			assertThat(due.lastValidDay()).isEqualTo(last);
			assertThat(due.exchangeAge()).isEqualTo(25);
			assertThat(due.toString()).doesNotContain("Phạm Văn Trẻ");
		});
		// Once per card: the next night says nothing more.
		assertThat(young.remindCardExchange(last.minusDays(29), 60, CLOCK)).isEmpty();
	}

	@Test
	void aCardReportedLostIsInvalidAtOnceAndNeitherItNorAReplacedCardIsPresentedAsValid() {
		assertThatThrownBy(() -> this.ha.reportCardLost(CLOCK)).isInstanceOfSatisfying(ApiException.class,
				(refused) -> assertThat(refused.type().status().value()).isEqualTo(409));
		this.ha.issueIdentityCard(LocalDate.of(2016, 5, 1), "Cục C06", CLOCK);
		this.ha.issueIdentityCard(LocalDate.of(2024, 5, 1), "Cục C06", CLOCK);
		assertThat(this.ha.presentsValidCard(LocalDate.of(2024, 5, 1), TODAY)).isTrue();
		assertThat(this.ha.presentsValidCard(LocalDate.of(2016, 5, 1), TODAY)).isFalse();
		assertThat(this.ha.reportCardLost(CLOCK)).singleElement()
			.satisfies((event) -> assertThat(event.fields()).containsExactly("identityCards"));
		assertThat(this.ha.currentIdentityCard().reportedLostOn()).isEqualTo(TODAY);
		assertThat(this.ha.presentsValidCard(LocalDate.of(2024, 5, 1), TODAY)).isFalse();
		// A lost card's exchange is not reminded: it is re-issued.
		assertThat(this.ha.exchangeReminderDue(TODAY, 100_000)).isFalse();
	}

}
