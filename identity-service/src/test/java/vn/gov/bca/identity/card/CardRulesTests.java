package vn.gov.bca.identity.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.IdentityCard;
import vn.gov.bca.identity.registry.NewCitizens;
import vn.gov.bca.identity.registry.ProvinceCodes;
import vn.gov.bca.identity.registry.Sex;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The grounds against the holder's cards (Law on Identification 26/2023/QH15): the exchange at an
 * age may be asked from the day two years before the card's last valid day, that day included — a
 * card issued then is valid to the next age (Art. 21(2): "trong thời hạn 02 năm trước tuổi"), so
 * the day before it is refused; a first issue only without a card; a lost card is re-issued, not
 * exchanged.
 */
class CardRulesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

	private static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).atZone(VietnamTime.ZONE).toInstant(),
			VietnamTime.ZONE);

	/** Born 20 Jan 2002: the card issued at 14 is valid until 20 Jan 2027, her 25th birthday. */
	private Citizen trang() {
		Citizen citizen = Citizen.register(NewCitizens.citizen("001302007777", "Phạm Thu Trang", "2002-01-20",
				Sex.FEMALE).build(), ProvinceCodes.birthRegistration(), ProvinceCodes.current(), CLOCK).citizen();
		citizen.issueIdentityCard(LocalDate.of(2016, 3, 15), IdentityCard.ISSUING_AUTHORITY, CLOCK);
		return citizen;
	}

	@Test
	void theExchangeAtAnAgeOpensTwoYearsBeforeTheLastValidDayThatDayIncluded() {
		Citizen holder = trang();
		assertThat(holder.currentIdentityCard().expiresOn()).isEqualTo(LocalDate.of(2027, 1, 20));

		assertThatThrownBy(() -> CardRules.checkHolder(holder, CardGround.EXCHANGE_AGE, LocalDate.of(2025, 1, 19)))
			.isInstanceOfSatisfying(ApiException.class,
					(refused) -> assertThat(refused.detailCode()).isEqualTo("identity-card.exchange-age-not-reached"));
		assertThatCode(() -> CardRules.checkHolder(holder, CardGround.EXCHANGE_AGE, LocalDate.of(2025, 1, 20)))
			.doesNotThrowAnyException();
		// And a card issued that day is valid to the next age, 40.
		assertThat(IdentityCard.expiryFor(holder.birthDate(), LocalDate.of(2025, 1, 20)))
			.isEqualTo(LocalDate.of(2042, 1, 20));
		// Past the birthday the card has expired: the exchange is still the one of that age.
		assertThatCode(() -> CardRules.checkHolder(holder, CardGround.EXCHANGE_AGE, LocalDate.of(2027, 2, 1)))
			.doesNotThrowAnyException();
	}

	@Test
	void aFirstIssueNeedsNoCardAndALostCardIsReissuedNotExchanged() {
		Citizen holder = trang();
		assertThatThrownBy(() -> CardRules.checkHolder(holder, CardGround.FIRST_ISSUE, TODAY))
			.isInstanceOfSatisfying(ApiException.class,
					(refused) -> assertThat(refused.detailCode()).isEqualTo("identity-card.already-issued"));
		holder.reportCardLost(CLOCK);
		assertThatThrownBy(() -> CardRules.checkHolder(holder, CardGround.DAMAGED, TODAY))
			.isInstanceOfSatisfying(ApiException.class,
					(refused) -> assertThat(refused.detailCode()).isEqualTo("identity-card.no-card-to-exchange"));
		assertThatCode(() -> CardRules.checkHolder(holder, CardGround.LOST, TODAY)).doesNotThrowAnyException();
	}

	@Test
	void theGroundsThatOweNoFeeAreTheFirstIssueTheAgesTheAuthoritysErrorAndTheRearrangedUnits() {
		assertThat(java.util.Arrays.stream(CardGround.values()).filter(CardGround::free))
			.containsExactlyInAnyOrder(CardGround.FIRST_ISSUE, CardGround.EXCHANGE_AGE, CardGround.AUTHORITY_ERROR,
					CardGround.ADMINISTRATIVE_UNITS_REARRANGED);
	}

}
