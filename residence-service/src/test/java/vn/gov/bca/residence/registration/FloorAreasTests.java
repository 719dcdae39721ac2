package vn.gov.bca.residence.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/**
 * The provinces' minimum floor area per person for a permanent registration in a rented or
 * borrowed home (Law on Residence 68/2020/QH14 Art. 20(3)(b), "không thấp hơn 08 m2 sàn/người"): a
 * file setting a minimum under the law's 8 m² is refused; a floor area per person equal to the
 * minimum is enough and one a hundredth under it is not; a province the file does not list has the
 * law's 8 m².
 */
class FloorAreasTests {

	private static FloorAreas file(String provinces) {
		String json = """
				{"about": "test", "provinces": [%s]}""".formatted(provinces);
		return new FloorAreas(new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8)));
	}

	private static String province(String code, String minimum) {
		return """
				{"province": "%s", "squareMetresPerPerson": %s, "source": "test"}""".formatted(code, minimum);
	}

	@Test
	void aFileSettingAMinimumUnderTheLawsEightSquareMetresIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> file(province("01", "7.99")))
			.withMessageContaining("01")
			.withMessageContaining("8 m²");
		// The law's floor itself is a valid minimum.
		assertThat(file(province("01", "8")).minimumIn("01")).isEqualByComparingTo("8");
	}

	@Test
	void aProvinceListedTwiceOrWithoutAMinimumIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> file(province("01", "15") + "," + province("01", "20")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> file("{\"province\": \"01\", \"source\": \"no minimum\"}"));
		assertThatIllegalArgumentException().isThrownBy(() -> file(province("1", "15")));
	}

	@Test
	void aFloorAreaPerPersonEqualToTheMinimumIsEnough() {
		FloorAreas areas = file(province("01", "15"));
		assertThat(areas.suffices("01", new BigDecimal("45"), 3)).isTrue();
		assertThat(areas.suffices("01", new BigDecimal("15"), 1)).isTrue();
	}

	@Test
	void fortyFourPointNineNineSquareMetresForThreePeopleUnderFifteenIsRefused() {
		FloorAreas areas = file(province("01", "15"));
		// 14.996... m² each, rounded down to the hundredth: 14.99, under 15.
		assertThat(FloorAreas.perPerson(new BigDecimal("44.99"), 3)).isEqualByComparingTo("14.99");
		assertThat(areas.suffices("01", new BigDecimal("44.99"), 3)).isFalse();
	}

	@Test
	void aProvinceTheFileDoesNotListHasTheLawsEightSquareMetres() {
		FloorAreas areas = file(province("01", "15"));
		assertThat(areas.minimumIn("79")).isEqualByComparingTo(FloorAreas.LAW_MINIMUM).isEqualByComparingTo("8");
		assertThat(areas.suffices("79", new BigDecimal("16"), 2)).isTrue();
		assertThat(areas.suffices("79", new BigDecimal("15.99"), 2)).isFalse();
		assertThat(file("").minimumIn("01")).isEqualByComparingTo("8");
	}

	@Test
	void theShippedFileGivesHaNoiFifteenSquareMetres() {
		FloorAreas shipped = new FloorAreas(new ClassPathResource("floor-areas.json"));
		assertThat(shipped.minimumIn("01")).isEqualByComparingTo("15");
		assertThat(shipped.minimumIn("79")).isEqualByComparingTo("8");
	}

}
