package vn.gov.bca.passport.application;

/** The passport procedures, each tied to its entry in {@code procedures.json} by code. */
public enum PassportProcedure {

	/** First issue of an ordinary passport to a citizen aged 14 or more (form TK01). */
	FIRST_ISSUE("1.999001"),
	/** Issue for a child under 14, filed by a parent (form TK01a; non-chip, 5 years). */
	CHILD_UNDER_14("1.999002"),
	/** Re-issue of a passport lost or damaged (TK01; TK01a by a parent for a child under 14). */
	REISSUE_LOST_OR_DAMAGED("1.999003"),
	/** A new passport when the one held expires within the catalogue's renewal window or has expired. */
	RENEWAL("1.999004");

	private final String catalogueCode;

	PassportProcedure(String catalogueCode) {
		this.catalogueCode = catalogueCode;
	}

	public String catalogueCode() {
		return this.catalogueCode;
	}

}
