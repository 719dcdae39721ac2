package vn.gov.bca.identity.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import vn.gov.bca.identity.registry.ProvinceCodes;

/**
 * Where synthetic citizens live and were born, from master data only: the 34 provinces weighted by
 * population, the 63 birth-registration provinces each became part of in 2025
 * ({@code masterdata/province-merger-2025.csv}), and the communes of {@code masterdata/communes-2025.csv}
 * (a partial list; no commune is ever made up). Checked on loading, so that a broken file fails the
 * start rather than producing numbers the registry would refuse.
 */
final class Geography {

	static final String MERGER = "masterdata/province-merger-2025.csv";

	static final String COMMUNES = "masterdata/communes-2025.csv";

	private final ProvinceCodes provinces;

	private final ProvinceCodes birthProvinces;

	private final WeightedTable<String> provinceByPopulation;

	private final WeightedTable<String> birthProvinceByPopulation;

	private final Map<String, WeightedTable<String>> birthProvincesOf;

	private final Map<String, WeightedTable<String>> communesOf;

	private final List<String> birthCodes;

	private Geography(ProvinceCodes provinces, ProvinceCodes birthProvinces, List<String[]> merger,
			List<String[]> communes) {
		this.provinces = provinces;
		this.birthProvinces = birthProvinces;
		Map<String, List<String>> codesOf = new LinkedHashMap<>();
		Map<String, List<Long>> populationsOf = new LinkedHashMap<>();
		List<String> allCodes = new ArrayList<>();
		List<Long> allPopulations = new ArrayList<>();
		for (String[] row : merger) {
			String birthCode = row[0];
			String province = row[1];
			long population = Long.parseLong(row[2]);
			if (!birthProvinces.contains(birthCode) || !provinces.contains(province)) {
				throw new IllegalStateException(MERGER + ": unknown province in " + String.join(",", row));
			}
			codesOf.computeIfAbsent(province, (code) -> new ArrayList<>()).add(birthCode);
			populationsOf.computeIfAbsent(province, (code) -> new ArrayList<>()).add(population);
			allCodes.add(birthCode);
			allPopulations.add(population);
		}
		Map<String, List<String>> communeNames = new LinkedHashMap<>();
		for (String[] row : communes) {
			if (!provinces.contains(row[0])) {
				throw new IllegalStateException(COMMUNES + ": unknown province in " + String.join(",", row));
			}
			communeNames.computeIfAbsent(row[0], (code) -> new ArrayList<>()).add(row[1]);
		}
		if (allCodes.size() != birthProvinces.size() || codesOf.size() != provinces.size()
				|| communeNames.size() != provinces.size()) {
			throw new IllegalStateException(
					"Every birth-registration province needs its 2025 province, and every province a commune: see "
							+ MERGER + " and " + COMMUNES);
		}
		this.birthCodes = List.copyOf(allCodes.stream().sorted().toList());
		this.birthProvinceByPopulation = WeightedTable.of(allCodes, longs(allPopulations));
		this.birthProvincesOf = new LinkedHashMap<>();
		List<String> provinceCodes = new ArrayList<>();
		List<Long> provincePopulations = new ArrayList<>();
		codesOf.forEach((province, codes) -> {
			List<Long> populations = populationsOf.get(province);
			this.birthProvincesOf.put(province, WeightedTable.of(codes, longs(populations)));
			provinceCodes.add(province);
			provincePopulations.add(populations.stream().mapToLong(Long::longValue).sum());
		});
		this.provinceByPopulation = WeightedTable.of(provinceCodes, longs(provincePopulations));
		this.communesOf = new LinkedHashMap<>();
		communeNames.forEach((province, names) -> this.communesOf.put(province, WeightedTable.uniform(names)));
	}

	static Geography load() {
		return new Geography(ProvinceCodes.current(), ProvinceCodes.birthRegistration(), rows(MERGER, 3),
				rows(COMMUNES, 2));
	}

	/** A current province, as likely as its share of the population. */
	String province(SplittableRandom random) {
		return this.provinceByPopulation.pick(random);
	}

	/** A birth-registration code anywhere in the country, by population (people who moved). */
	String anyBirthCode(SplittableRandom random) {
		return this.birthProvinceByPopulation.pick(random);
	}

	/** A birth-registration code of one of the old provinces that the current one was made of. */
	String birthCodeIn(String province, SplittableRandom random) {
		return this.birthProvincesOf.get(province).pick(random);
	}

	/** The next of the 63 codes in order (after 096 comes 001): a deterministic way to another one. */
	String nextBirthCode(String birthCode) {
		int index = this.birthCodes.indexOf(birthCode);
		return this.birthCodes.get((index + 1) % this.birthCodes.size());
	}

	String commune(String province, SplittableRandom random) {
		return this.communesOf.get(province).pick(random);
	}

	List<String> communes(String province) {
		return this.communesOf.get(province).values();
	}

	List<String> provinces() {
		return List.copyOf(this.provinces.asMap().keySet());
	}

	String provinceName(String province) {
		return this.provinces.name(province).orElseThrow();
	}

	String birthProvinceName(String birthCode) {
		return this.birthProvinces.name(birthCode).orElseThrow();
	}

	private static long[] longs(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).toArray();
	}

	/** The comma-separated rows of a master-data file, without comments and blank lines. */
	static List<String[]> rows(String resource, int columns) {
		List<String[]> rows = new ArrayList<>();
		try (InputStream in = Geography.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Master data missing from the classpath: " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] row = line.split(",", columns);
				if (row.length != columns) {
					throw new IllegalStateException("Bad line in " + resource + ": " + line);
				}
				for (int i = 0; i < row.length; i++) {
					row[i] = row[i].strip();
				}
				rows.add(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

}
