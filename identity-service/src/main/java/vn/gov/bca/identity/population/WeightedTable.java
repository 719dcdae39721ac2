package vn.gov.bca.identity.population;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Values drawn with integer weights (a cumulative table and a binary search), so that the synthetic
 * population follows real proportions: Nguyễn for about 38 % of family names, a province by its
 * population. Written compactly as {@code "Nguyễn=380, Trần=110"}.
 *
 * @param <T> the values
 */
final class WeightedTable<T> {

	private final List<T> values;

	private final long[] cumulative;

	private WeightedTable(List<T> values, long[] weights) {
		if (values.isEmpty() || values.size() != weights.length) {
			throw new IllegalArgumentException("A weighted table needs one positive weight per value");
		}
		this.values = List.copyOf(values);
		this.cumulative = new long[weights.length];
		long total = 0;
		for (int i = 0; i < weights.length; i++) {
			if (weights[i] <= 0) {
				throw new IllegalArgumentException("Weight of " + values.get(i) + " is not positive");
			}
			total += weights[i];
			this.cumulative[i] = total;
		}
	}

	static <T> WeightedTable<T> of(List<T> values, long[] weights) {
		return new WeightedTable<>(values, weights);
	}

	/** Every value with the same weight. */
	static <T> WeightedTable<T> uniform(List<T> values) {
		long[] weights = new long[values.size()];
		Arrays.fill(weights, 1);
		return new WeightedTable<>(values, weights);
	}

	/** {@code "Nguyễn=380, Trần=110"}; a value without {@code =weight} weighs 1. */
	static WeightedTable<String> parse(String table) {
		List<String> values = new ArrayList<>();
		List<Long> weights = new ArrayList<>();
		for (String entry : table.split(",")) {
			String[] parts = entry.split("=");
			values.add(parts[0].strip());
			weights.add((parts.length > 1) ? Long.parseLong(parts[1].strip()) : 1L);
		}
		return new WeightedTable<>(values, weights.stream().mapToLong(Long::longValue).toArray());
	}

	T pick(SplittableRandom random) {
		long point = random.nextLong(this.cumulative[this.cumulative.length - 1]);
		int index = Arrays.binarySearch(this.cumulative, point + 1);
		return this.values.get((index >= 0) ? index : -index - 1);
	}

	List<T> values() {
		return this.values;
	}

}
