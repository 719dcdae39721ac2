package vn.gov.bca.identity.card;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.platform.dossier.workflow.DossierView;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.dossier.workflow.Submission;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;

/**
 * {@code POST /api/identity/dossiers} (201 with the dossier and its address; takes an
 * {@code Idempotency-Key}): an identity-card procedure, pre-registered online by the holder (VNeID
 * level 2) or a parent for a child, filed at the counter by an officer, or from the national portal.
 * The receiving unit is not chosen by the applicant: it is the one of the province where the holder
 * lives, as the registry records it.
 */
@RestController
class CardSubmissions {

	private final DossierWorkflow<CardDossier, CardForm> workflow;

	private final CitizenRegistry registry;

	CardSubmissions(DossierWorkflow<CardDossier, CardForm> workflow, CitizenRegistry registry) {
		this.workflow = workflow;
		this.registry = registry;
	}

	record SubmissionRequest(@NotNull CardProcedure procedure, @Valid @NotNull CardForm form,
			@Pattern(regexp = "[0-9]{12}") String applicantPersonalId, @Size(max = 100) String applicantFullName,
			@Pattern(regexp = "(0|\\+84)[0-9]{9}") String phone, @Email @Size(max = 254) String email) {
	}

	@PostMapping("/api/identity/dossiers")
	Mono<ResponseEntity<DossierView>> submit(@Valid @RequestBody SubmissionRequest request, Caller caller) {
		// A holder the registry does not know, or without a residence, is the same answer as one the
		// applicant may not file for (CardRules#admit): nothing about the number is learnt.
		return this.registry.find(request.form().holderPersonalId())
			.map(Citizen::responsibleProvince)
			.switchIfEmpty(Mono.error(() -> new ApiException(ProblemType.UNPROCESSABLE,
					"identity-card.holder-not-confirmed")
				.withError("form.holderPersonalId", "identity-card.holder-not-confirmed")))
			.flatMap((province) -> this.workflow.submit(new Submission<>(request.procedure().code(), province,
					request.form(), request.applicantPersonalId(), request.applicantFullName(), request.phone(),
					request.email()), caller))
			.map(this.workflow::created);
	}

}
