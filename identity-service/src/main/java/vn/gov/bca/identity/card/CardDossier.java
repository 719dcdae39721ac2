package vn.gov.bca.identity.card;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.gov.bca.identity.registry.BirthDate;
import vn.gov.bca.identity.registry.IdentityCard;
import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.document.VietnameseDates;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierEvent;
import vn.gov.bca.platform.dossier.DossierStatus;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * An identity-card dossier: the shared dossier lifecycle with the declaration, and the steps that are
 * not paperwork — the biometrics taken at the counter (from age 6), the data the card prints as the
 * registry held them at approval, the card produced (its number is the holder's personal id, its
 * expiry the registry's rule), and only then the handover.
 */
public class CardDossier extends Dossier {

	private CardProcedure procedure;

	private CardForm form;

	private BiometricCapture biometrics;

	private PrintedData printed;

	private ProducedCard card;

	/** What the card prints, from the population registry on the day of approval. */
	public record PrintedData(String fullName, String birthDate, String sex, String nationality, String placeOfOrigin,
			String placeOfResidence) {
	}

	/** The card made: number (the personal id), day of issue, last valid day (null: no expiry), when. */
	public record ProducedCard(String number, LocalDate issuedOn, LocalDate expiresOn, Instant producedAt) {
	}

	/** The officer recorded the holder's biometrics; only counts, never a reference (no personal data). */
	public record BiometricsCaptured(UUID eventId, Instant occurredAt, String aggregateId, long fingersCaptured,
			long irisesCaptured) implements DomainEvent {
	}

	/** The card was produced; the registry enters it from this event (the holder's pseudonym publishes it there). */
	public record IdentityCardProduced(UUID eventId, Instant occurredAt, String aggregateId, LocalDate issuedOn,
			LocalDate expiresOn) implements DomainEvent {
	}

	CardDossier() {
	}

	CardDossier(Header header, CardProcedure procedure, CardForm form) {
		super(header);
		this.procedure = procedure;
		this.form = form;
	}

	/** The card is for the holder named on the form (a child, when a parent files). */
	@Override
	public String holderPersonalId() {
		return this.form.holderPersonalId();
	}

	/**
	 * The capture at the counter, once the dossier is accepted and before it is processed (the fee may
	 * be asked before or after); a second one replaces it.
	 */
	List<DomainEvent> recordBiometrics(Caller officer, BiometricCapture capture, Instant now) {
		requireOfficer(officer);
		require("record-biometrics", DossierStatus.ACCEPTED, DossierStatus.IN_PROGRESS, DossierStatus.PAYMENT_REQUESTED);
		this.biometrics = capture;
		note(officer, "record-biometrics", "Thu nhận ảnh khuôn mặt, " + capture.fingersCaptured() + " vân tay, "
				+ capture.irisesCaptured() + " mống mắt", now);
		return List.of(new BiometricsCaptured(UUID.randomUUID(), now, code(), capture.fingersCaptured(),
				capture.irisesCaptured()));
	}

	/** Approved: the data to print recorded, the dossier processed (the card is produced next). */
	List<DomainEvent> approve(Caller officer, PrintedData printed, String summary, Instant now) {
		requireOfficer(officer);
		DomainEvent processed = process(officer, summary, now);
		this.printed = printed;
		return List.of(processed);
	}

	/**
	 * The card made, once, after approval: issued today, valid to the birthday of the next exchange age
	 * as the registry computes it for the holder's date of birth.
	 */
	List<DomainEvent> produce(Caller officer, BirthDate holderBirthDate, Instant now) {
		requireOfficer(officer);
		require("produce-card", DossierStatus.PROCESSED);
		if (this.card != null) {
			throw ApiException.conflict("identity-card.already-produced");
		}
		LocalDate day = VietnamTime.dayOf(now);
		this.card = new ProducedCard(holderPersonalId(), day, IdentityCard.expiryFor(holderBirthDate, day), now);
		note(officer, "produce-card", "Sản xuất thẻ căn cước số " + this.card.number() + ", ngày cấp "
				+ VietnameseDates.numeric(day), now);
		return List.of(new IdentityCardProduced(UUID.randomUUID(), now, code(), day, this.card.expiresOn()));
	}

	/** The card is handed over only once it exists. */
	@Override
	public DossierEvent.ResultReturned returnResult(Caller officer, ReturnMethod method, Instant now) {
		requireOfficer(officer);
		if (this.card == null) {
			throw ApiException.conflict("identity-card.not-produced");
		}
		if ((method == ReturnMethod.POSTED) != (this.form.delivery() == CardForm.Delivery.POST)) {
			throw ApiException.conflict("identity-card.delivery-differs", this.form.delivery());
		}
		return super.returnResult(officer, method, now);
	}

	public CardProcedure procedure() {
		return this.procedure;
	}

	public CardForm form() {
		return this.form;
	}

	public BiometricCapture biometrics() {
		return this.biometrics;
	}

	public PrintedData printed() {
		return this.printed;
	}

	public ProducedCard card() {
		return this.card;
	}

}
