package vn.gov.bca.seal.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.dossier.workflow.Submission;
import vn.gov.bca.platform.dossier.workflow.SubmissionEndpoint;
import vn.gov.bca.seal.organisation.Organisations;

/**
 * {@code POST /api/seal/dossiers} (201 with the dossier and its address; takes an
 * {@code Idempotency-Key}): a seal procedure for an organisation, online by its representative, at
 * the counter (the officer names the person acting for it) or from the national portal. The
 * receiving unit is not chosen by the applicant: it is the organisation's, C06 for a central body or
 * the PC06 of its head office's province, and so is the procedure's level.
 */
@RestController
class SealSubmissions extends SubmissionEndpoint<SealSubmissions.SubmissionRequest, SealForm> {

	private final Organisations organisations;

	SealSubmissions(DossierWorkflow<SealDossier, SealForm> workflow, Organisations organisations) {
		super(workflow);
		this.organisations = organisations;
	}

	record SubmissionRequest(@NotNull SealProcedure procedure, @Valid @NotNull SealForm form,
			@Pattern(regexp = "[0-9]{12}") String applicantPersonalId, @Size(max = 100) String applicantFullName,
			@Pattern(regexp = "(0|\\+84)[0-9]{9}") String phone, @Email @Size(max = 254) String email)
			implements SubmissionEndpoint.Request<SealForm> {

		/** Without the procedure's level and the unit: {@link #complete} finds them from the organisation. */
		@Override
		public Submission<SealForm> toSubmission() {
			return new Submission<>(null, null, this.form, this.applicantPersonalId, this.applicantFullName,
					this.phone, this.email);
		}

	}

	/** The procedure's code at the organisation's level, and its unit's province (404 for an unknown one). */
	@Override
	protected Mono<Submission<SealForm>> complete(SubmissionRequest request, Submission<SealForm> submission) {
		return this.organisations.find(request.form().organisationId())
			.map((organisation) -> submission.at(request.procedure().codeAt(organisation.level()),
					organisation.handlingProvince()));
	}

}
