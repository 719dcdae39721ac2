package vn.gov.bca.residence.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.dossier.DossierStatus;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.dossier.workflow.DossierView;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.residence.register.Relation;

/**
 * Consents to a residence registration, given by the person asked through their own VNeID account:
 * they see what they are asked (who, where, in which role) and give or refuse it once; or an officer
 * of the unit records a consent signed on paper and uploaded as the dossier's file of kind
 * {@code CONSENT}. Someone not asked learns nothing: 404.
 */
@RestController
class Consents {

	static final String SIGNED_CONSENT = "CONSENT";

	private final DossierWorkflow<ResidenceDossier, ResidenceForm> workflow;

	private final ReactiveMongoTemplate mongo;

	private final Attachments attachments;

	private final Clock clock;

	Consents(DossierWorkflow<ResidenceDossier, ResidenceForm> workflow, ReactiveMongoTemplate mongo,
			Attachments attachments, Clock clock) {
		this.workflow = workflow;
		this.mongo = mongo;
		this.attachments = attachments;
		this.clock = clock;
	}

	/**
	 * What one consent request shows the person asked: the applicant's name, the place and the people
	 * registered there with them, the role asked; not the applicant's personal id or other papers.
	 */
	record ConsentRequest(String dossierCode, ResidenceProcedure procedure, String applicantFullName,
			vn.gov.bca.platform.dossier.Address address, Relation relationToHead, int othersRegistered,
			Set<Consent.Role> roles, Consent.Status status, Instant requestedAt, Instant decidedAt,
			DossierStatus dossierStatus) {

		static ConsentRequest of(ResidenceDossier dossier, Consent consent) {
			ResidenceForm form = dossier.form();
			return new ConsentRequest(dossier.code(), dossier.procedure(), dossier.applicant().fullName(),
					form.address(), (form.household() != null) ? form.household().relationToHead() : null,
					form.others().size(), consent.roles(), consent.status(), dossier.receivedAt(), consent.decidedAt(),
					dossier.status());
		}

	}

	record Decision(@NotNull Boolean consent, @Size(max = 500) String note) {
	}

	record SignedConsent(@NotBlank @Size(max = 60) String attachmentId) {
	}

	/** The consent requests are found by the person asked (mongo-java-server ignores the index). */
	@EventListener(ApplicationReadyEvent.class)
	void declareIndexes() {
		this.mongo.indexOps(this.workflow.collection())
			.createIndex(new Index()
				.on("consents.personalId", Sort.Direction.ASC)
				.named("consents_personal_id"))
			.subscribe(null, (ex) -> LoggerFactory.getLogger(Consents.class)
				.warn("Could not declare the consent requests' index: {}", ex.toString()));
	}

	/** The consents the signed-in citizen is asked for, newest first. */
	@GetMapping("/api/residence/me/consent-requests")
	Mono<List<ConsentRequest>> mine(Caller caller) {
		caller.requireAnyRole(Caller.CITIZEN).requireIdentityLevel(2);
		String me = caller.personalId();
		return this.mongo
			.find(Query.query(Criteria.where("consents.personalId").is(me))
				.with(Sort.by(Sort.Direction.DESC, "receivedAt"))
				.limit(100), ResidenceDossier.class, this.workflow.collection())
			.flatMapIterable((dossier) -> dossier.consents()
				.stream()
				.filter((consent) -> consent.personalId().equals(me))
				.map((consent) -> ConsentRequest.of(dossier, consent))
				.toList())
			.collectList();
	}

	/** The person asked gives ({@code consent: true}) or refuses their consent, once. */
	@PostMapping("/api/residence/consent-requests/{code}")
	Mono<ConsentRequest> decide(@PathVariable @Size(max = 40) String code, @Valid @RequestBody Decision decision,
			Caller caller) {
		caller.requireAnyRole(Caller.CITIZEN).requireIdentityLevel(2);
		return this.workflow
			.change(code, (dossier) -> List.of(dossier.decide(caller, decision.consent(), decision.note(),
					this.clock.instant())))
			.map((dossier) -> ConsentRequest.of(dossier, dossier.consents()
				.stream()
				.filter((consent) -> consent.personalId().equals(caller.personalId()))
				.findFirst()
				.orElseThrow()));
	}

	/** An officer of the unit records the consent of one person as the signed paper uploaded to the dossier. */
	@PostMapping("/api/residence/dossiers/{code}/consents/{personalId}/signed-document")
	Mono<DossierView> signed(@PathVariable @Size(max = 40) String code,
			@PathVariable @Pattern(regexp = "[0-9]{12}") String personalId, @Valid @RequestBody SignedConsent signed,
			Caller caller) {
		return this.workflow.find(code, caller)
			.flatMap((dossier) -> this.attachments.list(code)
				.any((attachment) -> attachment.id().equals(signed.attachmentId())
						&& SIGNED_CONSENT.equals(attachment.kind()))
				.flatMap((found) -> found ? this.workflow.change(code, (fresh) -> List.of(fresh
					.recordSignedConsent(caller, personalId, signed.attachmentId(), this.clock.instant())))
						: Mono.error(ApiException.unprocessable("residence.consent-attachment-missing")
							.withError("attachmentId", "residence.consent-attachment-missing"))))
			.map(this.workflow::view);
	}

}
