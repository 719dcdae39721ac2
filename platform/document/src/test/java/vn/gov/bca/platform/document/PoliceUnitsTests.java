package vn.gov.bca.platform.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.document.AdministrativeDocument.IssuingUnit;

/** Decree 30/2020/NĐ-CP, Appendix I, II.3: the issuing body under the body directly above it, in capitals. */
class PoliceUnitsTests {

	@Test
	void aProvincialDepartmentIsUnderItsProvincesPolice() {
		assertThat(PoliceUnits.header("Phòng Quản lý xuất nhập cảnh Công an thành phố Hà Nội"))
			.isEqualTo(new IssuingUnit("CÔNG AN THÀNH PHỐ HÀ NỘI", "PHÒNG QUẢN LÝ XUẤT NHẬP CẢNH"));
		assertThat(PoliceUnits.place("Phòng Quản lý xuất nhập cảnh Công an tỉnh Cao Bằng")).isEqualTo("Cao Bằng");
	}

	@Test
	void aCommunesPoliceIsUnderItsProvincesPolice() {
		assertThat(PoliceUnits.header("Công an phường Hoàn Kiếm, thành phố Hà Nội"))
			.isEqualTo(new IssuingUnit("CÔNG AN THÀNH PHỐ HÀ NỘI", "CÔNG AN PHƯỜNG HOÀN KIẾM"));
		assertThat(PoliceUnits.place("Công an phường Sài Gòn, Thành phố Hồ Chí Minh")).isEqualTo("Thành phố Hồ Chí Minh");
	}

	@Test
	void aDepartmentOfTheMinistryIsUnderTheMinistryInHanoi() {
		assertThat(PoliceUnits.header("Cục Quản lý xuất nhập cảnh"))
			.isEqualTo(new IssuingUnit("BỘ CÔNG AN", "CỤC QUẢN LÝ XUẤT NHẬP CẢNH"));
		assertThat(PoliceUnits.place("Cục Quản lý xuất nhập cảnh")).isEqualTo("Hà Nội");
	}

}
