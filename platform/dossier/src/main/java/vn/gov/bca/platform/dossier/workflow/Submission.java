package vn.gov.bca.platform.dossier.workflow;

/**
 * What a submission carries besides the form. The applicant is the caller online; an officer at the
 * counter and the national portal name them ({@code applicantPersonalId}, {@code applicantFullName}).
 *
 * @param procedureCode the procedure's code in the catalogue
 * @param handlingProvince the province whose unit receives it
 */
public record Submission<F>(String procedureCode, String handlingProvince, F form, String applicantPersonalId,
		String applicantFullName, String phone, String email) {

	/** The same submission to that procedure and that province's unit (found by the service, not given). */
	public Submission<F> at(String procedureCode, String handlingProvince) {
		return new Submission<>(procedureCode, handlingProvince, this.form, this.applicantPersonalId,
				this.applicantFullName, this.phone, this.email);
	}

}
