package vn.gov.bca.identity.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Objects;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * A citizen's record in the national population registry, keyed by the personal identification
 * number. The record guards its own rules: the number must fit the date of birth, the sex and a
 * birth-registration province; names are kept in NFC with a folded copy for search.
 */
public class Citizen {

	@Id
	private final String personalId;

	private final String legacyIdNumber;

	private String fullName;

	private String fullNameFolded;

	private List<String> otherNames;

	private final BirthDate birthDate;

	private final Sex sex;

	private final String birthRegistrationProvince;

	private String placeOfBirth;

	private String hometown;

	private String ethnicity;

	private String religion;

	private final String nationality;

	private Address permanentAddress;

	private Address temporaryAddress;

	private Contact contact;

	private Household household;

	private Kin father;

	private Kin mother;

	private Kin spouse;

	private List<IdentityCard> identityCards;

	private LifeStatus lifeStatus;

	private LocalDate dateOfDeath;

	/** The last valid day of the card whose exchange the citizen was reminded of; null before any reminder. */
	private LocalDate exchangeRemindedFor;

	private final long version;

	/** Whether the person is alive, as the civil status records say. */
	public enum LifeStatus {

		ALIVE, DECEASED

	}

	@PersistenceCreator
	Citizen(String personalId, String legacyIdNumber, String fullName, String fullNameFolded, List<String> otherNames,
			BirthDate birthDate, Sex sex, String birthRegistrationProvince, String placeOfBirth, String hometown,
			String ethnicity, String religion, String nationality, Address permanentAddress, Address temporaryAddress,
			Contact contact, Household household, Kin father, Kin mother, Kin spouse, List<IdentityCard> identityCards,
			LifeStatus lifeStatus, LocalDate dateOfDeath, LocalDate exchangeRemindedFor, long version) {
		this.personalId = personalId;
		this.legacyIdNumber = legacyIdNumber;
		this.fullName = fullName;
		this.fullNameFolded = fullNameFolded;
		this.otherNames = (otherNames != null) ? List.copyOf(otherNames) : List.of();
		this.birthDate = birthDate;
		this.sex = sex;
		this.birthRegistrationProvince = birthRegistrationProvince;
		this.placeOfBirth = placeOfBirth;
		this.hometown = hometown;
		this.ethnicity = ethnicity;
		this.religion = religion;
		this.nationality = nationality;
		this.permanentAddress = permanentAddress;
		this.temporaryAddress = temporaryAddress;
		this.contact = (contact != null && !contact.isEmpty()) ? contact : null;
		this.household = household;
		this.father = father;
		this.mother = mother;
		this.spouse = spouse;
		this.identityCards = (identityCards != null) ? List.copyOf(identityCards) : List.of();
		this.lifeStatus = (lifeStatus != null) ? lifeStatus : LifeStatus.ALIVE;
		this.dateOfDeath = dateOfDeath;
		this.exchangeRemindedFor = exchangeRemindedFor;
		this.version = version;
	}

	/**
	 * Enters a person in the registry, or refuses with 422 listing every rule the data breaks.
	 *
	 * @throws ApiException when the personal id does not fit the person
	 */
	public static Registration register(NewCitizen data, ProvinceCodes birthProvinces, ProvinceCodes provinces,
			Clock clock) {
		PersonalIdNumber number = new PersonalIdNumber(data.personalId());
		ApiException refusal = new ApiException(ProblemType.UNPROCESSABLE, "citizen.rules-broken");
		for (PersonalIdNumber.Violation violation : number.violations(data.birthDate(), data.sex(), birthProvinces)) {
			refusal.withError("personalId", violation.messageCode());
		}
		checkProvince(refusal, "permanentAddress.provinceCode", data.permanentAddress(), provinces);
		checkProvince(refusal, "temporaryAddress.provinceCode", data.temporaryAddress(), provinces);
		if (!refusal.errors().isEmpty()) {
			throw refusal;
		}
		String name = VietnameseText.normalize(data.fullName());
		Citizen citizen = new Citizen(number.value(), data.legacyIdNumber(), name, VietnameseText.fold(name),
				data.otherNames().stream().map(VietnameseText::normalize).toList(), data.birthDate(), data.sex(),
				number.birthProvinceCode(), data.placeOfBirth(), data.hometown(), data.ethnicity(), data.religion(),
				data.nationality(), data.permanentAddress(), data.temporaryAddress(), data.contact(), data.household(),
				data.father(), data.mother(), data.spouse(), List.of(), LifeStatus.ALIVE, null, null, 0);
		return new Registration(citizen, new CitizenEvent.CitizenRegistered(UUID.randomUUID(), clock.instant(),
				number.value(), number.birthProvinceCode()));
	}

