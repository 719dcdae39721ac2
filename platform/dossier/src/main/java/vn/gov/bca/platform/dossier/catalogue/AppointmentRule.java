package vn.gov.bca.platform.dossier.catalogue;

/**
 * From which day a procedure's working days run, so that a dossier's appointment date is computed
 * the same way by every service and by the portal.
 */
public enum AppointmentRule {

	/** From the day a complete dossier is received (the usual case). */
	FROM_RECEIPT,

	/** From the day the fee is paid, for procedures that ask for payment after accepting the dossier. */
	FROM_PAYMENT

}
