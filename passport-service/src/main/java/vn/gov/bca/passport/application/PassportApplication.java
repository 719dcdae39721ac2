package vn.gov.bca.passport.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * A passport dossier: the shared dossier lifecycle with form TK01/TK01a and, once approved, the
 * passport issued. Its validity and chip follow the holder's age on the day of issue, whatever the
 * procedure (Law 49/2019 Art. 7(3): 10 years from 14, 5 years under 14, not extendable; a chip
 * passport from 14 by choice, none under 14): a child who turns 14 while the dossier is handled gets
 * the adult passport; a lost passport of a child is re-issued as a child's.
 */
public class PassportApplication extends Dossier {

	private PassportProcedure procedure;

	private PassportForm form;

	private IssuedPassport passport;

	/** The passport a dossier produced: number, dates, chip or not. */
	public record IssuedPassport(String number, LocalDate issuedOn, LocalDate expiresOn, boolean chip) {
	}

	/** The dossier was approved and a passport issued, on {@code passport.events.v1} (no holder data). */
	public record PassportIssued(UUID eventId, Instant occurredAt, String aggregateId, String passportNumber,
			LocalDate expiresOn, boolean chip) implements DomainEvent {
	}

	PassportApplication() {
	}

	PassportApplication(Header header, PassportProcedure procedure, PassportForm form) {
		super(header);
		this.procedure = procedure;
		this.form = form;
	}

	/** Approved: the dossier processed and the passport issued in the same write, with both events. */
	List<DomainEvent> approve(Caller officer, String passportNumber, Instant now) {
		LocalDate issuedOn = VietnamTime.dayOf(now);
		// A birth date held only as a year or month is a child's unless surely 14: the child's passport is
		// the one the law allows at every age it may stand for.
		boolean adult = this.form.holderBirthDate().isSurelyAtLeast(14, issuedOn);
		boolean chip = adult && this.form.chip();
		DomainEvent processed = process(officer, "Cấp hộ chiếu phổ thông số " + passportNumber, now);
		this.passport = new IssuedPassport(passportNumber, issuedOn, issuedOn.plusYears(adult ? 10 : 5), chip);
		return List.of(processed, new PassportIssued(UUID.randomUUID(), now, code(), passportNumber,
				this.passport.expiresOn(), chip));
	}

	/** The passport is for the holder named on the form (a child, when a parent files). */
	@Override
	public String holderPersonalId() {
		return this.form.holderPersonalId();
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

}
