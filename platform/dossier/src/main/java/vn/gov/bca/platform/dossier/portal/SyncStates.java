package vn.gov.bca.platform.dossier.portal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dossiers' {@link SyncState}s, one document each in {@code national_portal_sync} keyed by the
 * dossier's code. A write replaces the state it was computed from only if nobody wrote it meanwhile
 * (its {@code version}); otherwise it fails, and the caller's retry reads it again.
 */
public class SyncStates {

	static final String COLLECTION = "national_portal_sync";

	private final ReactiveMongoTemplate mongo;

	public SyncStates(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The indexes of the administrators' list and the reconciliation, for a real MongoDB. */
	public Mono<Void> createIndexes() {
		return this.mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("state", Sort.Direction.ASC).on("_id", Sort.Direction.ASC))
			.then(this.mongo.indexOps(COLLECTION)
				.createIndex(new Index().on("changedDay", Sort.Direction.ASC).on("_id", Sort.Direction.ASC)))
			.then();
	}

	public Mono<SyncState> find(String code) {
		return this.mongo.findById(code, SyncState.class, COLLECTION);
	}

	/** The state of a dossier, a new one if it was never sent. */
	Mono<SyncState> of(String code) {
		return find(code).defaultIfEmpty(SyncState.none(code));
	}

	/** Writes {@code next} in place of {@code previous}, or fails if it changed meanwhile. */
	Mono<SyncState> save(SyncState previous, SyncState next) {
		if (previous.isNew()) {
			return this.mongo.insert(next, COLLECTION)
				.onErrorMap(DuplicateKeyException.class, (ex) -> conflict(next));
		}
		Query unchanged = Query.query(Criteria.where("_id").is(previous.code()).and("version").is(previous.version()));
		return this.mongo
			.findAndReplace(unchanged, next, FindAndReplaceOptions.options().returnNew(), SyncState.class, COLLECTION)
			.switchIfEmpty(Mono.error(() -> conflict(next)));
	}

	/** The dossiers waiting for an administrator, by code; at most {@code limit}. */
	public Flux<SyncState> deadLettered(int limit) {
		return this.mongo.find(Query.query(Criteria.where("state").is(SyncState.State.DEAD_LETTERED.name()))
			.with(Sort.by("_id"))
			.limit(limit), SyncState.class, COLLECTION);
	}

	/** A page of the dossiers last changed on that day, by code after {@code after} (null: from the start). */
	Flux<SyncState> changedOn(String day, String after, int limit) {
		Criteria criteria = Criteria.where("changedDay").is(day);
		if (after != null) {
			criteria = criteria.and("_id").gt(after);
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), SyncState.class, COLLECTION);
	}

	private static OptimisticLockingFailureException conflict(SyncState state) {
		return new OptimisticLockingFailureException("sync state of " + state.code() + " changed meanwhile");
	}

}
