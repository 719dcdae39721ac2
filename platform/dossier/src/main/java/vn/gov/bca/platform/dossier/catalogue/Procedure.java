package vn.gov.bca.platform.dossier.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.calendar.Deadline;
import vn.gov.bca.platform.dossier.calendar.WorkingDays;

/**
 * An administrative procedure (thủ tục hành chính) as published: what the citizen must submit, at
 * which level of identity, in how many working days it is handled and what it costs on a given day.
 * Master data, read from a {@link ProcedureCatalogue} file that checks it.
 *
 * @param code the procedure code in the national database of administrative procedures
 * @param nameVi the name in Vietnamese
 * @param nameEn the name in English
 * @param field the field (lĩnh vực) it belongs to, in Vietnamese
 * @param serviceLevel how much of it can be done online
 * @param workingDays the working days allowed to handle it
 * @param identityLevel the electronic identity level (1 or 2) an online applicant needs
 * @param agencyLevel the level of the agency that handles it
 * @param appointmentRule from which day the working days run
 * @param documents what the applicant submits
 * @param fees the fees, each with the period it applies
 * @param note what an administrator should know about the entry (placeholders, things to confirm); may be null
 * @param parameters values the service's rules read, each with its source; may be absent
 */
public record Procedure(String code, String nameVi, String nameEn, String field, ServiceLevel serviceLevel,
		int workingDays, int identityLevel, AgencyLevel agencyLevel, AppointmentRule appointmentRule,
		List<RequiredDocument> documents, List<Fee> fees, String note, List<Parameter> parameters) {

	private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+");

	public Procedure {
		documents = (documents != null) ? List.copyOf(documents) : List.of();
		fees = (fees != null) ? List.copyOf(fees) : List.of();
		parameters = (parameters != null) ? List.copyOf(parameters) : List.of();
	}

	/** The parameter of that name, if the entry has it. */
	public Optional<Parameter> parameter(String name) {
		return this.parameters.stream().filter((parameter) -> name.equals(parameter.name())).findFirst();
	}

	/**
	 * A whole-number parameter the service's rule needs.
	 * @throws IllegalStateException if the entry lacks it (the catalogue check should have said so)
	 */
	public int intParameter(String name) {
		Parameter parameter = parameter(name)
			.orElseThrow(() -> new IllegalStateException("procedure " + this.code + " has no parameter " + name));
		return Integer.parseInt(parameter.value().strip());
	}

	/**
	 * The fees owed by a dossier received on {@code date} through {@code channel}: every fee with a
	 * period covering that day, at that channel's amount. Empty for a procedure that costs nothing
	 * that day.
	 */
	public List<FeeDue> feesOn(LocalDate date, Channel channel) {
		return this.fees.stream()
			.filter((fee) -> fee.appliesOn(date))
			.map((fee) -> new FeeDue(fee.code(), fee.nameVi(), fee.nameEn(), fee.amountFor(channel)))
			.toList();
	}

	/** The sum of {@link #feesOn}. */
	public long totalFeeOn(LocalDate date, Channel channel) {
		return feesOn(date, channel).stream().mapToLong(FeeDue::amount).sum();
	}

	/** The document with that code, if the procedure asks for it. */
	public Optional<RequiredDocument> document(String code) {
		return this.documents.stream().filter((document) -> document.code().equals(code)).findFirst();
	}

	/**
	 * The deadline of a dossier of this procedure whose working days run from {@code start} (the day
	 * of receipt or of payment, as {@link #appointmentRule()} says).
	 */
	public Deadline deadlineFrom(WorkingDays calendar, LocalDate start) {
		return Deadline.start(calendar, start, this.workingDays);
	}

	/** Every broken rule of this entry, each naming the procedure. */
	List<String> problems() {
		String name = "procedure " + ((this.code == null || this.code.isBlank()) ? "(no code)" : this.code);
		List<String> problems = new ArrayList<>();
		requireText(problems, name, "code", this.code);
		requireText(problems, name, "nameVi", this.nameVi);
		requireText(problems, name, "nameEn", this.nameEn);
		requireText(problems, name, "field", this.field);
		requirePresent(problems, name, "serviceLevel", this.serviceLevel);
		requirePresent(problems, name, "agencyLevel", this.agencyLevel);
		requirePresent(problems, name, "appointmentRule", this.appointmentRule);
		if (this.workingDays <= 0) {
			problems.add(name + ": workingDays must be positive, not " + this.workingDays);
		}
		if (this.identityLevel != 1 && this.identityLevel != 2) {
			problems.add(name + ": identityLevel must be 1 or 2, not " + this.identityLevel);
		}
		documentProblems(problems, name);
		feeProblems(problems, name);
		parameterProblems(problems, name);
		return problems;
	}

	private void documentProblems(List<String> problems, String name) {
		Set<String> codes = new HashSet<>();
		for (RequiredDocument document : this.documents) {
			String where = name + ", document " + document.code();
			requireText(problems, name + ", a document", "code", document.code());
			if (document.code() != null && !codes.add(document.code())) {
				problems.add(name + ": document " + document.code() + " is listed twice");
			}
			requireText(problems, where, "nameVi", document.nameVi());
			requireText(problems, where, "nameEn", document.nameEn());
			if (document.mediaTypes().isEmpty()) {
				problems.add(where + ": mediaTypes must list at least one accepted format");
			}
			for (String mediaType : document.mediaTypes()) {
				if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
					problems.add(where + ": '" + mediaType + "' is not a media type such as application/pdf");
				}
			}
			if (document.signedOnline() && !document.mediaTypes().equals(List.of("application/pdf"))) {
				problems.add(where + ": a document signed online is a PDF, its only media type application/pdf");
			}
		}
	}

	private void parameterProblems(List<String> problems, String name) {
		Set<String> names = new HashSet<>();
		for (Parameter parameter : this.parameters) {
			requireText(problems, name + ", a parameter", "name", parameter.name());
			String where = name + ", parameter " + parameter.name();
			if (parameter.name() != null && !names.add(parameter.name())) {
				problems.add(name + ": parameter " + parameter.name() + " is listed twice");
			}
			requireText(problems, where, "value", parameter.value());
			requireText(problems, where, "source", parameter.source());
		}
	}

	private void feeProblems(List<String> problems, String name) {
		List<Fee> checked = new ArrayList<>();
		for (Fee fee : this.fees) {
			String where = name + ", fee " + fee.code();
			requireText(problems, name + ", a fee", "code", fee.code());
			requireText(problems, where, "nameVi", fee.nameVi());
			requireText(problems, where, "nameEn", fee.nameEn());
			if (fee.amountOnline() < 0 || fee.amountCounter() < 0) {
				problems.add(where + ": amounts cannot be negative (online " + fee.amountOnline() + ", counter "
						+ fee.amountCounter() + ")");
			}
			if (fee.validFrom() == null) {
				problems.add(where + ": validFrom is missing");
				continue;
			}
			if (fee.validTo() != null && fee.validTo().isBefore(fee.validFrom())) {
				problems.add(where + ": validTo " + fee.validTo() + " is before validFrom " + fee.validFrom());
				continue;
			}
			for (Fee earlier : checked) {
				if (earlier.code() != null && earlier.code().equals(fee.code()) && earlier.overlaps(fee)) {
					problems.add(where + ": periods " + earlier.period() + " and " + fee.period() + " overlap");
				}
			}
			checked.add(fee);
		}
	}

	private static void requireText(List<String> problems, String where, String property, String value) {
		if (value == null || value.isBlank()) {
			problems.add(where + ": " + property + " is missing");
		}
	}

	private static void requirePresent(List<String> problems, String where, String property, Object value) {
		if (value == null) {
			problems.add(where + ": " + property + " is missing");
		}
	}

}
