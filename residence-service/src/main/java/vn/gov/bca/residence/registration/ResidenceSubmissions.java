package vn.gov.bca.residence.registration;

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

/**
 * {@code POST /api/residence/dossiers}: a residence procedure with its form CT01, online (identity
 * level 2, the national portal) or at the counter, received by the unit of the province of the place
 * concerned.
 */
@RestController
class ResidenceSubmissions extends SubmissionEndpoint<ResidenceSubmissions.SubmissionRequest, ResidenceForm> {

	ResidenceSubmissions(DossierWorkflow<ResidenceDossier, ResidenceForm> workflow) {
		super(workflow);
	}

	/** The applicant is the caller online; the officer at the counter or the portal names them. */
	record SubmissionRequest(@NotNull ResidenceProcedure procedure,
			@NotBlank @Pattern(regexp = "[0-9]{2}") String handlingProvince, @Valid @NotNull ResidenceForm form,
			@Pattern(regexp = "[0-9]{12}") String applicantPersonalId, @Size(max = 100) String applicantFullName,
			@Pattern(regexp = "(0|\\+84)[0-9]{9}") String phone, @Email @Size(max = 254) String email)
			implements SubmissionEndpoint.Request<ResidenceForm> {

		@Override
		public Submission<ResidenceForm> toSubmission() {
			return new Submission<>(this.procedure.catalogueCode(), this.handlingProvince, this.form,
					this.applicantPersonalId, this.applicantFullName, this.phone, this.email);
		}

	}

}
