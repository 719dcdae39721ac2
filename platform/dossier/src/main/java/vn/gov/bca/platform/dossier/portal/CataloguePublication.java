package vn.gov.bca.platform.dossier.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The service's procedures published to the national portal ({@code DongBoThuTuc}): names, field,
 * level, working days, fees with their periods, documents to submit, the units that handle them. Once
 * the service is up (tried again, waiting up to 5 minutes between attempts, until the portal takes
 * it), then with every daily reconciliation; the last outcome is kept in
 * {@code national_portal_catalogue} for the administrators.
 */
public class CataloguePublication {

	static final String COLLECTION = "national_portal_catalogue";

	private static final Logger log = LoggerFactory.getLogger(CataloguePublication.class);

	/** The last publication's outcome. */
	public record Outcome(@Id String id, int procedures, Instant attemptedAt, Instant publishedAt, String error) {
	}

	private final PortalDossiers dossiers;

	private final NationalPortalClient portal;

	private final ReactiveMongoTemplate mongo;

	private final String service;

	private final Clock clock;

	public CataloguePublication(PortalDossiers dossiers, NationalPortalClient portal, ReactiveMongoTemplate mongo,
			String service, Clock clock) {
		this.dossiers = dossiers;
		this.portal = portal;
		this.mongo = mongo;
		this.service = service;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void publishOnceUp() {
		publish().retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(5))
			.maxBackoff(Duration.ofMinutes(5))
			.filter(PortalFailure.class::isInstance))
			.subscribe((outcome) -> log.info("Catalogue of {} published to the national portal: {} procedures",
					this.service, outcome.procedures()), (failure) -> log.warn("Catalogue not published: {}", failure.toString()));
	}

	/** Publishes the catalogue now; fails with the portal's failure, which is recorded. */
	public Mono<Outcome> publish() {
		var procedures = this.dossiers.procedures();
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			return this.portal.publishProcedures(procedures)
				.then(save(new Outcome(this.service, procedures.size(), now, this.clock.instant(), null)))
				.onErrorResume(PortalFailure.class,
						(failure) -> last().map(Outcome::publishedAt)
							.map((published) -> new Outcome(this.service, procedures.size(), now, published,
									failure.getMessage()))
							.defaultIfEmpty(new Outcome(this.service, procedures.size(), now, null, failure.getMessage()))
							.flatMap(this::save)
							.then(Mono.error(failure)));
		});
	}

	public Mono<Outcome> last() {
		return this.mongo.findById(this.service, Outcome.class, COLLECTION);
	}

	private Mono<Outcome> save(Outcome outcome) {
		return this.mongo.save(outcome, COLLECTION);
	}

}
