package vn.gov.bca.platform.document;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Dates written the way administrative documents write them: "Hà Nội, ngày 01 tháng 12 năm 2026".
 *
 * <p>Decree 30/2020/NĐ-CP on clerical work, Appendix I (format and presentation of administrative
 * documents), Part I, section II (place and date of issue): the date is written in full in Arabic
 * numerals, and a day below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02",
 * "ngày 05 tháng 7"), so that nobody can turn "1" into "11" or "21" by adding a digit. Months 3 to
 * 12 are written as they are. This reading was confirmed in secondary legal sources quoting the
 * appendix (luatvietnam.vn, lawfirm.vn: "đối với những số thể hiện ngày nhỏ hơn 10 và tháng 1, 2
 * phải ghi thêm số 0 phía trước"), not in the gazette text itself.
 */
public final class VietnameseDates {

	private VietnameseDates() {
	}

	/** "ngày 01 tháng 02 năm 2026", "ngày 23 tháng 8 năm 2026". */
	public static String inDocument(LocalDate date) {
		Objects.requireNonNull(date, "date");
		return "ngày " + day(date) + " tháng " + month(date) + " năm " + date.getYear();
	}

	/** "Hà Nội, ngày 01 tháng 12 năm 2026": the place and date line under the national motto. */
	public static String placeAndDate(String place, LocalDate date) {
		if (place == null || place.isBlank()) {
			return capitalised(inDocument(date));
		}
		return place.strip() + ", " + inDocument(date);
	}

	/** "01/12/2026": a date inside the body of a document (a birth date, an appointment). */
	public static String numeric(LocalDate date) {
		Objects.requireNonNull(date, "date");
		return "%02d/%02d/%d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

	private static String day(LocalDate date) {
		return "%02d".formatted(date.getDayOfMonth());
	}

	private static String month(LocalDate date) {
		int month = date.getMonthValue();
		return month <= 2 ? "%02d".formatted(month) : Integer.toString(month);
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}
}
