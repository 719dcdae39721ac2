package vn.gov.bca.platform.data.consumer;

import java.time.Duration;
import java.util.Date;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.context.RequestContext;

/**
 * Makes a consumer act once per event id although Kafka delivers at least once, and although a
 * listener that returns a {@code Mono} may be handed the same event again before the first
 * delivery finished. Each delivery first claims the event id in {@code processed_events} (an
 * insert on a unique key: one wins); the winner runs the handler and marks the event done; a
 * failed handler gives its claim back so that the redelivery runs it again. A claim left by an
 * instance that died mid-way is taken over after {@link #CLAIM_TIMEOUT}. Entries expire with a
 * TTL index after the retention window of the topics.
 */
public class ProcessedEvents {

	public static final String COLLECTION = "processed_events";

	/** Longer than any handler runs; after it, a claim is presumed abandoned. */
	static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

	private final ReactiveMongoTemplate mongo;

	public ProcessedEvents(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Handles a Kafka record once for this consumer, in the request context of the request that
	 * caused the event. Completes true if the handler ran, false for a duplicate.
	 */
	public Mono<Boolean> handleOnce(String consumer, ConsumerRecord<String, String> record,
			Function<IncomingEvent, Mono<?>> handler) {
		IncomingEvent event = IncomingEvent.from(record);
		// contextCapture: the listener's observation (its consumer span, current on this thread) goes
		// into the Reactor context, so that the handler's MongoDB commands and the events it writes
		// join the trace of the event.
		return once(consumer, event.id(), Mono.defer(() -> handler.apply(event)))
			.contextWrite((context) -> context.put(RequestContext.KEY, event.requestContext()))
			.contextCapture();
	}

	public Mono<Boolean> once(String consumer, String eventId, Mono<?> action) {
		String key = consumer + ":" + eventId;
		return claim(key).flatMap((claimed) -> {
			if (!claimed) {
				log.debug("Event {} already processed (or being processed) by {}", eventId, consumer);
				return Mono.just(false);
			}
			return action.then(markDone(key))
				.thenReturn(true)
				.onErrorResume((ex) -> release(key).then(Mono.error(ex)));
		});
	}

	private Mono<Boolean> claim(String key) {
		Date now = new Date();
		Document marker = new Document("_id", key).append("state", "PROCESSING")
			.append("claimedAt", now)
			.append("processedAt", now);
		Query abandoned = Query.query(Criteria.where("_id")
			.is(key)
			.and("state")
			.is("PROCESSING")
			.and("claimedAt")
			.lt(Date.from(now.toInstant().minus(CLAIM_TIMEOUT))));
		return this.mongo.insert(marker, COLLECTION)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class,
					(duplicate) -> this.mongo.findAndModify(abandoned, new Update().set("claimedAt", now), Document.class, COLLECTION)
						.map((taken) -> true)
						.defaultIfEmpty(false));
	}

	private Mono<Void> markDone(String key) {
		Update done = new Update().set("state", "DONE").set("processedAt", new Date());
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), done, COLLECTION).then();
	}

	private Mono<Void> release(String key) {
		return this.mongo
			.remove(Query.query(Criteria.where("_id").is(key).and("state").is("PROCESSING")), COLLECTION)
			.then();
	}

}
