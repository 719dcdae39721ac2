package vn.gov.bca.platform.dossier.workflow;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.security.Caller;

/**
 * The submission endpoint, {@code POST <path>/dossiers} (201 with the dossier and its address): a
 * service's {@code @RestController} extends it with its own validated request type, whose shape is
 * the procedure's (its form); the request's type is resolved from the subclass. Submission takes an
 * {@code Idempotency-Key}.
 *
 * @param <R> the service's request
 * @param <F> its form
 */
public abstract class SubmissionEndpoint<R extends SubmissionEndpoint.Request<F>, F> {

	/** A service's submission request: validated where it is read, then made a {@link Submission}. */
	public interface Request<F> {

		Submission<F> toSubmission();

	}

	private final DossierWorkflow<?, F> workflow;

	protected SubmissionEndpoint(DossierWorkflow<?, F> workflow) {
		this.workflow = workflow;
	}

	@PostMapping("${vneid.dossier.path:/api/${vneid.outbox.domain}}/dossiers")
	public Mono<ResponseEntity<DossierView>> submit(@Valid @RequestBody R request, Caller caller) {
		return complete(request, request.toSubmission())
			.flatMap((submission) -> created(this.workflow, submission, caller));
	}

	/**
	 * What the service finds out itself before the submission goes in, where the applicant does not
	 * choose it: the receiving unit's province, and the procedure's code where it depends on the level
	 * (seal: the organisation's level and head office; identity card: where the holder lives), with
	 * {@link Submission#at}. A failure here is the answer (nothing is written). As requested by default.
	 */
	protected Mono<Submission<F>> complete(R request, Submission<F> submission) {
		return Mono.just(submission);
	}

	private static <D extends vn.gov.bca.platform.dossier.Dossier, F> Mono<ResponseEntity<DossierView>> created(
			DossierWorkflow<D, F> workflow, Submission<F> submission, Caller caller) {
		return workflow.submit(submission, caller).map(workflow::created);
	}

}
