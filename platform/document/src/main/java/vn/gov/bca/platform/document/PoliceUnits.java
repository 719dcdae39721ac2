package vn.gov.bca.platform.document;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import vn.gov.bca.platform.document.AdministrativeDocument.IssuingUnit;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The header of a police unit's document from the unit's name as the master data writes it, after
 * Decree 30/2020/NĐ-CP, Appendix I, section II (the issuing body's name, under the name of the body
 * directly above it, in capitals; the place name is that of the province where the body sits):
 * <ul>
 * <li>"Phòng Quản lý xuất nhập cảnh Công an thành phố Hà Nội": superior "CÔNG AN THÀNH PHỐ HÀ NỘI",
 * unit "PHÒNG QUẢN LÝ XUẤT NHẬP CẢNH", place "Hà Nội";</li>
 * <li>"Công an phường Hoàn Kiếm, thành phố Hà Nội": superior "CÔNG AN THÀNH PHỐ HÀ NỘI", unit
 * "CÔNG AN PHƯỜNG HOÀN KIẾM", place "Hà Nội";</li>
 * <li>a unit of the ministry ("Cục Quản lý xuất nhập cảnh"): superior "BỘ CÔNG AN", place "Hà Nội",
 * where the ministry sits.</li>
 * </ul>
 */
public final class PoliceUnits {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final String PROVINCIAL_POLICE = " Công an ";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy")
		.withZone(VietnamTime.ZONE);

	private PoliceUnits() {
	}

	public static IssuingUnit header(String unitName) {
		String[] parts = split(unitName);
		if (parts == null) {
			return new IssuingUnit("BỘ CÔNG AN", unitName.strip().toUpperCase(VIETNAMESE));
		}
		return new IssuingUnit(("Công an " + parts[1]).toUpperCase(VIETNAMESE), parts[0].toUpperCase(VIETNAMESE));
	}

	/** "Hà Nội" from "… Công an thành phố Hà Nội" or "… Công an tỉnh Cao Bằng"; "Hà Nội" for the ministry's units. */
	public static String place(String unitName) {
		String[] parts = split(unitName);
		if (parts == null) {
			return "Hà Nội";
		}
		String province = parts[1];
		for (String kind : new String[] { "thành phố ", "Thành phố ", "tỉnh ", "Tỉnh " }) {
			if (province.startsWith(kind)) {
				String place = province.substring(kind.length());
				// Written in full, so that the city is not read as the man.
				return "Hồ Chí Minh".equals(place) ? "Thành phố Hồ Chí Minh" : place;
			}
		}
		return province;
	}

	/** The unit and its province ("thành phố Hà Nội"), or null for a unit of the ministry. */
	private static String[] split(String unitName) {
		String name = unitName.strip();
		int comma = name.indexOf(", ");
		if (name.startsWith("Công an ") && comma > 0) {
			return new String[] { name.substring(0, comma), name.substring(comma + 2) };
		}
		int at = name.lastIndexOf(PROVINCIAL_POLICE);
		if (at <= 0) {
			return null;
		}
		return new String[] { name.substring(0, at), name.substring(at + PROVINCIAL_POLICE.length()) };
	}

	/** "14 giờ 05 phút, ngày 01/12/2026": a moment in a document's body, in Vietnam's time. */
	public static String moment(Instant instant) {
		return TIME.format(instant);
	}

}
