package vn.gov.bca.residence.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.gov.bca.platform.dossier.registry.BirthDate;
import vn.gov.bca.platform.dossier.Address;
import vn.gov.bca.residence.register.Relation;

/**
 * Form CT01 (tờ khai thay đổi thông tin cư trú, Circular 66/2023), the one declaration every residence
 * procedure uses, as typed data: which parts a procedure needs is checked by {@link ResidenceRules}
 * and a part it does not use is refused (400 naming it), never silently ignored.
 *
 * @param address the place registered (permanent, temporary); for a renewal the current one
 * @param grounds the legal ground of the place (registrations)
 * @param ownerPersonalId the owner of the home when it is not the applicant's own
 * @param floorArea the home's floor area in m² (permanent registration in a rented or borrowed home)
 * @param occupants the people already living in that home, for the floor area per person
 * @param household the household joined, by its head; null for a new household (own home)
 * @param guardianPersonalId the parent or guardian of an applicant under 18
 * @param others the people registered with the applicant (members moving with them; a list at one address)
 * @param from the first day (temporary registration, absence)
 * @param until the last day (temporary registration, renewal, absence)
 * @param absenceCase the case of Art. 31 (absence)
 * @param destination where the absent person goes (absence)
 * @param deletionGround the case of Art. 24(1) or 29(1) (deletion)
 * @param reason the applicant's own words
 */
public record ResidenceForm(@Valid Address address, Grounds grounds,
		@Pattern(regexp = "[0-9]{12}") String ownerPersonalId,
		@DecimalMin("1.0") @DecimalMax("100000.0") BigDecimal floorArea, @Min(0) @Max(1000) Integer occupants,
		@Valid HouseholdToJoin household, @Pattern(regexp = "[0-9]{12}") String guardianPersonalId,
		@Size(max = 50) List<@Valid @NotNull Person> others, LocalDate from, LocalDate until, AbsenceCase absenceCase,
		@Size(max = 300) String destination, DeletionGround deletionGround, @Size(max = 500) String reason) {

	public ResidenceForm {
		others = (others != null) ? List.copyOf(others) : List.of();
		destination = (destination != null) ? destination.strip() : null;
	}

	/** The legal ground of the place (Law on Residence Art. 20 for permanent, Art. 27 for temporary). */
	public enum Grounds {

		/** The applicant's own lawful home (Art. 20(1)). */
		OWN_HOME,
		/** Joining a relative, with the household head's and the owner's consent (Art. 20(2)). */
		JOIN_RELATIVE,
		/** A rented, borrowed or lent home, with the owner's consent (Art. 20(3)). */
		RENT_OR_BORROW

	}

	/** The household joined: its head, and the applicant's relation to them. */
	public record HouseholdToJoin(@NotBlank @Pattern(regexp = "[0-9]{12}") String headPersonalId,
			@NotNull Relation relationToHead) {
	}

	/** A person registered with the applicant, confirmed in the registry by id, name and birth date. */
	public record Person(@NotBlank @Pattern(regexp = "[0-9]{12}") String personalId,
			@NotBlank @Size(max = 100) String fullName, @NotNull BirthDate birthDate, @NotNull Relation relationToHead) {
	}

	/** The cases of an absence declaration (Art. 31). */
	public enum AbsenceCase {

		/** Art. 31(1)(a)-(d): a person under a criminal or administrative measure leaving the commune, with the authority's consent. */
		UNDER_MEASURE,
		/** Art. 31(2): leaving the commune of permanent residence for 12 months or more without registering elsewhere. */
		AWAY_TWELVE_MONTHS

	}

	/** The cases of deletion a citizen asks for (Art. 24(1) for permanent, Art. 29(1) for temporary residence). */
	public enum DeletionGround {

		/** Art. 24(1)(b): settled abroad. */
		SETTLED_ABROAD,
		/** Art. 24(1)(e), 29(1)(e): the rent, loan or lodging ended. */
		TENANCY_ENDED,
		/** Art. 24(1)(g), 29(1)(g): the home's ownership passed to another. */
		OWNERSHIP_TRANSFERRED,
		/** Art. 29(1)(c): no longer living at the temporary address. */
		LEFT_TEMPORARY_ADDRESS

	}

}
