package vn.gov.bca.passport.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.dossier.workflow.DossierView;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.dossier.workflow.Submission;
import vn.gov.bca.platform.web.security.Caller;

/**
 * Submission of a passport dossier: citizens (level 2) and the national portal online, officers at
 * the counter naming the applicant; takes an {@code Idempotency-Key}. Every other dossier endpoint
 * is the platform's under {@code /api/passport}.
 */
@RestController
class PassportSubmissionController {

	private final DossierWorkflow<PassportApplication, PassportForm> workflow;

	PassportSubmissionController(DossierWorkflow<PassportApplication, PassportForm> workflow) {
		this.workflow = workflow;
	}

	@PostMapping("/api/passport/dossiers")
	Mono<ResponseEntity<DossierView>> submit(@Valid @RequestBody SubmissionRequest request, Caller caller) {
		return this.workflow.submit(new Submission<>(request.procedure().catalogueCode(), request.handlingProvince(),
				request.form(), request.applicantPersonalId(), request.applicantFullName(), request.phone(),
				request.email()), caller).map(this.workflow::created);
	}

	record SubmissionRequest(@NotNull PassportProcedure procedure,
			@NotBlank @Pattern(regexp = "[0-9]{2}") String handlingProvince, @Valid @NotNull PassportForm form,
			@Pattern(regexp = "[0-9]{12}") String applicantPersonalId, @Size(max = 100) String applicantFullName,
			@Pattern(regexp = "(0|\\+84)[0-9]{9}") String phone, @Email @Size(max = 254) String email) {
	}

}
