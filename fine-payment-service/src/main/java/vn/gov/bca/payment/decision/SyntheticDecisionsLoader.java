package vn.gov.bca.payment.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import vn.gov.bca.platform.data.bulk.BulkLoader;

/**
 * Loads {@code vneid.payment.synthetic-decisions} ({@code PAYMENT_SYNTHETIC_DECISIONS}, default 0)
 * {@link SyntheticDecisions} in the background once the service is ready: the decisions as the
 * decision store writes them, and their lookup keys (plate and vehicle type; violator), through the
 * platform's {@link BulkLoader}, resumable, without events (an import, not a million decisions
 * received). For load tests and demos only.
 */
@Component
class SyntheticDecisionsLoader {

	static final int BATCH_SIZE = 6_000;

	static final long SEED = 20_261_101L;

	private static final Logger log = LoggerFactory.getLogger(SyntheticDecisionsLoader.class);

	private final ReactiveMongoTemplate mongo;

	private final BulkLoader loader;

	private final long size;

	SyntheticDecisionsLoader(ReactiveMongoTemplate mongo, BulkLoader loader,
			@Value("${vneid.payment.synthetic-decisions:0}") long size) {
		this.mongo = mongo;
		this.loader = loader;
		this.size = Math.min(size, SyntheticDecisions.MAX_SIZE);
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadInBackground() {
		if (this.size > 0) {
			load().subscribeOn(Schedulers.boundedElastic())
				.subscribe(null, (ex) -> log.error("Synthetic decisions not loaded; the next start goes on", ex));
		}
	}

	Mono<Long> load() {
		SyntheticDecisions decisions = new SyntheticDecisions(SEED);
		return this.loader.load("synthetic-decisions:" + SEED, this.size, BATCH_SIZE,
				(from) -> new Cursor(decisions, from));
	}

	/**
	 * Decisions from an index on, with the key documents of each vehicle whose first decision is
	 * among them (listing all its decisions, also those a smaller size leaves out: ids without a
	 * decision are skipped when read).
	 */
	private final class Cursor implements BulkLoader.Cursor {

		private final SyntheticDecisions decisions;

		private long next;

		Cursor(SyntheticDecisions decisions, long from) {
			this.decisions = decisions;
			this.next = from;
		}

		@Override
		public Map<String, List<Document>> next(int count) {
			List<Document> stored = new ArrayList<>(count);
			Map<String, List<String>> keys = new LinkedHashMap<>();
			for (int i = 0; i < count; i++, this.next++) {
				PenaltyDecision decision = this.decisions.decision(this.next);
				stored.add(document(decision));
				long vehicle = SyntheticDecisions.vehicleOf(this.next);
				if (SyntheticDecisions.decisionsOf(vehicle).get(0) == this.next) {
					List<String> ids = SyntheticDecisions.decisionsOf(vehicle)
						.stream()
						.map((index) -> DecisionData.idOf(this.decisions.unitOf(index), SyntheticDecisions.numberOf(index)))
						.toList();
					for (String key : DecisionKeys.of(decision.data())) {
						keys.put(key, ids);
					}
				}
			}
			List<Document> keyDocuments = new ArrayList<>(keys.size());
			keys.forEach((key, ids) -> keyDocuments.add(new Document("_id", key).append("ids", ids)));
			return Map.of(DecisionService.COLLECTION, stored, DecisionKeys.COLLECTION, keyDocuments);
		}

		private Document document(PenaltyDecision decision) {
			Document document = new Document();
			SyntheticDecisionsLoader.this.mongo.getConverter().write(decision, document);
			document.remove("_class");
			return document;
		}

	}

}
