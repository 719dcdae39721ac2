package vn.gov.bca.platform.testkit.dossier;

import java.time.Instant;

import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.Dossier.Applicant;
import vn.gov.bca.platform.dossier.Dossier.HandlingUnit;
import vn.gov.bca.platform.dossier.Dossier.Submitter;
import vn.gov.bca.platform.dossier.calendar.Deadline;
import vn.gov.bca.platform.dossier.calendar.WorkingDays;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Object Mothers for dossiers: {@code Dossiers.header()} is the {@link Dossier.Header} of an online
 * dossier Nguyễn Văn An submitted himself to the Hà Nội immigration office on Monday 2 March 2026,
 * 09:00 in Vietnam, on an 8-working-day procedure; a test says only what differs, e.g.
 * {@code Dossiers.header().procedureCode(procedure.catalogueCode()).build()}.
 */
public final class Dossiers {

	public static final String CODE = "PA08-HN-260302-0001";

	public static final String PROCEDURE_CODE = "1.999001";

	public static final String APPLICANT_PERSONAL_ID = "001085012345";

	public static final String APPLICANT_NAME = "Nguyễn Văn An";

	public static final Instant RECEIVED_AT = Instant.parse("2026-03-02T02:00:00Z");

	public static final int WORKING_DAYS = 8;

	private static final WorkingDays CALENDAR = WorkingDays.standard();

	private Dossiers() {
	}

	/** The default header, to change with the builder's methods (each returns a new builder). */
	public static HeaderBuilder header() {
		return new HeaderBuilder(CODE, PROCEDURE_CODE, Channel.ONLINE,
				new Applicant(APPLICANT_PERSONAL_ID, APPLICANT_NAME, 1, null, null), null,
				new HandlingUnit("PA08-HN", "Phòng QLXNC Hà Nội", "01"), RECEIVED_AT, WORKING_DAYS);
	}

	/**
	 * An immutable builder of a {@link Dossier.Header}. The deadline is started on
	 * {@link #build()}, on the shipped calendar, from the day received in Vietnam; the dossier code
	 * is not derived from the unit or the day (set it with {@link #code}).
	 *
	 * @param submitter who submitted it; null for the applicant themselves, as a level 2 citizen
	 * signed in to VNeID ({@link Callers#citizen})
	 */
	public record HeaderBuilder(String code, String procedureCode, Channel channel, Applicant applicant,
			Submitter submitter, HandlingUnit unit, Instant receivedAt, int workingDays) {

		public HeaderBuilder code(String code) {
			return new HeaderBuilder(code, this.procedureCode, this.channel, this.applicant, this.submitter, this.unit,
					this.receivedAt, this.workingDays);
		}

		public HeaderBuilder procedureCode(String procedureCode) {
			return new HeaderBuilder(this.code, procedureCode, this.channel, this.applicant, this.submitter, this.unit,
					this.receivedAt, this.workingDays);
		}

		public HeaderBuilder channel(Channel channel) {
			return new HeaderBuilder(this.code, this.procedureCode, channel, this.applicant, this.submitter, this.unit,
					this.receivedAt, this.workingDays);
		}

		/** A citizen applicant (type 1) without phone or email. */
		public HeaderBuilder applicant(String personalId, String fullName) {
			return new HeaderBuilder(this.code, this.procedureCode, this.channel,
					new Applicant(personalId, fullName, 1, null, null), this.submitter, this.unit, this.receivedAt,
					this.workingDays);
		}

		/** Submitted by this caller (an officer at the counter, the national portal), as the workflow records it. */
		public HeaderBuilder submittedBy(Caller caller) {
			return new HeaderBuilder(this.code, this.procedureCode, this.channel, this.applicant,
					submitterOf(caller), this.unit, this.receivedAt, this.workingDays);
		}

		public HeaderBuilder unit(String code, String name, String province) {
			return new HeaderBuilder(this.code, this.procedureCode, this.channel, this.applicant, this.submitter,
					new HandlingUnit(code, name, province), this.receivedAt, this.workingDays);
		}

		public HeaderBuilder receivedAt(Instant receivedAt) {
			return new HeaderBuilder(this.code, this.procedureCode, this.channel, this.applicant, this.submitter,
					this.unit, receivedAt, this.workingDays);
		}

		/** The working days the procedure allows (the deadline's length). */
		public HeaderBuilder workingDays(int workingDays) {
			return new HeaderBuilder(this.code, this.procedureCode, this.channel, this.applicant, this.submitter,
					this.unit, this.receivedAt, workingDays);
		}

		public Dossier.Header build() {
			Submitter by = (this.submitter != null) ? this.submitter
					: submitterOf(Callers.citizen(this.applicant.personalId(), 2));
			Deadline deadline = Deadline.start(CALENDAR, VietnamTime.dayOf(this.receivedAt), this.workingDays);
			return new Dossier.Header(this.code, this.procedureCode, this.channel, this.applicant, by, this.unit,
					this.receivedAt, deadline);
		}

		/** As DossierWorkflow records the caller who submits. */
		private static Submitter submitterOf(Caller caller) {
			return new Submitter(caller.subject(), caller.clientId(), caller.agency());
		}

	}

}
