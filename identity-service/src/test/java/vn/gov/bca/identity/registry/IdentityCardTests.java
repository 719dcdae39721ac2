package vn.gov.bca.identity.registry;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityCardTests {

	private static final BirthDate BORN = BirthDate.parse("1990-03-15");

	@Test
	void aCardIssuedAtTwentyExpiresOnTheTwentyFifthBirthday() {
		IdentityCard card = IdentityCard.issue("001090000001", BORN, LocalDate.of(2010, 6, 1), "C06");
		assertThat(card.expiresOn()).isEqualTo(LocalDate.of(2015, 3, 15));
	}

	@Test
	void aCardIssuedWithinTwoYearsBeforeAnExchangeAgeLastsUntilTheNextOne() {
		// 23 years and 4 months old: within two years of 25, so valid until 40.
		IdentityCard card = IdentityCard.issue("001090000001", BORN, LocalDate.of(2013, 7, 1), "C06");
		assertThat(card.expiresOn()).isEqualTo(LocalDate.of(2030, 3, 15));
	}

	@Test
	void exactlyTwoYearsBeforeTheExchangeAgeCountsAsWithin() {
		IdentityCard card = IdentityCard.issue("001090000001", BORN, LocalDate.of(2013, 3, 15), "C06");
		assertThat(card.expiresOn()).isEqualTo(LocalDate.of(2030, 3, 15));
	}

	@Test
	void aCardReportedLostIsNoLongerValidFromThatDayOn() {
		IdentityCard card = IdentityCard.issue("001090000001", BORN, LocalDate.of(2016, 6, 1), "C06")
			.reportedLost(LocalDate.of(2026, 12, 1));
		assertThat(card.isValidOn(LocalDate.of(2026, 11, 30))).isTrue();
		assertThat(card.isValidOn(LocalDate.of(2026, 12, 1))).isFalse();
		assertThat(card.isValidOn(LocalDate.of(2026, 12, 2))).isFalse();
	}

	@Test
	void aChildsCardExpiresAtFourteen() {
		BirthDate child = BirthDate.parse("2018-09-01");
		IdentityCard card = IdentityCard.issue("001218000001", child, LocalDate.of(2025, 1, 10), "C06");
		assertThat(card.expiresOn()).isEqualTo(LocalDate.of(2032, 9, 1));
	}

	@Test
	void aCardIssuedFromFiftyEightOnNeverExpires() {
		IdentityCard card = IdentityCard.issue("001066000001", BirthDate.parse("1966-05-05"), LocalDate.of(2024, 7, 1),
				"C06");
		assertThat(card.expiresOn()).isNull();
		assertThat(card.isValidOn(LocalDate.of(2090, 1, 1))).isTrue();
	}

	@Test
	void aCardIssuedAtFiftyFiveExpiresAtSixty() {
		IdentityCard card = IdentityCard.issue("001066000001", BirthDate.parse("1966-05-05"), LocalDate.of(2021, 7, 1),
				"C06");
		assertThat(card.expiresOn()).isEqualTo(LocalDate.of(2026, 5, 5));
		assertThat(card.isValidOn(LocalDate.of(2026, 5, 4))).isTrue();
		assertThat(card.isValidOn(LocalDate.of(2026, 5, 6))).isFalse();
	}

	@Test
	void aCardIsValidOnTheDayPrintedAsItsLastValidDay() {
		// "Có giá trị đến 05/05/2026": valid that whole day, refused from the next one.
		IdentityCard card = IdentityCard.issue("001066000001", BirthDate.parse("1966-05-05"), LocalDate.of(2021, 7, 1),
				"C06");
		assertThat(card.isValidOn(LocalDate.of(2026, 5, 5))).isTrue();
		assertThat(card.isValidOn(LocalDate.of(2026, 5, 6))).isFalse();
		assertThat(card.isValidOn(LocalDate.of(2021, 6, 30))).isFalse();
		assertThat(card.isValidOn(LocalDate.of(2021, 7, 1))).isTrue();
	}

	@Test
	void aYearOnlyBirthCountsFromTheFirstOfJanuary() {
		IdentityCard card = IdentityCard.issue("001045000001", BirthDate.parse("1945"), LocalDate.of(1995, 1, 1),
				"C06");
		assertThat(card.expiresOn()).isEqualTo(LocalDate.of(2005, 1, 1));
	}

}
