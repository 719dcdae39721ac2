package vn.gov.bca.residence.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierStatus;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.IllegalTransitionException;
import vn.gov.bca.platform.web.security.Caller;

/**
 * A residence dossier: the shared dossier lifecycle with form CT01, the consents the registration
 * waits for, what the registry confirmed at submission (kinship, the household joined), and once
 * approved the household number given. Approval needs every consent given; a refused consent is the
 * officer's ground to stop the dossier with reasons.
 */
public class ResidenceDossier extends Dossier {

	private ResidenceProcedure procedure;

	private ResidenceForm form;

	private List<Consent> consents = new ArrayList<>();

	private boolean kinshipConfirmed;

	private String householdId;

	/** A consent was given or refused: which roles, how; never who (the dossier's code is the key). */
	public record ConsentDecided(UUID eventId, Instant occurredAt, String aggregateId, Set<Consent.Role> roles,
			Consent.Status status, Consent.Way way) implements DomainEvent {
	}

	ResidenceDossier() {
	}

	ResidenceDossier(Header header, ResidenceProcedure procedure, ResidenceForm form, List<Consent> consents,
			boolean kinshipConfirmed, String householdId) {
		super(header);
		this.procedure = procedure;
		this.form = form;
		this.consents = new ArrayList<>(consents);
		this.kinshipConfirmed = kinshipConfirmed;
		this.householdId = householdId;
	}

	/**
	 * The person asked gives or refuses their consent with their own account, while the dossier is
	 * being handled; once decided it stays (a second answer is a 409). To anyone not asked, 404.
	 */
	ConsentDecided decide(Caller person, boolean give, String note, Instant now) {
		Consent consent = consentOf(person.personalId());
		requireOpen("consent");
		return record(consent, consent.decided(give, Consent.Way.VNEID, null, note, now), now);
	}

	/** An officer of the unit records a consent signed on paper, uploaded as one of the dossier's files. */
	ConsentDecided recordSignedConsent(Caller officer, String personalId, String attachmentId, Instant now) {
		requireOfficer(officer);
		requireOpen("record-consent");
		Consent consent = consentOf(personalId);
		return record(consent, consent.decided(true, Consent.Way.SIGNED_DOCUMENT, attachmentId, null, now), now);
	}

	private ConsentDecided record(Consent consent, Consent decided, Instant now) {
		if (consent.status() != Consent.Status.PENDING) {
			throw ApiException.conflict("residence.consent-decided");
		}
		this.consents.set(this.consents.indexOf(consent), decided);
		return new ConsentDecided(UUID.randomUUID(), now, code(), decided.roles(), decided.status(), decided.way());
	}

	private Consent consentOf(String personalId) {
		return this.consents.stream()
			.filter((consent) -> consent.personalId().equals(personalId))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("consent"));
	}

	private void requireOpen(String action) {
		if (status().isFinal() || status() == DossierStatus.PROCESSED) {
			throw new IllegalTransitionException(status(), action);
		}
	}

	/**
	 * Approved: every consent given (409 naming what is missing otherwise), the household number the
	 * approval gives a new household recorded, and the dossier processed.
	 */
	List<DomainEvent> approve(Caller officer, String newHouseholdId, String summary, Instant now) {
		requireOfficer(officer);
		requireConsents();
		DomainEvent processed = process(officer, summary, now);
		if (newHouseholdId != null) {
			this.householdId = newHouseholdId;
		}
		return List.of(processed);
	}

	/** Every consent given: 409 while one is pending or once one was refused. */
	void requireConsents() {
		if (this.consents.stream().anyMatch((consent) -> consent.status() == Consent.Status.REFUSED)) {
			throw ApiException.conflict("residence.consent-refused");
		}
		if (this.consents.stream().anyMatch((consent) -> consent.status() == Consent.Status.PENDING)) {
			throw ApiException.conflict("residence.consent-pending");
		}
	}

	public ResidenceProcedure procedure() {
		return this.procedure;
	}

	public ResidenceForm form() {
		return this.form;
	}

	public List<Consent> consents() {
		return List.copyOf(this.consents);
	}

	public boolean kinshipConfirmed() {
		return this.kinshipConfirmed;
	}

	/** The household joined, or the new one the approval gave; null before approval of a new household. */
	public String householdId() {
		return this.householdId;
	}

}
