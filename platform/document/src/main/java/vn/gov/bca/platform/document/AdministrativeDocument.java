package vn.gov.bca.platform.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a generic administrative document shows: the header of Decree 30/2020/NĐ-CP (the issuing
 * unit on the left, the national motto on the right, the number, the place and date), a title,
 * label/value rows and, when the document can be verified, the QR code of its verification URL.
 *
 * @param issuer the issuing unit, under its superior body
 * @param number the document's number and symbol, printed after "Số: " (e.g. "000123/BL-XNC")
 * @param place  the place name of the date line ("Hà Nội"); blank for none
 * @param date   the date of issue
 * @param title  the document's name ("BIÊN LAI THU LỆ PHÍ"), printed as given
 * @param rows   the body, one label and value per line, in order
 * @param verificationUrl the URL the QR code holds; empty for a document without one
 */
public record AdministrativeDocument(
		IssuingUnit issuer,
		String number,
		String place,
		LocalDate date,
		String title,
		List<Row> rows,
		Optional<String> verificationUrl) {

	public AdministrativeDocument {
		Objects.requireNonNull(issuer, "issuer");
		requireText(number, "number");
		place = place == null ? "" : place.strip();
		Objects.requireNonNull(date, "date");
		requireText(title, "title");
		rows = List.copyOf(rows);
		Objects.requireNonNull(verificationUrl, "verificationUrl");
	}

	/** The issuing unit: its superior body (first line, "BỘ CÔNG AN") and itself (second line, bold). */
	public record IssuingUnit(String superiorBody, String unit) {
		public IssuingUnit {
			requireText(superiorBody, "superiorBody");
			requireText(unit, "unit");
		}
	}

	/** One line of the body: "Số tiền" / "200.000 đồng". */
	public record Row(String label, String value) {
		public Row {
			requireText(label, "label");
			Objects.requireNonNull(value, "value");
		}
	}

	/** The same document, its QR code holding {@code url}. */
	public AdministrativeDocument withVerificationUrl(String url) {
		requireText(url, "url");
		return new AdministrativeDocument(issuer, number, place, date, title, rows, Optional.of(url));
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required");
		}
	}
}
