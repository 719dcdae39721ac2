package vn.gov.bca.payment.order;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * At most one open or succeeded order per thing to pay: one document per reference
 * ({@code FINE:<decision id>}) holding the open order and the paying order. Taking the claim is a
 * single conditional upsert, so of two concurrent attempts exactly one gets it (the other meets
 * the unique {@code _id}).
 */
@Component
class PaymentClaims {

	static final String COLLECTION = "payment_claims";

	private final ReactiveMongoTemplate mongo;

	PaymentClaims(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	static String key(ReferenceType type, String referenceId) {
		return type + ":" + referenceId;
	}

	/** The claim as it stands: the open order and the order that paid, either possibly null. */
	record Claim(String openOrderId, String paidByOrderId) {
	}

	Mono<Claim> current(ReferenceType type, String referenceId) {
		return this.mongo.findById(key(type, referenceId), Document.class, COLLECTION)
			.map((claim) -> new Claim(claim.getString("openOrderId"), claim.getString("paidByOrderId")))
			.defaultIfEmpty(new Claim(null, null));
	}

	/** True if this order now holds the reference; false if another order is open or has paid it. */
	Mono<Boolean> take(ReferenceType type, String referenceId, String orderId) {
		Query free = Query.query(Criteria.where("_id")
			.is(key(type, referenceId))
			.and("openOrderId")
			.is(null)
			.and("paidByOrderId")
			.is(null));
		return this.mongo
			.findAndModify(free, new Update().set("openOrderId", orderId),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
			.map((claim) -> orderId.equals(claim.getString("openOrderId")))
			.onErrorResume(DuplicateKeyException.class, (taken) -> Mono.just(false));
	}

	/** The order ended without paying: the reference is free for another attempt. */
	Mono<Void> release(ReferenceType type, String referenceId, String orderId) {
		Query held = Query.query(Criteria.where("_id").is(key(type, referenceId)).and("openOrderId").is(orderId));
		return this.mongo.updateFirst(held, new Update().unset("openOrderId"), COLLECTION).then();
	}

	/**
	 * The order paid the reference. False when another order had already paid it (a double payment
	 * to refund); true also when this order was already recorded.
	 */
	Mono<Boolean> paid(ReferenceType type, String referenceId, String orderId) {
		Query notPaidByOther = Query.query(Criteria.where("_id")
			.is(key(type, referenceId))
			.orOperator(Criteria.where("paidByOrderId").is(null), Criteria.where("paidByOrderId").is(orderId)));
		Update update = new Update().set("paidByOrderId", orderId).unset("openOrderId");
		return this.mongo
			.findAndModify(notPaidByOther, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
					Document.class, COLLECTION)
			.map((claim) -> orderId.equals(claim.getString("paidByOrderId")))
			.onErrorResume(DuplicateKeyException.class, (paidByOther) -> Mono.just(false));
	}

}
