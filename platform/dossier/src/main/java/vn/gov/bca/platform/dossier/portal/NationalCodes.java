package vn.gov.bca.platform.dossier.portal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.dossier.DossierStatus;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;

/**
 * What our codes are at the national portal, as master data: the dossier statuses (the platform's
 * {@code national-statuses.json}) and, for each procedure of the service's catalogue, its code in the
 * national database of administrative procedures and its field's code (the service's
 * {@code national-portal.json}, kept by an administrator like
 *
 * <pre>{@code
 * { "service": "passport-service",
 *   "procedures": [ { "code": "1.999001", "nationalCode": "1.999001", "fieldCode": "G12-XNC" } ] }
 * }</pre>
 *
 * ). Checked at load: every status and every procedure of the catalogue has its national code, no
 * entry names a procedure the catalogue lacks, and no national code is given twice.
 */
public final class NationalCodes {

	/** A procedure as the national portal knows it. */
	public record NationalProcedure(String code, String nationalCode, String fieldCode) {
	}

	/** A status as the national portal knows it. */
	public record NationalStatus(DossierStatus status, String code, String nameVi) {
	}

	record StatusFile(String source, List<NationalStatus> statuses) {
	}

	record ProcedureFile(String service, String note, List<NationalProcedure> procedures) {
	}

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final Map<DossierStatus, NationalStatus> statuses;

	private final Map<String, NationalProcedure> procedures;

	private NationalCodes(Map<DossierStatus, NationalStatus> statuses, Map<String, NationalProcedure> procedures) {
		this.statuses = statuses;
		this.procedures = procedures;
	}

	/** The platform's statuses and the service's procedures, checked against its catalogue. */
	public static NationalCodes load(Resource procedureFile, ProcedureCatalogue catalogue) {
		StatusFile statusFile = read(new ClassPathResource("vn/gov/bca/platform/dossier/portal/national-statuses.json"),
				StatusFile.class);
		ProcedureFile procedures = read(procedureFile, ProcedureFile.class);
		return of(statusFile.statuses(), (procedures.procedures() != null) ? procedures.procedures() : List.of(),
				catalogue.procedures(), procedureFile.getDescription());
	}

	static NationalCodes of(List<NationalStatus> statusList, List<NationalProcedure> procedureList,
			List<Procedure> catalogue, String where) {
		List<String> faults = new ArrayList<>();
		Map<DossierStatus, NationalStatus> statuses = new EnumMap<>(DossierStatus.class);
		for (NationalStatus status : statusList) {
			if (status.status() == null || status.code() == null || status.code().isBlank()) {
				faults.add("a status without its name or national code");
			}
			else if (statuses.put(status.status(), status) != null) {
				faults.add("status " + status.status() + " given twice");
			}
		}
		for (DossierStatus status : DossierStatus.values()) {
			if (!statuses.containsKey(status)) {
				faults.add("status " + status + " has no national code");
			}
		}
		Set<String> known = new HashSet<>();
		catalogue.forEach((procedure) -> known.add(procedure.code()));
		Map<String, NationalProcedure> procedures = new HashMap<>();
		Set<String> nationalCodes = new HashSet<>();
		for (NationalProcedure procedure : procedureList) {
			if (procedure.code() == null || procedure.nationalCode() == null || procedure.nationalCode().isBlank()
					|| procedure.fieldCode() == null || procedure.fieldCode().isBlank()) {
				faults.add("procedure entry " + procedure.code() + " lacks code, nationalCode or fieldCode");
				continue;
			}
			if (!known.contains(procedure.code())) {
				faults.add("procedure " + procedure.code() + " is not in the catalogue");
			}
			if (procedures.put(procedure.code(), procedure) != null) {
				faults.add("procedure " + procedure.code() + " given twice");
			}
			if (!nationalCodes.add(procedure.nationalCode())) {
				faults.add("national code " + procedure.nationalCode() + " given to two procedures");
			}
		}
		for (String code : known) {
			if (!procedures.containsKey(code)) {
				faults.add("procedure " + code + " of the catalogue has no national code");
			}
		}
		if (!faults.isEmpty()) {
			throw new IllegalStateException("National portal codes (" + where + "): " + String.join("; ", faults));
		}
		return new NationalCodes(statuses, Map.copyOf(procedures));
	}

	public NationalStatus status(DossierStatus status) {
		return this.statuses.get(status);
	}

	/** The status of a national code. */
	public DossierStatus statusOf(String nationalCode) {
		return this.statuses.values()
			.stream()
			.filter((status) -> status.code().equals(nationalCode))
			.map(NationalStatus::status)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no status of national code " + nationalCode));
	}

	public NationalProcedure procedure(String code) {
		NationalProcedure procedure = this.procedures.get(code);
		if (procedure == null) {
			throw new IllegalStateException("procedure " + code + " has no national code");
		}
		return procedure;
	}

	private static <T> T read(Resource resource, Class<T> type) {
		try (InputStream in = resource.getInputStream()) {
			return JSON.readValue(in, type);
		}
		catch (IOException | tools.jackson.core.JacksonException ex) {
			throw new IllegalStateException("National portal codes: cannot read " + resource.getDescription(), ex);
		}
	}

}
