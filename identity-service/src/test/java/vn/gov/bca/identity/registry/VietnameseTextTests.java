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

	@Test
	void unicodeSpacesAndTabsAreSpacesLikeAnyOther() {
		// Issue 10: "Lê\u00a0Văn Tám" is found by "le van tam".
		assertThat(VietnameseText.fold("Lê\u00a0Văn Tám")).isEqualTo("le van tam");
		assertThat(VietnameseText.fold("Lê\u2007Văn\u202FTám")).isEqualTo("le van tam");
		assertThat(VietnameseText.fold("\u00a0Lê\tVăn \u00a0 Tám\u202f")).isEqualTo("le van tam");
		assertThat(VietnameseText.normalize("\u202fLê\u00a0Văn\t\tTám\u00a0")).isEqualTo("Lê Văn Tám");
	}

	@Test
	void identityChecksCompareNamesWithTheirDiacritics() {
		assertThat(VietnameseText.sameName("Lê Thị Hạ", "Lê Thị Hà")).isFalse();
		assertThat(VietnameseText.sameName("Le Thi Ha", "Lê Thị Hà")).isFalse();
		assertThat(VietnameseText.sameName("Lê Thị Hà", "Lê Thị Hà")).isTrue();
		assertThat(VietnameseText.sameName("LÊ  THỊ HÀ", "Lê Thị Hà")).isTrue();
		assertThat(VietnameseText.sameName("Đặng\u00a0Văn\tTrường", "Đặng Văn Trường")).isTrue();
		String decomposed = Normalizer.normalize("Lê Thị Hạ", Normalizer.Form.NFD);
		assertThat(VietnameseText.sameName(decomposed, "Lê Thị Hạ")).isTrue();
		assertThat(VietnameseText.sameName(decomposed, "Lê Thị Hà")).isFalse();
	}

}
