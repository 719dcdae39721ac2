package vn.gov.bca.payment.order;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.claim.Claims;
import vn.gov.bca.platform.data.claim.Claims.Claim;

/**
 * At most one open or succeeded order per thing to pay: the platform's "one open thing per key"
 * ({@link Claims}, collection {@code payment_claims}, key {@code FINE:<decision id>} or
 * {@code DOSSIER_FEE:<reference>}), held open by the open order and settled by the order that paid.
 * Of two concurrent attempts exactly one takes it.
 */
@Component
class PaymentClaims {

	static final String COLLECTION = "payment_claims";

	private final Claims claims;

	PaymentClaims(ReactiveMongoTemplate mongo) {
		this.claims = new Claims(mongo, COLLECTION);
	}

	static String key(ReferenceType type, String referenceId) {
		return type + ":" + referenceId;
	}

	/** The claim as it stands: the open order ({@code openHolder}) and the order that paid ({@code settledBy}). */
	Mono<Claim> current(ReferenceType type, String referenceId) {
		return this.claims.current(key(type, referenceId));
	}

	/** True if this order now holds the reference; false if another order is open or has paid it. */
	Mono<Boolean> take(ReferenceType type, String referenceId, String orderId) {
		return this.claims.take(key(type, referenceId), orderId);
	}

	/** The order ended without paying: the reference is free for another attempt. */
	Mono<Void> release(ReferenceType type, String referenceId, String orderId) {
		return this.claims.release(key(type, referenceId), orderId);
	}

	/**
	 * The order paid the reference. False when another order had already paid it (a double payment
	 * to refund); true also when this order was already recorded.
	 */
	Mono<Boolean> paid(ReferenceType type, String referenceId, String orderId) {
		return this.claims.settle(key(type, referenceId), orderId);
	}

}
