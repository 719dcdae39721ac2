package vn.gov.bca.identity.registry;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseTextTests {

	@Test
	void foldsDiacriticsCaseAndSpacesForSearch() {
		assertThat(VietnameseText.fold("Nguyễn Thị Hà")).isEqualTo("nguyen thi ha");
		assertThat(VietnameseText.fold("  NGUYỄN   THỊ  HÀ ")).isEqualTo("nguyen thi ha");
		assertThat(VietnameseText.fold("Đặng Văn Trường")).isEqualTo("dang van truong");
		assertThat(VietnameseText.fold("Phường Hoàn Kiếm, Hà Nội")).isEqualTo("phuong hoan kiem, ha noi");
	}

	@Test
	void foldsTheSameWhetherTheTextCameComposedOrDecomposed() {
		String decomposed = Normalizer.normalize("Nguyễn Thị Hà", Normalizer.Form.NFD);
		assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold("Nguyễn Thị Hà"));
	}

	@Test
	void storesNamesComposedWithSingleSpaces() {
		String decomposed = Normalizer.normalize("Trần  Thị Bích ", Normalizer.Form.NFD);
		String stored = VietnameseText.normalize(decomposed);
		assertThat(stored).isEqualTo("Trần Thị Bích");
		assertThat(Normalizer.isNormalized(stored, Normalizer.Form.NFC)).isTrue();
	}

}
