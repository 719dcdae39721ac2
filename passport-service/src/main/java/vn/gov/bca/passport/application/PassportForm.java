package vn.gov.bca.passport.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.gov.bca.platform.dossier.registry.BirthDate;
import vn.gov.bca.platform.dossier.registry.Sex;

/**
 * Form TK01 / TK01a as filed, validated where the request is read: the person the passport is for
 * (the holder: the applicant, or their child) and what they ask for. Identity data is checked against
 * the population registry at submission; occupation and employer are declared, not checked.
 *
 * @param holderBirthDate as the registry holds it: a day, or only a month or a year
 * @param chip whether a chip passport is asked for (none under 14)
 * @param previousPassportNumber for a re-issue: the passport lost or damaged
 */
public record PassportForm(@NotBlank @Pattern(regexp = "[0-9]{12}") String holderPersonalId,
		@NotBlank @Size(max = 100) String holderFullName, @NotNull BirthDate holderBirthDate, @NotNull Sex sex,
		@Size(max = 100) String placeOfBirth, @Pattern(regexp = "(0|\\+84)[0-9]{9}") String phone,
		@Size(max = 100) String occupation, @Size(max = 200) String employer, boolean chip,
		@Pattern(regexp = "[A-Z][0-9]{7}") String previousPassportNumber, LostOrDamaged lostOrDamaged) {

	public PassportForm {
		holderFullName = (holderFullName != null) ? holderFullName.strip() : null;
	}

	public enum LostOrDamaged {

		LOST, DAMAGED

	}

}
