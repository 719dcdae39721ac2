package vn.gov.bca.identity.registry;

import java.util.List;

/** Builds the data to enter a citizen in tests: a valid person in Hà Nội unless told otherwise. */
public final class NewCitizens {

	private final String personalId;

	private final String fullName;

	private final String birthDate;

	private final Sex sex;

	private String legacyIdNumber;

	private Address permanentAddress = new Address("Số 5 Hàng Bài, Hoàn Kiếm, Hà Nội", "01", "Phường Hoàn Kiếm",
			"Số 5 Hàng Bài");

	private Household household;

	private Kin father;

	private Kin mother;

	private Kin spouse;

	private Contact contact;

	private NewCitizens(String personalId, String fullName, String birthDate, Sex sex) {
		this.personalId = personalId;
		this.fullName = fullName;
		this.birthDate = birthDate;
		this.sex = sex;
	}

	public static NewCitizens citizen(String personalId, String fullName, String birthDate, Sex sex) {
		return new NewCitizens(personalId, fullName, birthDate, sex);
	}

	public NewCitizens legacyIdNumber(String number) {
		this.legacyIdNumber = number;
		return this;
	}

	public NewCitizens livingIn(String provinceCode) {
		this.permanentAddress = new Address(null, provinceCode, null, null);
		return this;
	}

	public NewCitizens inHousehold(String householdId, String headPersonalId, Household.Relation relation) {
		this.household = new Household(householdId, headPersonalId, relation);
		return this;
	}

	public NewCitizens parents(Kin father, Kin mother) {
		this.father = father;
		this.mother = mother;
		return this;
	}

	public NewCitizens spouse(Kin spouse) {
		this.spouse = spouse;
		return this;
	}

	public NewCitizens contact(String phone, String email) {
		this.contact = new Contact(phone, email);
		return this;
	}

	public Citizen.NewCitizen build() {
		return new Citizen.NewCitizen(this.personalId, this.legacyIdNumber, this.fullName, List.of(),
				BirthDate.parse(this.birthDate), this.sex, "Hà Nội", "Nam Định", "Kinh", "Không", "VN",
				this.permanentAddress, null, this.household, this.father, this.mother, this.spouse, this.contact);
	}

}