	private static void checkProvince(ApiException refusal, String field, Address address, ProvinceCodes provinces) {
		if (address != null && address.provinceCode() != null && !provinces.contains(address.provinceCode())) {
			refusal.withError(field, "address.unknown-province", address.provinceCode());
		}
	}

	/**
	 * Corrects the record's changeable parts (names, places, addresses, household, kin). Only the
	 * fields the correction sets are considered; the event names those that really changed, never
	 * their values. Nothing changes (and no event) when every value given is already the record's.
	 *
	 * @throws ApiException 409 for a deceased citizen, 422 for an unknown province
	 */
	public List<CitizenEvent.CitizenChanged> correct(Correction correction, ProvinceCodes provinces, Clock clock) {
		requireAlive();
		ApiException refusal = new ApiException(ProblemType.UNPROCESSABLE, "citizen.rules-broken");
		checkProvince(refusal, "permanentAddress.provinceCode", correction.permanentAddress(), provinces);
		checkProvince(refusal, "temporaryAddress.provinceCode", correction.temporaryAddress(), provinces);
		if (!refusal.errors().isEmpty()) {
			throw refusal;
		}
		List<String> changed = new ArrayList<>();
		this.fullName = pick(changed, "fullName", this.fullName,
				(correction.fullName() != null) ? VietnameseText.normalize(correction.fullName()) : null);
		this.fullNameFolded = VietnameseText.fold(this.fullName);
		this.otherNames = pick(changed, "otherNames", this.otherNames, (correction.otherNames() != null)
				? correction.otherNames().stream().map(VietnameseText::normalize).toList() : null);
		this.placeOfBirth = pick(changed, "placeOfBirth", this.placeOfBirth, correction.placeOfBirth());
		this.hometown = pick(changed, "hometown", this.hometown, correction.hometown());
		this.ethnicity = pick(changed, "ethnicity", this.ethnicity, correction.ethnicity());
		this.religion = pick(changed, "religion", this.religion, correction.religion());
		this.permanentAddress = pick(changed, "permanentAddress", this.permanentAddress, correction.permanentAddress());
		this.temporaryAddress = pick(changed, "temporaryAddress", this.temporaryAddress, correction.temporaryAddress());
		Contact contact = pick(changed, "contact", this.contact, correction.contact());
		this.contact = (contact != null && !contact.isEmpty()) ? contact : null;
		this.household = pick(changed, "household", this.household, correction.household());
		this.father = pick(changed, "father", this.father, correction.father());
		this.mother = pick(changed, "mother", this.mother, correction.mother());
		this.spouse = pick(changed, "spouse", this.spouse, correction.spouse());
		return changed(changed, clock);
	}

	/**
	 * Follows the residence register (residence-service: Project 06 has no paper book, the register is
	 * the result): the permanent address and household, or the temporary address, as the register now
	 * holds them, for the kinds the update carries; null clears (a registration deleted). The event
	 * names the fields that changed; the same update again changes nothing.
	 */
	public List<CitizenEvent.CitizenChanged> followResidence(ResidenceUpdate update, Clock clock) {
		List<String> changed = new ArrayList<>();
		if (update.permanentKnown()) {
			if (!Objects.equals(this.permanentAddress, update.permanentAddress())) {
				changed.add("permanentAddress");
				this.permanentAddress = update.permanentAddress();
			}
			if (!Objects.equals(this.household, update.household())) {
				changed.add("household");
				this.household = update.household();
			}
		}
		if (update.temporaryKnown() && !Objects.equals(this.temporaryAddress, update.temporaryAddress())) {
			changed.add("temporaryAddress");
			this.temporaryAddress = update.temporaryAddress();
		}
		return changed(changed, clock);
	}

