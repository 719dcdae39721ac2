package vn.gov.bca.residence.registration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provinces' minimum floor area per person for a permanent registration in a rented or
 * borrowed home (Law on Residence 68/2020/QH14 Art. 20(3)(b): "bảo đảm điều kiện về diện tích nhà ở
 * tối thiểu do Hội đồng nhân dân cấp tỉnh quy định nhưng không thấp hơn 08 m2 sàn/người"), as master
 * data ({@code vneid.residence.floor-areas}, {@code floor-areas.json} by default). A file setting a
 * minimum under the law's 8 m² is refused at start; a province it does not list has the law's 8 m².
 */
@Component
public class FloorAreas {

	/** The law's floor: never under 8 m² of floor per person. */
	public static final BigDecimal LAW_MINIMUM = BigDecimal.valueOf(8);

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Map<String, BigDecimal> minimums;

	record Province(String province, BigDecimal squareMetresPerPerson, String source) {
	}

	record File(String about, List<Province> provinces) {
	}

	@Autowired
	FloorAreas(@Value("${vneid.residence.floor-areas:classpath:floor-areas.json}") Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			this.minimums = load(JSON.readValue(in, File.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the floor areas file " + resource, ex);
		}
	}

	FloorAreas(Map<String, BigDecimal> minimums) {
		this.minimums = Map.copyOf(minimums);
	}

	static Map<String, BigDecimal> load(File file) {
		Map<String, BigDecimal> minimums = new HashMap<>();
		for (Province province : (file.provinces() != null) ? file.provinces() : List.<Province>of()) {
			if (province.province() == null || !province.province().matches("[0-9]{2}")
					|| province.squareMetresPerPerson() == null
					|| province.squareMetresPerPerson().compareTo(LAW_MINIMUM) < 0
					|| minimums.put(province.province(), province.squareMetresPerPerson()) != null) {
				throw new IllegalArgumentException("Invalid floor areas file: province " + province.province()
						+ " must be listed once with a minimum of at least 8 m² per person (Art. 20(3)(b))");
			}
		}
		return Map.copyOf(minimums);
	}

	/** The province's minimum, m² of floor per person. */
	public BigDecimal minimumIn(String province) {
		return this.minimums.getOrDefault(province, LAW_MINIMUM);
	}

	/**
	 * The floor area each person would have, the applicant and those registered with them included,
	 * rounded down to the hundredth: "không thấp hơn" means a result equal to the minimum is enough.
	 */
	public static BigDecimal perPerson(BigDecimal floorArea, int people) {
		return floorArea.divide(BigDecimal.valueOf(people), 2, RoundingMode.DOWN);
	}

	/** Whether that many people in that floor area meet the province's minimum (equal is enough). */
	public boolean suffices(String province, BigDecimal floorArea, int people) {
		return perPerson(floorArea, people).compareTo(minimumIn(province)) >= 0;
	}

}
