package vn.gov.bca.identity.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

/**
 * A citizen's record in the national population registry, keyed by the personal identification
 * number. The record guards its own rules: the number must fit the date of birth, the sex and a
 * birth-registration province; names are kept in NFC with a folded copy for search.
 */
public class Citizen {

	@Id
	private final String personalId;

	private final String legacyIdNumber;

	private final String fullName;

	private final String fullNameFolded;

	private final List<String> otherNames;

	private final BirthDate birthDate;

	private final Sex sex;

	private final String birthRegistrationProvince;

	private final String placeOfBirth;

	private final String hometown;

	private final String ethnicity;

	private final String religion;

	private final String nationality;

	private final Address permanentAddress;

	private final Address temporaryAddress;

	private final LifeStatus lifeStatus;

	private final long version;

	/** Whether the person is alive, as the civil status records say. */
	public enum LifeStatus {

		ALIVE, DECEASED

	}

	@PersistenceCreator
	Citizen(String personalId, String legacyIdNumber, String fullName, String fullNameFolded, List<String> otherNames,
			BirthDate birthDate, Sex sex, String birthRegistrationProvince, String placeOfBirth, String hometown,
			String ethnicity, String religion, String nationality, Address permanentAddress, Address temporaryAddress,
			LifeStatus lifeStatus, long version) {
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
		this.lifeStatus = (lifeStatus != null) ? lifeStatus : LifeStatus.ALIVE;
		this.version = version;
	}

	/**
	 * Enters a person in the registry, or refuses with 422 listing every rule the data breaks.
	 *
	 * @throws ApiException when the personal id does not fit the person
	 */
	public static Registration register(NewCitizen data, ProvinceCodes birthProvinces, ProvinceCodes provinces) {
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
				data.nationality(), data.permanentAddress(), data.temporaryAddress(), LifeStatus.ALIVE, 0);
		return new Registration(citizen, new CitizenEvent.CitizenRegistered(UUID.randomUUID(), Instant.now(),
				number.value(), number.birthProvinceCode()));
	}

	private static void checkProvince(ApiException refusal, String field, Address address, ProvinceCodes provinces) {
		if (address != null && address.provinceCode() != null && !provinces.contains(address.provinceCode())) {
			refusal.withError(field, "address.unknown-province", address.provinceCode());
		}
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

	public LifeStatus lifeStatus() {
		return this.lifeStatus;
	}

	public long version() {
		return this.version;
	}

	/** A citizen entered in the registry, and the event that says so. */
	public record Registration(Citizen citizen, CitizenEvent.CitizenRegistered event) {
	}

	/** What is needed to enter a person: already checked for form (see the request in the API). */
	public record NewCitizen(String personalId, String legacyIdNumber, String fullName, List<String> otherNames,
			BirthDate birthDate, Sex sex, String placeOfBirth, String hometown, String ethnicity, String religion,
			String nationality, Address permanentAddress, Address temporaryAddress) {

		public NewCitizen {
			otherNames = (otherNames != null) ? List.copyOf(otherNames) : List.of();
		}

	}

}