	/**
	 * What the residence register says of one person: the permanent residence with its household when
	 * {@code permanentKnown}, the temporary one when {@code temporaryKnown} (null: none any more).
	 */
	public record ResidenceUpdate(boolean permanentKnown, Address permanentAddress, Household household,
			boolean temporaryKnown, Address temporaryAddress) {
	}

	/**
	 * Records the citizen's death (from the death registration).
	 *
	 * @throws ApiException 409 when already recorded, 422 for a date before birth or in the future
	 */
	public List<CitizenEvent.CitizenChanged> recordDeath(LocalDate date, Clock clock) {
		requireAlive();
		LocalDate today = VietnamTime.today(clock);
		if (date.isAfter(today) || date.isBefore(this.birthDate.earliestDay())) {
			throw new ApiException(ProblemType.UNPROCESSABLE, "citizen.rules-broken").withError("dateOfDeath",
					"date-of-death.impossible");
		}
		this.lifeStatus = LifeStatus.DECEASED;
		this.dateOfDeath = date;
		return changed(List.of("lifeStatus", "dateOfDeath"), clock);
	}

	/**
	 * Issues an identity card (first issue, exchange or re-issue): the previous ones stay in the
	 * history, replaced from that day; the new one is the current card.
	 *
	 * @throws ApiException 409 for a deceased citizen, 422 for an issue date in the future or before birth
	 */
	public List<CitizenEvent> issueIdentityCard(LocalDate issuedOn, String issuingAuthority, Clock clock) {
		return issueIdentityCard(issuedOn, issuingAuthority, null, clock);
	}

	/**
	 * The same, for the card an identity-card dossier produced: once per dossier (a repeated call,
	 * as a retried follow-up makes, changes nothing and announces nothing).
	 */
	public List<CitizenEvent> issueIdentityCard(LocalDate issuedOn, String issuingAuthority, String dossierCode,
			Clock clock) {
		if (dossierCode != null
				&& this.identityCards.stream().anyMatch((card) -> dossierCode.equals(card.dossierCode()))) {
			return List.of();
		}
		requireAlive();
		LocalDate today = VietnamTime.today(clock);
		if (issuedOn.isAfter(today) || issuedOn.isBefore(this.birthDate.earliestDay())) {
			throw new ApiException(ProblemType.UNPROCESSABLE, "citizen.rules-broken").withError("issuedOn",
					"identity-card.issue-date-impossible");
		}
		List<IdentityCard> cards = new ArrayList<>();
		for (IdentityCard card : this.identityCards) {
			cards.add(card.replacedBy(issuedOn));
		}
		IdentityCard issued = IdentityCard.issue(this.personalId, this.birthDate, issuedOn, issuingAuthority,
				dossierCode);
		boolean replaces = !this.identityCards.isEmpty();
		cards.add(issued);
		this.identityCards = List.copyOf(cards);
		List<CitizenEvent> events = new ArrayList<>(changed(List.of("identityCards"), clock));
		events.add(new CitizenEvent.IdentityCardIssued(UUID.randomUUID(), clock.instant(), this.personalId,
				issued.issuedOn(), issued.expiresOn(), replaces, dossierCode));
		return List.copyOf(events);
	}

