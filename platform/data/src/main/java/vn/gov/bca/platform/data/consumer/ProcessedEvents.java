package vn.gov.bca.platform.data.consumer;

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
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.context.RequestContext;

/**
 * Makes a consumer act once per event id although Kafka delivers at least once: it remembers the
 * ids it has processed ({@code processed_events}, expired by a TTL index after the retention
 * window of the topics). The handler runs first and the id is remembered after it succeeded, so a
 * failure is retried on redelivery rather than lost; handlers are written to be safe to repeat
 * for the rare redelivery between the two.
 */
public class ProcessedEvents {

	public static final String COLLECTION = "processed_events";

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
		return once(consumer, event.id(), Mono.defer(() -> handler.apply(event)))
			.contextWrite((context) -> context.put(RequestContext.KEY, event.requestContext()));
	}

	public Mono<Boolean> once(String consumer, String eventId, Mono<?> action) {
		String key = consumer + ":" + eventId;
		Query seen = Query.query(Criteria.where("_id").is(key));
		return this.mongo.exists(seen, COLLECTION).flatMap((processed) -> {
			if (processed) {
				log.debug("Event {} already processed by {}", eventId, consumer);
				return Mono.just(false);
			}
			return action.then(remember(key)).thenReturn(true);
		});
	}

	private Mono<Void> remember(String key) {
		Document marker = new Document("_id", key).append("processedAt", new Date());
		return this.mongo.insert(marker, COLLECTION).onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty()).then();
	}

}
