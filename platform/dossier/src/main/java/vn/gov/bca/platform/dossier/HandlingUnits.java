package vn.gov.bca.platform.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.dossier.catalogue.AgencyLevel;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

/**
 * The units that receive a service's dossiers, one per province and level, as master data: the unit code
 * starts every dossier code (Circular 01/2018/TT-VPCP Art. 19: the code of the receiving agency in
 * the national list of agency codes) and is the officers' {@code agency} claim. The file is kept by
 * an administrator like
 *
 * <pre>{@code
 * { "service": "passport-service",
 *   "units": [ { "province": "01", "code": "PA08-HN",
 *                "name": "Phòng Quản lý xuất nhập cảnh Công an thành phố Hà Nội",
 *                "level": "PROVINCIAL", "source": "..." } ] }
 * }</pre>
 *
 * and checked at load (province codes of two digits, one unit per province and level, unit codes as
 * {@link DossierCodes} accepts them and unique, a level of the ministry's three). A central
 * department is listed under province {@value #CENTRAL_PROVINCE}, the nationwide level: its
 * officers carry that province claim, so that no provincial officer handles its dossiers and it
 * handles no province's. A province the file does not list is not a unit: a submission there is a
 * 422, never a code made up from the province number.
 */
public final class HandlingUnits {

	/** The province code of a central department's dossiers and officers: the whole country. */
	public static final String CENTRAL_PROVINCE = "00";

	private static final Pattern PROVINCE = Pattern.compile("[0-9]{2}");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Map<String, List<Dossier.HandlingUnit>> byProvince;

	private final Map<String, AgencyLevel> levels;

	private HandlingUnits(Map<String, List<Dossier.HandlingUnit>> byProvince, Map<String, AgencyLevel> levels) {
		this.byProvince = byProvince;
		this.levels = levels;
	}

	/**
	 * One unit of the file: {@code level} which level of the ministry it is (a procedure is handled at
	 * one level), {@code source} where the code comes from (or that it is a placeholder).
	 */
	record Unit(String province, String code, String name, AgencyLevel level, String source) {
	}

	record File(String service, List<Unit> units) {
	}

	/** Reads a units file from a stream, which the caller closes. */
	public static HandlingUnits load(InputStream in) {
		File file;
		try {
			file = JSON.readValue(in, File.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The handling units file is not valid: " + ex.getOriginalMessage(), ex);
		}
		if (file == null || file.units() == null || file.units().isEmpty()) {
			throw new IllegalArgumentException("The handling units file lists no unit");
		}
		List<String> problems = new ArrayList<>();
		Map<String, List<Dossier.HandlingUnit>> units = new LinkedHashMap<>();
		Set<String> provinceLevels = new HashSet<>();
		Map<String, AgencyLevel> levels = new LinkedHashMap<>();
		Set<String> codes = new HashSet<>();
		for (Unit unit : file.units()) {
			if (unit.province() == null || !PROVINCE.matcher(unit.province()).matches()) {
				problems.add("'" + unit.province() + "' is not a province code of two digits");
				continue;
			}
			if (unit.code() == null || !DossierCodes.isUnitCode(unit.code())) {
				problems.add("province " + unit.province() + ": '" + unit.code() + "' is not a unit code");
			}
			else if (!codes.add(unit.code())) {
				problems.add("unit code " + unit.code() + " is listed twice");
			}
			if (unit.name() == null || unit.name().isBlank()) {
				problems.add("province " + unit.province() + ": the unit has no name");
			}
			if (unit.level() == null) {
				problems.add("province " + unit.province() + ": the unit has no level (CENTRAL, PROVINCIAL, COMMUNE)");
			}
			else if (unit.code() != null) {
				levels.put(unit.code(), unit.level());
			}
			if (!provinceLevels.add(unit.province() + "/" + unit.level())) {
				problems.add("province " + unit.province() + " is listed twice at level " + unit.level());
			}
			if (unit.level() == AgencyLevel.CENTRAL != CENTRAL_PROVINCE.equals(unit.province())) {
				problems.add("province " + unit.province() + ": a central unit is listed under province "
						+ CENTRAL_PROVINCE + ", and only a central unit");
			}
			units.computeIfAbsent(unit.province(), (province) -> new ArrayList<>())
				.add(new Dossier.HandlingUnit(unit.code(), unit.name(), unit.province()));
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Invalid handling units file: " + String.join("; ", problems));
		}
		Map<String, List<Dossier.HandlingUnit>> copied = new LinkedHashMap<>();
		units.forEach((province, list) -> copied.put(province, List.copyOf(list)));
		return new HandlingUnits(Map.copyOf(copied), Map.copyOf(levels));
	}

	/** Reads a units file from the classpath or a file (a Spring resource location is resolved by the caller). */
	public static HandlingUnits load(org.springframework.core.io.Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the handling units file " + resource, ex);
		}
	}

	/**
	 * The unit of a province, for a service with one unit per province (the first listed otherwise).
	 * @throws ApiException 422 naming {@code handlingProvince} when the province has no unit
	 */
	public Dossier.HandlingUnit of(String province) {
		return unitsOf(province).get(0);
	}

	private List<Dossier.HandlingUnit> unitsOf(String province) {
		List<Dossier.HandlingUnit> units = (province != null) ? this.byProvince.get(province) : null;
		if (units == null) {
			throw new ApiException(ProblemType.UNPROCESSABLE, "handling-province.unknown", province)
				.withError("handlingProvince", "handling-province.unknown", province);
		}
		return units;
	}

	/**
	 * The unit of a province that handles a procedure of that level.
	 * @throws ApiException 422 naming {@code handlingProvince} when the province has no unit, or none
	 * of the procedure's level
	 */
	public Dossier.HandlingUnit of(String province, AgencyLevel level) {
		List<Dossier.HandlingUnit> units = unitsOf(province);
		return units.stream()
			.filter((unit) -> this.levels.get(unit.code()) == level)
			.findFirst()
			.orElseThrow(() -> new ApiException(ProblemType.UNPROCESSABLE, "handling-unit.other-level",
					units.get(0).name())
				.withError("handlingProvince", "handling-unit.other-level", units.get(0).name()));
	}

	/** Every unit, for an administrator's view. */
	public List<Dossier.HandlingUnit> all() {
		return this.byProvince.values()
			.stream()
			.flatMap(List::stream)
			.sorted(java.util.Comparator.comparing(Dossier.HandlingUnit::province))
			.toList();
	}

}
