package vn.gov.bca.payment.order;

/** What a payment order pays for. */
public enum ReferenceType {

	/** A traffic penalty decision (its id in this service). */
	FINE,
	/** The fee of a dossier in another service (the dossier's code). */
	DOSSIER_FEE

}