	/**
	 * The citizen reports their current card lost: it is no longer valid from today, at once (Law on
	 * Identification 26/2023: a lost card is re-issued; until then the registry answers that it is
	 * not valid).
	 *
	 * @throws ApiException 409 when the citizen has no valid card to report
	 */
	public List<CitizenEvent.CitizenChanged> reportCardLost(Clock clock) {
		requireAlive();
		LocalDate today = VietnamTime.today(clock);
		IdentityCard current = currentIdentityCard();
		if (current == null || !current.isValidOn(today)) {
			throw ApiException.conflict("identity-card.none-valid");
		}
		List<IdentityCard> cards = new ArrayList<>(this.identityCards);
		cards.set(cards.size() - 1, current.reportedLost(today));
		this.identityCards = List.copyOf(cards);
		return changed(List.of("identityCards"), clock);
	}

	/** Whether the citizen's last card is valid that day (not expired, lost or replaced). */
	public boolean holdsValidCard(LocalDate day) {
		IdentityCard current = currentIdentityCard();
		return current != null && current.isValidOn(day) && this.lifeStatus != LifeStatus.DECEASED;
	}

	/**
	 * Whether a card presented (read: the personal id and the issue date printed on it) is the
	 * citizen's card in use that day: the card issued last, issued that day, not expired, not
	 * reported lost. An earlier card, replaced by an exchange or a re-issue, is not.
	 */
	public boolean presentsValidCard(LocalDate issuedOn, LocalDate day) {
		IdentityCard current = currentIdentityCard();
		return current != null && current.issuedOn().equals(issuedOn) && current.isValidOn(day)
				&& this.lifeStatus != LifeStatus.DECEASED;
	}

	/**
	 * Whether the citizen is to be reminded today of the exchange their card needs: a living citizen
	 * whose current card, not reported lost, has its last valid day (the birthday of the next exchange
	 * age, Law on Identification 26/2023 Art. 21(1)) within {@code daysBefore} days from today, both
	 * days included, and who was not reminded for that card yet.
	 */
	public boolean exchangeReminderDue(LocalDate today, int daysBefore) {
		IdentityCard current = currentIdentityCard();
		if (this.lifeStatus == LifeStatus.DECEASED || current == null || current.expiresOn() == null
				|| current.reportedLostOn() != null) {
			return false;
		}
		LocalDate last = current.expiresOn();
		return !today.isAfter(last) && !today.isBefore(last.minusDays(daysBefore)) && !last.equals(this.exchangeRemindedFor);
	}

	/** The reminder, once per card: the event other services and the notification channel act on. */
	public List<CitizenEvent> remindCardExchange(LocalDate today, int daysBefore, Clock clock) {
		if (!exchangeReminderDue(today, daysBefore)) {
			return List.of();
		}
		LocalDate last = currentIdentityCard().expiresOn();
		this.exchangeRemindedFor = last;
		int age = java.time.Period.between(this.birthDate.earliestDay(), last).getYears();
		return List.of(new CitizenEvent.IdentityCardExchangeDue(UUID.randomUUID(), clock.instant(), this.personalId,
				last, age));
	}

	private void requireAlive() {
		if (this.lifeStatus == LifeStatus.DECEASED) {
			throw ApiException.conflict("citizen.deceased");
		}
	}

	/** The event naming the fields a transition changed; none when nothing changed. */
	private List<CitizenEvent.CitizenChanged> changed(List<String> fields, Clock clock) {
		return fields.isEmpty() ? List.of()
				: List.of(new CitizenEvent.CitizenChanged(UUID.randomUUID(), clock.instant(), this.personalId,
						List.copyOf(fields)));
	}

	private static <V> V pick(List<String> changed, String field, V current, V given) {
		if (given == null || Objects.equals(given, current)) {
			return current;
		}
		changed.add(field);
		return given;
	}

	public String personalId() {
		return this.personalId;
	}

	public String legacyIdNumber() {
		return this.legacyIdNumber;
	}

	public String fullName() {
		return this.fullName;
	}

	public String fullNameFolded() {
		return this.fullNameFolded;
	}

	public List<String> otherNames() {
		return this.otherNames;
	}

	public BirthDate birthDate() {
		return this.birthDate;
	}

	public Sex sex() {
		return this.sex;
	}

