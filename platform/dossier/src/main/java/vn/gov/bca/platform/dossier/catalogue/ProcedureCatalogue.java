package vn.gov.bca.platform.dossier.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.bca.platform.web.error.ApiException;

/**
 * The procedures a service handles, read from that service's JSON file. Procedures, time limits and
 * fees are master data that change by decision and circular, not by release, so each service keeps
 * them in a file like
 *
 * <pre>{@code
 * { "service": "passport-service",
 *   "procedures": [ { "code": "...", "nameVi": "...", "nameEn": "...", "field": "...",
 *     "serviceLevel": "FULL", "workingDays": 8, "identityLevel": 2, "agencyLevel": "PROVINCIAL",
 *     "appointmentRule": "FROM_RECEIPT",
 *     "documents": [ { "code": "...", "nameVi": "...", "nameEn": "...", "required": true,
 *                      "signedOnline": false, "mediaTypes": [ "application/pdf" ] } ],
 *     "fees": [ { "code": "...", "nameVi": "...", "nameEn": "...", "amountOnline": 200000,
 *                 "amountCounter": 200000, "validFrom": "2027-01-01", "validTo": null,
 *                 "legalBasis": "..." } ],
 *     "note": null } ] }
 * }</pre>
 *
 * The file is checked when it is loaded, and refused as a whole with every mistake named: unique
 * procedure codes, positive working days, identity level 1 or 2, non-negative amounts, fee periods of
 * the same fee code that do not overlap, no property the format does not know (a misspelt one would
 * otherwise be silently ignored).
 */
public final class ProcedureCatalogue {

	private static final Set<String> FILE_PROPERTIES = Set.of("service", "procedures");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final String service;

	private final Map<String, Procedure> procedures;

	private ProcedureCatalogue(String service, Map<String, Procedure> procedures) {
		this.service = service;
		this.procedures = procedures;
	}

	/** Reads a catalogue file from a stream, which the caller closes. */
	public static ProcedureCatalogue load(InputStream in) {
		JsonNode root;
		try {
			root = JSON.readTree(in);
		}
		catch (JacksonException ex) {
			throw new InvalidCatalogueException("the file is not JSON: " + firstLine(ex.getOriginalMessage()), ex);
		}
		if (root == null || !root.isObject()) {
			throw new InvalidCatalogueException(List.of("the file is not a JSON object with service and procedures"));
		}
		List<String> problems = new ArrayList<>();
		for (String property : root.propertyNames()) {
			if (!FILE_PROPERTIES.contains(property)) {
				problems.add("unknown property '" + property + "'");
			}
		}
		JsonNode service = root.path("service");
		JsonNode entries = root.path("procedures");
		if (!entries.isMissingNode() && !entries.isNull() && !entries.isArray()) {
			problems.add("procedures must be a list");
		}
		List<Procedure> procedures = new ArrayList<>();
		if (entries.isArray()) {
			for (int i = 0; i < entries.size(); i++) {
				JsonNode entry = entries.get(i);
				try {
					procedures.add(JSON.treeToValue(entry, Procedure.class));
				}
				catch (JacksonException ex) {
					problems.add(entryName(entry, i) + ": " + describe(ex));
				}
			}
		}
		String serviceName = service.isString() ? service.asString() : null;
		if (!problems.isEmpty()) {
			// Report the rules broken by the entries that could be read too, to list every mistake at once.
			problems.addAll(problems(serviceName, procedures, new LinkedHashMap<>()));
			throw new InvalidCatalogueException(problems);
		}
		return of(serviceName, procedures);
	}

	/** Reads a catalogue file. */
	public static ProcedureCatalogue load(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the procedure catalogue " + file, ex);
		}
	}

	/** A catalogue of the given procedures, checked like a file. */
	public static ProcedureCatalogue of(String service, Collection<Procedure> procedures) {
		Map<String, Procedure> byCode = new LinkedHashMap<>();
		List<String> problems = problems(service, procedures, byCode);
		if (procedures.isEmpty()) {
			problems.add("no procedure is listed");
		}
		if (!problems.isEmpty()) {
			throw new InvalidCatalogueException(problems);
		}
		return new ProcedureCatalogue(service, Map.copyOf(byCode));
	}

	private static List<String> problems(String service, Collection<Procedure> procedures,
			Map<String, Procedure> byCode) {
		List<String> problems = new ArrayList<>();
		if (service == null || service.isBlank()) {
			problems.add("service is missing");
		}
		for (Procedure procedure : procedures) {
			if (procedure == null) {
				problems.add("an entry of procedures is null");
				continue;
			}
			problems.addAll(procedure.problems());
			if (procedure.code() != null && byCode.putIfAbsent(procedure.code(), procedure) != null) {
				problems.add("procedure " + procedure.code() + " is listed twice");
			}
		}
		return problems;
	}

	/** The service whose procedures these are. */
	public String service() {
		return this.service;
	}

	public Optional<Procedure> find(String code) {
		return (code != null) ? Optional.ofNullable(this.procedures.get(code)) : Optional.empty();
	}

	/**
	 * The procedure with that code.
	 * @throws ApiException a 404 problem ({@code not-found.procedure}) if there is none
	 */
	public Procedure require(String code) {
		return find(code).orElseThrow(() -> ApiException.notFound("procedure"));
	}

	/** Every procedure, in code order. */
	public List<Procedure> procedures() {
		return this.procedures.values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
	}

	private static String entryName(JsonNode entry, int index) {
		JsonNode code = entry.path("code");
		return code.isString() && !code.asString().isBlank() ? "procedure " + code.asString()
				: "procedure #" + (index + 1) + " (no code)";
	}

	/** What is wrong, where in the entry, in words an administrator can act on. */
	private static String describe(JacksonException ex) {
		String path = path(ex);
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return "unknown property '" + unknown.getPropertyName() + "'" + (path.contains(".") ? " in " + parent(path) : "");
		}
		if (ex instanceof InvalidFormatException invalid) {
			return path + ": '" + invalid.getValue() + "' is not a valid " + invalid.getTargetType().getSimpleName();
		}
		String message = firstLine(ex.getOriginalMessage());
		if (message.startsWith("Cannot map `null` into type")) {
			return path + " is missing";
		}
		return (path.isEmpty() ? "" : path + ": ") + message;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String parent(String path) {
		return path.substring(0, path.lastIndexOf('.'));
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable";
		}
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

}
