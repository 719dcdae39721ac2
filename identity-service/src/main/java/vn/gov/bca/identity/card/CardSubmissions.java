package vn.gov.bca.identity.card;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.dossier.workflow.Submission;
import vn.gov.bca.platform.dossier.workflow.SubmissionEndpoint;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

/**
 * {@code POST /api/identity/dossiers} (201 with the dossier and its address; takes an
 * {@code Idempotency-Key}): an identity-card procedure, pre-registered online by the holder (VNeID
 * level 2) or a parent for a child, filed at the counter by an officer, or from the national portal.
 * The receiving unit is not chosen by the applicant: it is the one of the province where the holder
 * lives, as the registry records it.
 */
@RestController
class CardSubmissions extends SubmissionEndpoint<CardSubmissions.SubmissionRequest, CardForm> {

	private final CitizenRegistry registry;

	CardSubmissions(DossierWorkflow<CardDossier, CardForm> workflow, CitizenRegistry registry) {
		super(workflow);
		this.registry = registry;
	}

	/** The applicant is the caller online; the officer at the counter or the portal names them. */
	record SubmissionRequest(@NotNull CardProcedure procedure, @Valid @NotNull CardForm form,
			@Pattern(regexp = "[0-9]{12}") String applicantPersonalId, @Size(max = 100) String applicantFullName,
			@Pattern(regexp = "(0|\\+84)[0-9]{9}") String phone, @Email @Size(max = 254) String email)
			implements SubmissionEndpoint.Request<CardForm> {

		/** Without the province: {@link #complete} finds it. */
		@Override
		public Submission<CardForm> toSubmission() {
			return new Submission<>(this.procedure.code(), null, this.form, this.applicantPersonalId,
					this.applicantFullName, this.phone, this.email);
		}

	}

	/**
	 * The province where the holder lives. A holder the registry does not know, or without a
	 * residence, is the same answer as one the applicant may not file for ({@link CardRules#admit}):
	 * nothing about the number is learnt.
	 */
	@Override
	protected Mono<Submission<CardForm>> complete(SubmissionRequest request, Submission<CardForm> submission) {
		return this.registry.find(request.form().holderPersonalId())
			.map(Citizen::responsibleProvince)
			.switchIfEmpty(Mono.error(() -> new ApiException(ProblemType.UNPROCESSABLE,
					"identity-card.holder-not-confirmed")
				.withError("form.holderPersonalId", "identity-card.holder-not-confirmed")))
			.map((province) -> submission.at(submission.procedureCode(), province));
	}

}
