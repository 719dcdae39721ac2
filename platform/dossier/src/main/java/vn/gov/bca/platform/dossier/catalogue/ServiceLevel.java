package vn.gov.bca.platform.dossier.catalogue;

/**
 * How much of a procedure the citizen can do online (Decree 42/2022/NĐ-CP): the portal shows it,
 * and it decides whether the result can be delivered without a visit.
 */
public enum ServiceLevel {

	/** Toàn trình: submitted, paid and received online (or by post), with no visit. */
	FULL("Toàn trình"),

	/** Một phần: part of the procedure needs the applicant at the counter. */
	PARTIAL("Một phần");

	private final String nameVi;

	ServiceLevel(String nameVi) {
		this.nameVi = nameVi;
	}

	/** The name used on the portal. */
	public String nameVi() {
		return this.nameVi;
	}

}
