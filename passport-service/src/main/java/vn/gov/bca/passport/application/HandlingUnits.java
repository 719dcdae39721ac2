package vn.gov.bca.passport.application;

import java.util.Map;

import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

/**
 * The immigration offices (Phòng Quản lý xuất nhập cảnh, PA08) that receive passport dossiers, one
 * per province; the unit code starts each dossier code and is the officers' {@code agency} claim.
 */
final class HandlingUnits {

	private static final Map<String, String[]> UNITS = Map.ofEntries(
			Map.entry("01", new String[] { "PA08-HN", "Phòng Quản lý xuất nhập cảnh Công an thành phố Hà Nội" }),
			Map.entry("79", new String[] { "PA08-HCM", "Phòng Quản lý xuất nhập cảnh Công an Thành phố Hồ Chí Minh" }),
			Map.entry("31", new String[] { "PA08-HP", "Phòng Quản lý xuất nhập cảnh Công an thành phố Hải Phòng" }),
			Map.entry("48", new String[] { "PA08-DN", "Phòng Quản lý xuất nhập cảnh Công an thành phố Đà Nẵng" }),
			Map.entry("92", new String[] { "PA08-CT", "Phòng Quản lý xuất nhập cảnh Công an thành phố Cần Thơ" }));

	private HandlingUnits() {
	}

	/** The office of a province (2-digit code of the 34 provinces); other provinces' offices follow {@code PA08-P<code>}. */
	static Dossier.HandlingUnit of(String province) {
		if (province == null || !province.matches("[0-9]{2}")) {
			throw new ApiException(ProblemType.VALIDATION, "validation").withError("handlingProvince",
					"handling-province.invalid");
		}
		String[] unit = UNITS.get(province);
		return (unit != null) ? new Dossier.HandlingUnit(unit[0], unit[1], province)
				: new Dossier.HandlingUnit("PA08-P" + province,
						"Phòng Quản lý xuất nhập cảnh Công an tỉnh (mã " + province + ")", province);
	}

}
