package vn.gov.bca.passport.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.RestController;

import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.dossier.workflow.Submission;
import vn.gov.bca.platform.dossier.workflow.SubmissionEndpoint;

/** {@code POST /api/passport/dossiers}: form TK01/TK01a, online (level 2, the portal) or at the counter. */
@RestController
class PassportSubmissions extends SubmissionEndpoint<PassportSubmissions.SubmissionRequest, PassportForm> {

	PassportSubmissions(DossierWorkflow<PassportApplication, PassportForm> workflow) {
		super(workflow);
	}

	/** The applicant is the caller online; the officer at the counter or the portal names them. */
	record SubmissionRequest(@NotNull PassportProcedure procedure,
			@NotBlank @Pattern(regexp = "[0-9]{2}") String handlingProvince, @Valid @NotNull PassportForm form,
			@Pattern(regexp = "[0-9]{12}") String applicantPersonalId, @Size(max = 100) String applicantFullName,
			@Pattern(regexp = "(0|\\+84)[0-9]{9}") String phone, @Email @Size(max = 254) String email)
			implements SubmissionEndpoint.Request<PassportForm> {

		@Override
		public Submission<PassportForm> toSubmission() {
			return new Submission<>(this.procedure.catalogueCode(), this.handlingProvince, this.form,
					this.applicantPersonalId, this.applicantFullName, this.phone, this.email);
		}

	}

}
