package vn.gov.bca.payment.decision;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.web.error.ApiException;

/** Receives penalty decisions from the violation systems, finds them, and records their payment. */
@Service
public class DecisionService {

	static final String COLLECTION = "decisions";

	private final AggregateStore<PenaltyDecision> decisions;

	private final DecisionKeys keys;

	private final Clock clock;

	DecisionService(AggregateStores stores, DecisionKeys keys, Clock clock) {
		this.decisions = stores.forCollection(PenaltyDecision.class, COLLECTION);
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * Stores a decision once per issuing unit and number: the same decision sent again is answered
	 * with the stored one ({@code created} false); a different decision under the same number is a
	 * conflict.
	 */
	public Mono<Receipt> receive(DecisionData data, String source) {
		return this.decisions.findById(data.id())
			.map((existing) -> sameOrConflict(existing, data))
			.switchIfEmpty(Mono.defer(() -> {
				PenaltyDecision.Received received = PenaltyDecision.receive(data, source, this.clock.instant());
				return this.keys.add(data)
					.then(this.decisions.insert(received.decision(), List.of(received.event())))
					.map((stored) -> new Receipt(stored, true))
					.onErrorResume(DuplicateKeyException.class,
							(raced) -> this.decisions.findById(data.id()).map((existing) -> sameOrConflict(existing, data)));
			}));
	}

	private static Receipt sameOrConflict(PenaltyDecision existing, DecisionData data) {
		if (!existing.data().equals(data)) {
			throw ApiException.conflict("decision.different-under-same-number");
		}
		return new Receipt(existing, false);
	}

	public Mono<PenaltyDecision> find(String issuingUnit, String decisionNumber) {
		return this.decisions.findById(DecisionData.idOf(issuingUnit, decisionNumber));
	}

	public Mono<PenaltyDecision> find(String id) {
		return this.decisions.findById(id);
	}

	/** Unpaid decisions of a vehicle, oldest first. */
	public Flux<PenaltyDecision> unpaidOf(VehiclePlate plate, VehicleType type) {
		return byKey(DecisionKeys.plate(plate, type))
			.filter((decision) -> decision.status() == PenaltyDecision.Status.UNPAID);
	}

	/** Every decision against this person or organisation, paid or not, oldest first. */
	public Flux<PenaltyDecision> ofViolator(String personalIdOrTaxCode) {
		return byKey(DecisionKeys.violator(personalIdOrTaxCode));
	}

	private Flux<PenaltyDecision> byKey(String key) {
		return this.keys.ids(key)
			.concatMap(this.decisions::findById)
			.sort((a, b) -> a.data().decisionDate().compareTo(b.data().decisionDate()));
	}

	/**
	 * Records the payment of a decision. Idempotent for the same order (callbacks and events can
	 * come twice); refused (409) when another order paid it.
	 */
	public Mono<PenaltyDecision> recordPayment(String decisionId, PenaltyDecision.Payment payment) {
		return Mono.defer(() -> this.decisions.findById(decisionId))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("decision")))
			.flatMap((decision) -> {
				long version = decision.version();
				return decision.paid(payment)
					.map((event) -> this.decisions.update(decision, version, List.of(event)))
					.orElseGet(() -> Mono.just(decision));
			})
			.retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance));
	}

	/** A decision and whether this call stored it. */
	public record Receipt(PenaltyDecision decision, boolean created) {
	}

}
