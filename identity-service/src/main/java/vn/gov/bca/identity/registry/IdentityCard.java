package vn.gov.bca.identity.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * An identity card (thẻ căn cước) issued to a citizen. Its number is the personal id. It expires on
 * the birthday at which the law requires the next exchange (Law on Identification 2023, Art. 21: at
 * 14, 25, 40 and 60 years of age); a card issued within the two years before such an age stays valid
 * until the following one, and a card issued at 58 or later never expires ({@code expiresOn} null).
 * For a citizen whose birth is recorded as a year or a month only, ages count from the first day of
 * that year or month.
 *
 * <p>{@code expiresOn} is the date printed on the card as "Có giá trị đến" (valid until): the card
 * is still valid on that day, and no longer the day after.
 *
 * <p>{@code reportedLostOn}: the day its holder reported it lost (through VNeID), from which it is
 * no longer valid, at once; null while it was not. {@code replacedOn}: the day the next card was
 * issued (an exchange, a re-issue), from which this one is no longer valid; null while it is the
 * last. {@code dossierCode}: the identity-card dossier that produced it; null for a card recorded
 * directly (before the procedure ran here).
 */
public record IdentityCard(String number, LocalDate issuedOn, LocalDate expiresOn, String issuingAuthority,
		LocalDate reportedLostOn, LocalDate replacedOn, String dossierCode) {

	/** The card-issuing authority printed on the card (Law on Identification 26/2023, Art. 18(3)'s identity management agency of the Ministry of Public Security). */
	public static final String ISSUING_AUTHORITY = "Cục Cảnh sát quản lý hành chính về trật tự xã hội";

	static final List<Integer> EXCHANGE_AGES = List.of(14, 25, 40, 60);

	/** The card issued on that day to the person born then: its expiry follows from the ages above. */
	public static IdentityCard issue(String personalId, BirthDate birthDate, LocalDate issuedOn,
			String issuingAuthority) {
		return issue(personalId, birthDate, issuedOn, issuingAuthority, null);
	}

	/** The same, produced by that identity-card dossier. */
	public static IdentityCard issue(String personalId, BirthDate birthDate, LocalDate issuedOn,
			String issuingAuthority, String dossierCode) {
		return new IdentityCard(personalId, issuedOn, expiry(birthDate.earliestDay(), issuedOn), issuingAuthority,
				null, null, dossierCode);
	}

	/** The card's last valid day had it been issued on {@code issuedOn} to the person born then. */
	public static LocalDate expiryFor(BirthDate birthDate, LocalDate issuedOn) {
		return expiry(birthDate.earliestDay(), issuedOn);
	}

	static LocalDate expiry(LocalDate born, LocalDate issuedOn) {
		for (int age : EXCHANGE_AGES) {
			LocalDate exchangeDay = born.plusYears(age);
			if (issuedOn.isBefore(exchangeDay.minusYears(2))) {
				return exchangeDay;
			}
		}
		return null;
	}

	/**
	 * Whether the card can be used on that day (a day in Vietnam): from its issue to its last valid
	 * day, both included, before the day it was reported lost and before the day the next card was issued.
	 */
	public boolean isValidOn(LocalDate day) {
		return !day.isBefore(this.issuedOn) && (this.expiresOn == null || !day.isAfter(this.expiresOn))
				&& (this.reportedLostOn == null || day.isBefore(this.reportedLostOn))
				&& (this.replacedOn == null || day.isBefore(this.replacedOn));
	}

	/** The same card, reported lost on that day. */
	IdentityCard reportedLost(LocalDate day) {
		return new IdentityCard(this.number, this.issuedOn, this.expiresOn, this.issuingAuthority, day,
				this.replacedOn, this.dossierCode);
	}

	/** The same card, replaced by the one issued on that day (kept if it was replaced already). */
	IdentityCard replacedBy(LocalDate day) {
		return (this.replacedOn != null) ? this : new IdentityCard(this.number, this.issuedOn, this.expiresOn,
				this.issuingAuthority, this.reportedLostOn, day, this.dossierCode);
	}

}
