package vn.gov.bca.identity.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A table of province codes and names from master data in {@code masterdata/*.csv}: the 63 codes
 * of birth registration that personal identification numbers start with (they never change, even
 * after the 2025 merger of provinces), and the 34 provinces in force since 1 July 2025.
 */
public final class ProvinceCodes {

	private final Map<String, String> names;

	private ProvinceCodes(Map<String, String> names) {
		this.names = Collections.unmodifiableMap(names);
	}

	/** The 3-digit codes of Circular 07/2016, annex 1. */
	public static ProvinceCodes birthRegistration() {
		return load("masterdata/birth-registration-provinces.csv");
	}

	/** The 2-digit codes of the 34 provinces from 1 July 2025. */
	public static ProvinceCodes current() {
		return load("masterdata/provinces-2025.csv");
	}

	public boolean contains(String code) {
		return this.names.containsKey(code);
	}

	public Optional<String> name(String code) {
		return Optional.ofNullable(this.names.get(code));
	}

	public int size() {
		return this.names.size();
	}

	public Map<String, String> asMap() {
		return this.names;
	}

	static ProvinceCodes load(String resource) {
		Map<String, String> names = new LinkedHashMap<>();
		try (InputStream in = ProvinceCodes.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Master data missing from the classpath: " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split(",", 2);
				if (columns.length != 2 || names.put(columns[0].trim(), columns[1].trim()) != null) {
					throw new IllegalStateException("Bad or repeated line in " + resource + ": " + line);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ProvinceCodes(names);
	}

}
