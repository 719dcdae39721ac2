package vn.gov.bca.identity.card;

import java.time.Clock;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.platform.dossier.DossierAccess;
import vn.gov.bca.platform.dossier.workflow.DossierView;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The identity-card steps that are not the shared workflow's, by an officer of the handling
 * province (never on their own card): {@code POST /api/identity/dossiers/{code}/biometrics} records
 * the capture at the counter (from age 6; 409 under 6), {@code POST …/card-production} records the
 * card produced after approval. Both answer the dossier's view. To anyone who may not see the dossier
 * it does not exist (404).
 */
@RestController
class CardSteps {

	private final DossierWorkflow<CardDossier, CardForm> workflow;

	private final CitizenRegistry registry;

	private final Clock clock;

	CardSteps(DossierWorkflow<CardDossier, CardForm> workflow, CitizenRegistry registry, Clock clock) {
		this.workflow = workflow;
		this.registry = registry;
		this.clock = clock;
	}

	@PostMapping("/api/identity/dossiers/{code}/biometrics")
	Mono<DossierView> recordBiometrics(@PathVariable String code, @Valid @RequestBody BiometricCapture.Request request,
			Caller officer) {
		return handled(code, officer).flatMap((dossier) -> holderAgeToday(dossier).flatMap((age) -> {
			if (age < CardRules.BIOMETRICS_AGE) {
				return Mono.error(ApiException.conflict("identity-card.no-biometrics-under-6"));
			}
			BiometricCapture capture = request.recordedBy(officer.subject(), officer.agency(), this.clock.instant());
			return this.workflow.change(code, (fresh) -> fresh.recordBiometrics(officer, capture, capture.capturedAt()));
		})).map(this.workflow::view);
	}

	@PostMapping("/api/identity/dossiers/{code}/card-production")
	Mono<DossierView> produce(@PathVariable String code, Caller officer) {
		return handled(code, officer)
			.flatMap((dossier) -> this.registry.find(dossier.holderPersonalId())
				.switchIfEmpty(Mono.error(() -> ApiException.conflict("identity-card.holder-not-in-registry"))))
			.flatMap((holder) -> this.workflow.change(code,
					(fresh) -> fresh.produce(officer, holder.birthDate(), this.clock.instant())))
			.map(this.workflow::view);
	}

	/** The dossier, if the caller sees it (404 otherwise) and may act on it (403). */
	private Mono<CardDossier> handled(String code, Caller officer) {
		return this.workflow.find(code, officer).doOnNext((dossier) -> DossierAccess.requireHandler(dossier, officer));
	}

	private Mono<Integer> holderAgeToday(CardDossier dossier) {
		return this.registry.find(dossier.holderPersonalId())
			.switchIfEmpty(Mono.error(() -> ApiException.conflict("identity-card.holder-not-in-registry")))
			.map((holder) -> CardRules.age(holder, VietnamTime.today(this.clock)));
	}

}
