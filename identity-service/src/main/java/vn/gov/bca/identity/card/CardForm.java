package vn.gov.bca.identity.card;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the declaration (tờ khai căn cước) says, typed: whose card, on what ground, when the holder
 * comes to the counter to have the biometrics taken, and how the card reaches them. The holder's data
 * are not declared: the card prints what the population registry holds.
 *
 * @param holderPersonalId the person the card is for: the applicant, or a child under 14 whose parent files
 * @param ground why (its procedure must be the one filed)
 * @param captureDay the working day the holder comes to the counter (from age 6; none under 6)
 * @param delivery at the counter, or by post to {@code postalAddress}
 * @param postalAddress where the card is posted (delivery by post only)
 */
public record CardForm(@NotNull @Pattern(regexp = "[0-9]{12}") String holderPersonalId, @NotNull CardGround ground,
		LocalDate captureDay, @NotNull Delivery delivery, @Size(max = 300) String postalAddress) {

	public CardForm {
		postalAddress = (postalAddress == null || postalAddress.isBlank()) ? null : postalAddress.strip();
	}

	/** How the card reaches its holder (Decree 70/2024: at the counter or by public postal service). */
	public enum Delivery {

		COUNTER, POST

	}

}
