package vn.gov.bca.platform.dossier.workflow;

import java.util.List;

import org.springframework.core.ResolvableType;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.outbox.Transition;
import vn.gov.bca.platform.document.AdministrativeDocument;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.catalogue.FeeDue;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.web.time.VietnamTime;
import vn.gov.bca.platform.web.security.Caller;

/**
 * What a procedure service writes: its rules, at the points where the shared workflow asks for them.
 * Everything else — finding with access, the officers' and applicant's transitions, attachments,
 * the fee, queue, statistics, the HTTP endpoints — is the platform's {@link DossierWorkflow}.
 *
 * @param <D> the service's dossier (a {@link Dossier} with its typed form and result)
 * @param <F> the typed form, validated where the request is read
 */
public interface ProcedureRules<D extends Dossier, F> {

	/** The service's dossier class, read from the type argument of the implementing class. */
	@SuppressWarnings("unchecked")
	default Class<D> dossierType() {
		return (Class<D>) ResolvableType.forClass(ProcedureRules.class, getClass()).resolveGeneric(0);
	}

	/** The person the result is for (the applicant, unless a parent or guardian files). */
	String holderOf(F form);

	/**
	 * The procedure's checks at submission (age, the registry, eligibility), which write nothing:
	 * completes with the applicant's full name to record, or fails with the problem to answer.
	 */
	Mono<String> admit(Intake<F> intake);

	/** The new dossier of the admitted submission. */
	D create(Dossier.Header header, Intake<F> intake);

	/**
	 * A key of which only one dossier may be open at a time (e.g. the holder's personal id: one
	 * passport dossier at a time), taken at submission and released once the dossier ended and what
	 * follows from its events was done; null for none.
	 */
	default String openDossierKey(D dossier) {
		return null;
	}

	/**
	 * What approval does: the checks and preparations it needs (an exit ban, a number), then the
	 * transition applied to the dossier as stored (usually {@link Dossier#process} and the result's
	 * event). Called after the officer's right was checked, so nothing is spent for someone who may
	 * not act.
	 */
	Mono<Transition<D>> approval(D dossier, Caller officer);

	/**
	 * What follows from one of the dossier's events (its simple type name, e.g. {@code
	 * PassportIssued}) outside the dossier: run once per event after the dossier was written, retried
	 * when it fails, so it must be harmless when repeated. Nothing by default.
	 */
	default Mono<?> followUp(String eventType, D dossier) {
		return Mono.empty();
	}

	/**
	 * Whether {@link #followUp} may have anything to do for an event of this type (its simple name)
	 * of a dossier of this procedure, told from the event alone. For an event that neither the
	 * procedure nor the platform (receipts, refusal notices, the end of a dossier) follows up, the
	 * event is not claimed and the dossier not read: two writes and a read fewer per event. Every
	 * event by default, so that a procedure's follow-up is never skipped unless it names its events.
	 */
	default boolean followsUp(String eventType, String procedureCode) {
		return true;
	}

	/**
	 * The fees this dossier owes: by default every fee the catalogue sets for the procedure on the day
	 * it was received and for its channel. A procedure whose fee depends on the dossier (the identity
	 * card's exchange at a legal age is free, another exchange is not) picks among them; an empty list
	 * means nothing is owed, and no fee order is asked for (409).
	 */
	default List<FeeDue> feesDue(D dossier, Procedure procedure) {
		return procedure.feesOn(VietnamTime.dayOf(dossier.receivedAt()), dossier.channel());
	}

	/**
	 * The procedure's own lines on the receipt and appointment slip, after the appointment (identity
	 * card: the day the holder comes to the counter for the biometrics, how the card reaches them);
	 * none by default.
	 */
	default List<AdministrativeDocument.Row> receiptRows(D dossier) {
		return List.of();
	}

	/**
	 * The written refusal a dossier not accepted or stopped gets, with the officer's reason
	 * ({@code type} the document's code, {@code title} what it is called); null for none.
	 */
	default RefusalNotice refusalNotice() {
		return null;
	}

	/** A procedure family's refusal notice: its document type (a code) and its title. */
	record RefusalNotice(String type, String title) {
	}

	/** The procedure's part of the view (its form, its result), merged into {@link DossierView}. */
	Object details(D dossier);

}
