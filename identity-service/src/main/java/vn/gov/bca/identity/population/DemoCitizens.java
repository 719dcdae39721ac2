package vn.gov.bca.identity.population;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.identity.registry.Address;
import vn.gov.bca.identity.registry.BirthDate;
import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.Household;
import vn.gov.bca.identity.registry.Kin;
import vn.gov.bca.identity.registry.Sex;

/**
 * The registry records of the demo accounts of the realm ({@code masterdata/demo-citizens.json}), so
 * that signing in as {@code nguyenvanan} finds a citizen behind the token: his record, his household
 * with a wife and a son, the officers' own records.
 */
public final class DemoCitizens {

	static final String RESOURCE = "masterdata/demo-citizens.json";

	private final List<DemoCitizen> citizens;

	private DemoCitizens(List<DemoCitizen> citizens) {
		this.citizens = List.copyOf(citizens);
	}

	public static DemoCitizens load() {
		try (InputStream in = DemoCitizens.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Master data missing from the classpath: " + RESOURCE);
			}
			return new DemoCitizens(JsonMapper.builder().build().readValue(in, DemoFile.class).citizens());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public List<Citizen.NewCitizen> citizens() {
		return this.citizens.stream().map(DemoCitizen::toNewCitizen).toList();
	}

	public Set<String> personalIds() {
		return this.citizens.stream().map(DemoCitizen::personalId).collect(Collectors.toUnmodifiableSet());
	}

	/** The personal id of a realm user's record, for tests and documentation. */
	public String personalIdOf(String username) {
		return this.citizens.stream()
			.filter((citizen) -> username.equals(citizen.username()))
			.map(DemoCitizen::personalId)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No demo citizen " + username));
	}

	/** The realm usernames with a record here. */
	public Set<String> usernames() {
		return this.citizens.stream()
			.map(DemoCitizen::username)
			.filter((username) -> username != null)
			.collect(Collectors.toUnmodifiableSet());
	}

	record DemoFile(String about, List<DemoCitizen> citizens) {
	}

	/** One record as written in the file: the date of birth as text, the realm username if any. */
	record DemoCitizen(String username, String personalId, String legacyIdNumber, String fullName, String birthDate,
			Sex sex, String placeOfBirth, String hometown, String ethnicity, String religion, String nationality,
			Address permanentAddress, Address temporaryAddress, Household household, Kin father, Kin mother,
			Kin spouse) {

		Citizen.NewCitizen toNewCitizen() {
			return new Citizen.NewCitizen(this.personalId, this.legacyIdNumber, this.fullName, List.of(),
					BirthDate.parse(this.birthDate), this.sex, this.placeOfBirth, this.hometown, this.ethnicity,
					this.religion, this.nationality, this.permanentAddress, this.temporaryAddress, this.household,
					this.father, this.mother, this.spouse);
		}

	}

}
