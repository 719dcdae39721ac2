package vn.gov.bca.platform.dossier;

import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An address in the administrative units since 1 July 2025 (34 provinces, communes without
 * districts), as residence records, CT01 and the organisations register write it: the province's two-digit code, the commune
 * (xã, phường, đặc khu) and the house, street or hamlet.
 */
public record Address(@NotBlank @Pattern(regexp = "[0-9]{2}") String provinceCode,
		@NotBlank @Size(max = 100) String commune, @NotBlank @Size(max = 200) String detail) {

	public Address {
		commune = (commune != null) ? commune.strip() : null;
		detail = (detail != null) ? detail.strip() : null;
	}

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	/** In the same commune: the province and the commune's name (case and spacing aside). */
	public boolean sameCommuneAs(String otherProvince, String otherCommune) {
		return this.provinceCode.equals(otherProvince) && otherCommune != null
				&& normalized(this.commune).equals(normalized(otherCommune));
	}

	private static String normalized(String commune) {
		return commune.strip().replaceAll("\\s+", " ").toLowerCase(VIETNAMESE);
	}

}
