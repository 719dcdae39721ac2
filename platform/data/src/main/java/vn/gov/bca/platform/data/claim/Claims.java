package vn.gov.bca.platform.data.claim;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * "One open thing per key": one document per key ({@code _id}) naming who holds it open and who
 * settled it for good, e.g. the open payment order of a fine, or the open dossier of a person.
 * Taking a key is one conditional upsert on the unique {@code _id}: of two concurrent takes exactly
 * one gets it (the other's query does not match the document and its insert meets the key), with
 * no read-then-write window and no transaction.
 */
public class Claims {

	static final String OPEN_HOLDER = "openHolder";

	static final String SETTLED_BY = "settledBy";

	private final ReactiveMongoTemplate mongo;

	private final String collection;

	public Claims(ReactiveMongoTemplate mongo, String collection) {
		this.mongo = mongo;
		this.collection = collection;
	}

	/** The key as it stands: who holds it open and who settled it, each null when nobody. */
	public record Claim(String openHolder, String settledBy) {
	}

	public Mono<Claim> current(String key) {
		return this.mongo.findById(key, Document.class, this.collection)
			.map((claim) -> new Claim(claim.getString(OPEN_HOLDER), claim.getString(SETTLED_BY)))
			.defaultIfEmpty(new Claim(null, null));
	}

	/**
	 * True if the holder now holds the key open, also when it already did; false when another
	 * holder has it open or it is settled (a settled key is never taken again).
	 */
	public Mono<Boolean> take(String key, String holder) {
		Query free = Query.query(Criteria.where("_id")
			.is(key)
			.and(SETTLED_BY)
			.is(null)
			.orOperator(Criteria.where(OPEN_HOLDER).is(null), Criteria.where(OPEN_HOLDER).is(holder)));
		return this.mongo
			.findAndModify(free, new Update().set(OPEN_HOLDER, holder),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, this.collection)
			.map((claim) -> holder.equals(claim.getString(OPEN_HOLDER)))
			.onErrorResume(DuplicateKeyException.class, (taken) -> Mono.just(false));
	}

	/** The holder's open thing ended without settling: the key is free again. Nothing if another holds it. */
	public Mono<Void> release(String key, String holder) {
		Query held = Query.query(Criteria.where("_id").is(key).and(OPEN_HOLDER).is(holder));
		return this.mongo.updateFirst(held, new Update().unset(OPEN_HOLDER), this.collection).then();
	}

	/**
	 * The key is done for good by the holder (what settles wins over whoever holds it open, which
	 * is cleared). False when another holder had already settled it; true also when this one had.
	 */
	public Mono<Boolean> settle(String key, String holder) {
		Query notSettledByOther = Query.query(Criteria.where("_id")
			.is(key)
			.orOperator(Criteria.where(SETTLED_BY).is(null), Criteria.where(SETTLED_BY).is(holder)));
		Update update = new Update().set(SETTLED_BY, holder).unset(OPEN_HOLDER);
		return this.mongo
			.findAndModify(notSettledByOther, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
					Document.class, this.collection)
			.map((claim) -> holder.equals(claim.getString(SETTLED_BY)))
			.onErrorResume(DuplicateKeyException.class, (settledByOther) -> Mono.just(false));
	}

}
