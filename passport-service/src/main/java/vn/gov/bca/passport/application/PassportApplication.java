package vn.gov.bca.passport.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierEvent;
import vn.gov.bca.platform.dossier.calendar.Deadline;
import vn.gov.bca.platform.web.security.Caller;

/**
 * A passport dossier: the shared dossier lifecycle with form TK01/TK01a and, once approved, the
 * passport issued: 10 years, or 5 for a child under 14 (Law 49/2019 Art. 7), not extendable.
 */
public class PassportApplication extends Dossier {

	private PassportProcedure procedure;

	private PassportForm form;

	private IssuedPassport passport;

	PassportApplication() {
	}

	private PassportApplication(String code, String procedureCode, PassportProcedure procedure, Channel channel,
			Applicant applicant, Submitter submitter, HandlingUnit unit, Instant receivedAt, Deadline deadline,
			PassportForm form) {
		super(code, procedureCode, channel, applicant, submitter, unit, receivedAt, deadline);
		this.procedure = procedure;
		this.form = form;
	}

	static Submission submit(String code, String procedureCode, PassportProcedure procedure, Channel channel,
			Applicant applicant, Submitter submitter, HandlingUnit unit, Instant receivedAt, Deadline deadline,
			PassportForm form) {
		PassportApplication application = new PassportApplication(code, procedureCode, procedure, channel, applicant,
				submitter, unit, receivedAt, deadline, form);
		return new Submission(application, application.submitted());
	}

	/**
	 * The officer approves: the dossier is processed and the passport issued with the number given.
	 * Returns the dossier's event and the passport's.
	 */
	List<DomainEvent> approve(Caller officer, String passportNumber, Instant now, ZoneId zone) {
		LocalDate issuedOn = now.atZone(zone).toLocalDate();
		int years = (this.procedure == PassportProcedure.CHILD_UNDER_14) ? 5 : 10;
		boolean chip = this.form.chip() && this.procedure != PassportProcedure.CHILD_UNDER_14;
		DossierEvent.DossierProcessed processed = process(officer, "Cấp hộ chiếu phổ thông số " + passportNumber, now);
		this.passport = new IssuedPassport(passportNumber, issuedOn, issuedOn.plusYears(years), chip);
		return List.of(processed, new PassportEvent.PassportIssued(UUID.randomUUID(), now, code(), passportNumber,
				this.passport.expiresOn(), chip));
	}

	public PassportProcedure procedure() {
		return this.procedure;
	}

	public PassportForm form() {
		return this.form;
	}

	public IssuedPassport passport() {
		return this.passport;
	}

	/** A new dossier and its first event. */
	record Submission(PassportApplication application, DossierEvent.DossierSubmitted event) {
	}

}
