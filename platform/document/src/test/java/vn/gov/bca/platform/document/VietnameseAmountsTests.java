package vn.gov.bca.platform.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The reading rules are listed in {@link VietnameseAmounts}; each case below names the one it shows. */
class VietnameseAmountsTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0             | Không đồng
			5             | Năm đồng
			10            | Mười đồng
			11            | Mười một đồng
			15            | Mười lăm đồng
			20            | Hai mươi đồng
			21            | Hai mươi mốt đồng
			24            | Hai mươi bốn đồng
			25            | Hai mươi lăm đồng
			55            | Năm mươi lăm đồng
			100           | Một trăm đồng
			101           | Một trăm linh một đồng
			105           | Một trăm linh năm đồng
			111           | Một trăm mười một đồng
			115           | Một trăm mười lăm đồng
			1000          | Một nghìn đồng
			1005          | Một nghìn không trăm linh năm đồng
			1021          | Một nghìn không trăm hai mươi mốt đồng
			10500         | Mười nghìn năm trăm đồng
			15000         | Mười lăm nghìn đồng
			100000        | Một trăm nghìn đồng
			200000        | Hai trăm nghìn đồng
			1000000       | Một triệu đồng
			1000005       | Một triệu không trăm linh năm đồng
			2019000       | Hai triệu không trăm mười chín nghìn đồng
			1000000000    | Một tỷ đồng
			1250000000    | Một tỷ hai trăm năm mươi triệu đồng
			1002019000    | Một tỷ không trăm linh hai triệu không trăm mười chín nghìn đồng
			1000000000000 | Một nghìn tỷ đồng
			""")
	void writesAmountsInWords(long amount, String words) {
		assertThat(VietnameseAmounts.inWords(amount)).isEqualTo(words);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0          | 0 đồng
			5          | 5 đồng
			999        | 999 đồng
			1000       | 1.000 đồng
			200000     | 200.000 đồng
			2019000    | 2.019.000 đồng
			1250000000 | 1.250.000.000 đồng
			""")
	void writesAmountsInFiguresWithDotsBetweenThousands(long amount, String figures) {
		assertThat(VietnameseAmounts.inFigures(amount)).isEqualTo(figures);
	}

	@Test
	void readsTheLargestAmountWithoutFailing() {
		// 9.223.372.036.854.775.807: "tỷ" repeats above 10^9 (9 tỷ 223.372.036 tỷ 854.775.807).
		assertThat(VietnameseAmounts.numberInWords(Long.MAX_VALUE)).isEqualTo(
				"chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ"
						+ " tám trăm năm mươi bốn triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy");
	}

	@Test
	void refusesANegativeAmount() {
		assertThatThrownBy(() -> VietnameseAmounts.inWords(-1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> VietnameseAmounts.inFigures(-1)).isInstanceOf(IllegalArgumentException.class);
	}
}
