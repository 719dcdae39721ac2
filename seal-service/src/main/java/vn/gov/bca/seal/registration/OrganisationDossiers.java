package vn.gov.bca.seal.registration;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.dossier.workflow.DossierView;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;
import vn.gov.bca.seal.organisation.Organisations;

/**
 * {@code GET /api/seal/organisations/{id}/dossiers}: an organisation's seal dossiers, newest first
 * (at most 100), for whoever acts for it today and the officers of its unit. A dossier itself stays
 * its filer's (the platform's access rule): a successor follows the organisation's dossiers here.
 */
@RestController
class OrganisationDossiers {

	private final DossierWorkflow<SealDossier, SealForm> workflow;

	private final Organisations organisations;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	OrganisationDossiers(DossierWorkflow<SealDossier, SealForm> workflow, Organisations organisations,
			ReactiveMongoTemplate mongo, Clock clock) {
		this.workflow = workflow;
		this.organisations = organisations;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The lookup of an organisation's dossiers. mongo-java-server ignores it. */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void declareIndex() {
		this.mongo.indexOps(this.workflow.collection())
			.createIndex(new org.springframework.data.mongodb.core.index.Index()
				.on("form.organisationId", Sort.Direction.ASC)
				.named("organisation"))
			.subscribe(null, (ex) -> org.slf4j.LoggerFactory.getLogger(OrganisationDossiers.class)
				.warn("Could not declare the organisation index of the dossiers: {}", ex.toString()));
	}

	@GetMapping("/api/seal/organisations/{id}/dossiers")
	Mono<List<DossierView>> dossiers(@PathVariable String id, Caller caller) {
		return this.organisations.find(id)
			.doOnNext((organisation) -> organisation.requireVisibleTo(caller, VietnamTime.today(this.clock)))
			.flatMap((organisation) -> this.mongo
				.find(Query.query(Criteria.where("form.organisationId").is(organisation.id()))
					.with(Sort.by(Sort.Direction.DESC, "receivedAt"))
					.limit(100), SealDossier.class, this.workflow.collection())
				.map(this.workflow::view)
				.collectList());
	}

}