	public String birthRegistrationProvince() {
		return this.birthRegistrationProvince;
	}

	public String placeOfBirth() {
		return this.placeOfBirth;
	}

	public String hometown() {
		return this.hometown;
	}

	public String ethnicity() {
		return this.ethnicity;
	}

	public String religion() {
		return this.religion;
	}

	public String nationality() {
		return this.nationality;
	}

	public Address permanentAddress() {
		return this.permanentAddress;
	}

	public Address temporaryAddress() {
		return this.temporaryAddress;
	}

	/** The phone and e-mail on record, or null when the registry holds neither. */
	public Contact contact() {
		return this.contact;
	}

	/**
	 * The province responsible for the record, whose officers may read and change it: the province
	 * of the current permanent address, else of the temporary one (Law on Residence 2020: the
	 * residence registration authority keeps the citizen's data); null when the record has neither,
	 * then only administrators may act on it.
	 */
	public String responsibleProvince() {
		if (this.permanentAddress != null && this.permanentAddress.provinceCode() != null) {
			return this.permanentAddress.provinceCode();
		}
		return (this.temporaryAddress != null) ? this.temporaryAddress.provinceCode() : null;
	}

	public Household household() {
		return this.household;
	}

	public Kin father() {
		return this.father;
	}

	public Kin mother() {
		return this.mother;
	}

	public Kin spouse() {
		return this.spouse;
	}

	public List<IdentityCard> identityCards() {
		return this.identityCards;
	}

	/** The card issued last, if any. */
	public IdentityCard currentIdentityCard() {
		return this.identityCards.isEmpty() ? null : this.identityCards.get(this.identityCards.size() - 1);
	}

	public LocalDate dateOfDeath() {
		return this.dateOfDeath;
	}

	public LifeStatus lifeStatus() {
		return this.lifeStatus;
	}

	public long version() {
		return this.version;
	}

	/** A citizen entered in the registry, and the event that says so. */
	public record Registration(Citizen citizen, CitizenEvent.CitizenRegistered event) {
	}

	/** The parts of a record an officer may correct; null means "leave as it is". */
	public record Correction(String fullName, List<String> otherNames, String placeOfBirth, String hometown,
			String ethnicity, String religion, Address permanentAddress, Address temporaryAddress,
			Household household, Kin father, Kin mother, Kin spouse, Contact contact) {

		public Correction(String fullName, List<String> otherNames, String placeOfBirth, String hometown,
				String ethnicity, String religion, Address permanentAddress, Address temporaryAddress,
				Household household, Kin father, Kin mother, Kin spouse) {
			this(fullName, otherNames, placeOfBirth, hometown, ethnicity, religion, permanentAddress, temporaryAddress,
					household, father, mother, spouse, null);
		}

	}

	/** What is needed to enter a person: already checked for form (see the request in the API). */
	public record NewCitizen(String personalId, String legacyIdNumber, String fullName, List<String> otherNames,
			BirthDate birthDate, Sex sex, String placeOfBirth, String hometown, String ethnicity, String religion,
			String nationality, Address permanentAddress, Address temporaryAddress, Household household, Kin father,
			Kin mother, Kin spouse, Contact contact) {

		public NewCitizen {
			otherNames = (otherNames != null) ? List.copyOf(otherNames) : List.of();
		}

		/** A person entered without a phone or e-mail on record (imports, the synthetic population). */
		public NewCitizen(String personalId, String legacyIdNumber, String fullName, List<String> otherNames,
				BirthDate birthDate, Sex sex, String placeOfBirth, String hometown, String ethnicity, String religion,
				String nationality, Address permanentAddress, Address temporaryAddress, Household household,
				Kin father, Kin mother, Kin spouse) {
			this(personalId, legacyIdNumber, fullName, otherNames, birthDate, sex, placeOfBirth, hometown, ethnicity,
					religion, nationality, permanentAddress, temporaryAddress, household, father, mother, spouse, null);
		}

	}

}
