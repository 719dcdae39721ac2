package vn.gov.bca.passport.application;

/**
 * The passport procedures this service handles, each tied to its entry in the procedure catalogue
 * ({@code procedures.json}) by code.
 */
public enum PassportProcedure {

	/** First issue of an ordinary passport to a citizen aged 14 or more (form TK01). */
	FIRST_ISSUE("TK01", "1.999001"),
	/** Issue for a child under 14, filed by a parent (form TK01a; non-chip, 5 years). */
	CHILD_UNDER_14("TK01a", "1.999002"),
	/**
	 * Re-issue of a passport lost or damaged (form TK01; TK01a filed by a parent for a child under
	 * 14).
	 */
	REISSUE_LOST_OR_DAMAGED("TK01", "1.999003"),
	/**
	 * A new passport for a holder whose passport expires within the catalogue's renewal window or has
	 * expired (TK01; TK01a filed by a parent for a child under 14).
	 */
	RENEWAL("TK01", "1.999004");

	private final String form;

	private final String catalogueCode;

	PassportProcedure(String form, String catalogueCode) {
		this.form = form;
		this.catalogueCode = catalogueCode;
	}

	/** The procedure's code in {@code procedures.json}. */
	public String catalogueCode() {
		return this.catalogueCode;
	}

	public String form() {
		return this.form;
	}

}
