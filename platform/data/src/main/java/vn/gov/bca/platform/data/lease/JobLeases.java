package vn.gov.bca.platform.data.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Scheduled jobs that must run on one instance at a time (reconciliations, reports): each run first
 * takes a lease on the job's name, a document in {@code job_leases} that one instance holds until it
 * expires. An instance that dies mid-run holds the job only until then. Several instances of a
 * service can schedule the same job; one runs it, the others skip that turn.
 */
public class JobLeases {

	static final String COLLECTION = "job_leases";

	private final ReactiveMongoTemplate mongo;

	private final String owner = UUID.randomUUID().toString();

	public JobLeases(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Runs the job if this instance gets the lease for {@code leaseTime} (which must exceed the
	 * job's longest run); empty if another instance holds it. The lease is released after the run.
	 */
	public <T> Mono<T> runExclusively(String job, Duration leaseTime, Mono<T> run) {
		return acquire(job, leaseTime).flatMap((acquired) -> acquired
				? run.flatMap((result) -> release(job).thenReturn(result))
					.switchIfEmpty(release(job).then(Mono.empty()))
					.onErrorResume((failure) -> release(job).then(Mono.error(failure)))
				: Mono.empty());
	}

	Mono<Boolean> acquire(String job, Duration leaseTime) {
		Instant now = Instant.now();
		Query free = Query.query(Criteria.where("_id")
			.is(job)
			.orOperator(Criteria.where("until").lt(Date.from(now)), Criteria.where("owner").is(this.owner)));
		Update take = new Update().set("owner", this.owner)
			.set("until", Date.from(now.plus(leaseTime)))
			.set("takenAt", Date.from(now));
		return this.mongo
			.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class,
					COLLECTION)
			.map((lease) -> this.owner.equals(lease.getString("owner")))
			.onErrorResume(DuplicateKeyException.class, (held) -> Mono.just(false));
	}

	Mono<Void> release(String job) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(job).and("owner").is(this.owner)),
					new Update().set("until", new Date(0)), COLLECTION)
			.then();
	}

}
