package vn.gov.bca.payment.decision;

import java.util.Locale;
import java.util.regex.Pattern;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

/**
 * A registration plate as the violation systems and the public lookup know it: written without
 * separators, upper case ({@code 30A-123.45}, {@code 30a12345}, {@code 30A 123 45}, {@code 30A\u00a0123.45}
 * → {@code 30A12345}).
 * Form: two digits (the registering locality), a series of one or two letters possibly followed by
 * one letter or digit ({@code A}, {@code LD}, {@code X1}, {@code MĐ1}), then four or five digits.
 */
public record VehiclePlate(String value) {

	private static final Pattern FORM = Pattern.compile("[0-9]{2}[A-ZĐ]{1,2}[A-ZĐ0-9]?[0-9]{4,5}");

	/**
	 * Spaces of any kind count as separators: ASCII space and tab, and the Unicode spaces that copying
	 * from a document or a phone keyboard brings (no-break U+00A0, figure U+2007, narrow no-break
	 * U+202F, and the rest of category Z).
	 */
	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}.\\-]");

	public VehiclePlate {
		if (value == null || !FORM.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a normalised plate: " + value);
		}
	}

	/**
	 * The plate written any usual way, normalised.
	 *
	 * @throws ApiException 400 with a field error on {@code field} when it is not a plate
	 */
	public static VehiclePlate parse(String text, String field) {
		String normalised = (text != null) ? SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT)
				: "";
		if (normalised.length() > 12 || !FORM.matcher(normalised).matches()) {
			throw new ApiException(ProblemType.VALIDATION, "validation").withError(field, "plate.malformed");
		}
		return new VehiclePlate(normalised);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
