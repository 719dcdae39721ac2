package vn.gov.bca.paymentsandbox;

/**
 * How the sandbox delivers the callback of the next outcomes. The real platform is not always
 * well behaved, and a merchant must be tested against each of these before it meets them in
 * production: the rule that a confirmed payment is never lost, and never counted twice, depends on it.
 */
public enum CallbackMode {

	/** Delivered once, at once, retried while the merchant answers non-2xx. */
	NORMAL,

	/** The same callback twice at the same moment and a third time a second later. */
	DUPLICATE,

	/** Delivered after the delay given with the mode: the citizen may be back before it arrives. */
	LATE,

	/** Never delivered: only a status query or the settlement file tells the merchant. */
	MISSING,

	/** Correctly signed, but the amount is 1,000 VND more than the checkout's. */
	TAMPERED_AMOUNT,

	/** Signed with a key that is not the merchant's secret. */
	BAD_SIGNATURE
}
