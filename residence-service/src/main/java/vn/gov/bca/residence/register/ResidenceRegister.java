package vn.gov.bca.residence.register;

import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.data.sequence.Sequences;

/**
 * The residence register ({@code residence_register}): one {@link ResidentFile} per person, written
 * with its events in one document. A file is opened by the first residence registered for the person.
 */
@Component
public class ResidenceRegister {

	static final String COLLECTION = "residence_register";

	private static final Logger log = LoggerFactory.getLogger(ResidenceRegister.class);

	private final AggregateStore<ResidentFile> files;

	private final ReactiveMongoTemplate mongo;

	private final Sequences households;

	ResidenceRegister(AggregateStores stores, ReactiveMongoTemplate mongo) {
		this.files = stores.forCollection(ResidentFile.class, COLLECTION);
		this.mongo = mongo;
		this.households = new Sequences(mongo, "residence_sequences");
	}

	/**
	 * The lookups' indexes: a file by its reference (each registry update), the current residences of
	 * a place (officers' lists) and of a kind (the nightly check). mongo-java-server ignores them.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void declareIndexes() {
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("reference", Sort.Direction.ASC).unique().named("reference"))
			.then(this.mongo.indexOps(COLLECTION)
				.createIndex(new Index().on("entries.address.provinceCode", Sort.Direction.ASC)
					.on("entries.address.commune", Sort.Direction.ASC)
					.named("place")))
			.then(this.mongo.indexOps(COLLECTION)
				.createIndex(new Index().on("entries.kind", Sort.Direction.ASC)
					.on("entries.state", Sort.Direction.ASC)
					.named("current")))
			.subscribe(null, (ex) -> log.warn("Could not declare the residence register's indexes: {}", ex.toString()));
	}

	public Mono<ResidentFile> find(String personalId) {
		return this.files.findById(personalId);
	}

	public Mono<ResidentFile> byReference(String reference) {
		return this.mongo.findOne(Query.query(Criteria.where("reference").is(reference)), ResidentFile.class,
				COLLECTION);
	}

	/**
	 * Applies a transition to the person's file, opening it when there is none: the file and the
	 * transition's events are written together. Two first registrations of one person at once: the
	 * second finds the file the first opened and applies its transition there.
	 */
	public Mono<ResidentFile> apply(String personalId, Function<ResidentFile, List<DomainEvent>> transition) {
		return Mono.defer(() -> this.files.change(personalId, transition::apply).switchIfEmpty(Mono.defer(() -> {
			ResidentFile file = ResidentFile.open(personalId);
			return this.files.insert(file, transition.apply(file));
		}))).retryWhen(Retry.max(2).filter(DuplicateKeyException.class::isInstance));
	}

	/** The people with a current residence in a commune (or the whole province), at most {@code limit}. */
	public Flux<ResidentFile> residentsOf(String province, String commune, int limit) {
		Criteria current = Criteria.where("state").is(ResidentFile.State.CURRENT.name()).and("address.provinceCode").is(province);
		if (commune != null) {
			current = current.and("address.commune").is(commune);
		}
		return this.mongo.find(Query.query(Criteria.where("entries").elemMatch(current))
			.with(Sort.by("_id"))
			.limit(limit), ResidentFile.class, COLLECTION);
	}

	/** Every file with a current residence of that kind, for the daily check (in pages by personal id). */
	public Flux<ResidentFile> withCurrent(ResidentFile.Kind kind, String after, int limit) {
		Criteria current = Criteria.where("state").is(ResidentFile.State.CURRENT.name()).and("kind").is(kind.name());
		return this.mongo.find(Query.query(Criteria.where("entries").elemMatch(current).and("_id").gt(after))
			.with(Sort.by("_id"))
			.limit(limit), ResidentFile.class, COLLECTION);
	}

	/** A new household's number: the province's code and ten digits. */
	public Mono<String> newHouseholdId(String province) {
		return this.households.next("household-" + province).map((next) -> province + "%010d".formatted(next));
	}

}
