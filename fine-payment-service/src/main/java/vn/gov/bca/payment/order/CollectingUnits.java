package vn.gov.bca.payment.order;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.document.register.SigningUnits;

/**
 * The units that collect fines and fees ({@code vneid.payment.collecting-units}, by default
 * {@code collecting-units.json}): a penalty decision's issuing unit for its fine, a dossier's
 * handling unit for its fee. Each signs the receipts of what it collected, so the signing keystore
 * must hold every one's key; a fee order naming another unit is refused (422).
 */
@Component
public class CollectingUnits implements SigningUnits {

	/** @param province the province code (two digits), null for a unit of the ministry */
	public record Unit(String code, String name, String province) {
	}

	record File(String service, String source, List<Unit> units) {
	}

	private final Map<String, Unit> units;

	CollectingUnits(@Value("${vneid.payment.collecting-units:classpath:collecting-units.json}") Resource file,
			JsonMapper json) {
		File read;
		try (InputStream in = file.getInputStream()) {
			read = json.readValue(in, File.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the collecting units file " + file, ex);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The collecting units file is not valid: " + ex.getOriginalMessage(), ex);
		}
		Map<String, Unit> byCode = new LinkedHashMap<>();
		for (Unit unit : (read.units() != null) ? read.units() : List.<Unit>of()) {
			if (unit.code() == null || unit.code().isBlank() || unit.name() == null || unit.name().isBlank()) {
				throw new IllegalArgumentException("A collecting unit needs a code and a name: " + unit);
			}
			if (byCode.put(unit.code(), unit) != null) {
				throw new IllegalArgumentException("Collecting unit " + unit.code() + " is listed twice");
			}
		}
		if (byCode.isEmpty()) {
			throw new IllegalArgumentException("The collecting units file lists no unit");
		}
		this.units = Map.copyOf(byCode);
	}

	public Optional<Unit> find(String code) {
		return Optional.ofNullable((code != null) ? this.units.get(code) : null);
	}

	@Override
	public List<String> codes() {
		return List.copyOf(this.units.keySet());
	}

}
