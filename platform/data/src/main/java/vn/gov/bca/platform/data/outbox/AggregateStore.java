package vn.gov.bca.platform.data.outbox;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.web.context.RequestContext;
import vn.gov.bca.platform.web.context.Traces;

/**
 * Saves an aggregate together with the events its transition returned, in one MongoDB document
 * write: the state and an {@code outbox} array holding the new events, atomic without a
 * transaction. An update names the version it was read at and fails with
 * {@link OptimisticLockingFailureException} (409) when someone else changed the aggregate since.
 * After a successful write the relay is asked to publish at once (a new document is written
 * leased to this instance, so its events need no claim); its sweep catches up with anything that
 * could not be published then.
 *
 * <p>The aggregate class is mapped by Spring Data (fields, {@code @Id}); it must have a numeric
 * {@code version} field. The outbox fields live only in the document, never in the aggregate.
 *
 * @param <T> the aggregate type
 */
public final class AggregateStore<T> {

	static final String VERSION = "version";

	/** Attempts of {@link #change} in all before a conflict is the caller's 409. */
	static final int CHANGE_ATTEMPTS = 3;

	private final ReactiveMongoTemplate mongo;

	private final OutboxRelay relay;

	private final JsonMapper json;

	private final Class<T> type;

	private final String collection;

	private final String eventTypePrefix;

	AggregateStore(ReactiveMongoTemplate mongo, OutboxRelay relay, JsonMapper json, Class<T> type, String collection,
			String eventTypePrefix) {
		this.mongo = mongo;
		this.relay = relay;
		this.json = json;
		this.type = type;
		this.collection = collection;
		this.eventTypePrefix = eventTypePrefix;
	}

	public String collection() {
		return this.collection;
	}

	public Mono<T> findById(String id) {
		return this.mongo.findById(id, this.type, this.collection);
	}

	/** Stores a new aggregate with its first events; a duplicate id fails with DuplicateKeyException. */
	public Mono<T> insert(T aggregate, List<? extends DomainEvent> events) {
		return Mono.deferContextual((context) -> {
			Document document = toDocument(aggregate);
			List<Document> entries = entries(events, context);
			if (entries.isEmpty()) {
				return this.mongo.insert(document, this.collection).thenReturn(aggregate);
			}
			document.put(OutboxRelay.OUTBOX, entries);
			document.put(OutboxRelay.PENDING, true);
			// Written leased to this instance: nobody else can hold a new document's events, so they are
			// published without claiming them again.
			document.put(OutboxRelay.LEASE, this.relay.lease(new Date()));
			return this.mongo.insert(document, this.collection)
				.doOnSuccess((saved) -> this.relay.publishOwned(this.collection, document.get("_id"), entries))
				.thenReturn(aggregate);
		});
	}

	/**
	 * Replaces the aggregate's state if it is still at {@code expectedVersion}, increments the
	 * version and appends the events to the outbox, all in one update of one document.
	 */
	public Mono<T> update(T aggregate, long expectedVersion, List<? extends DomainEvent> events) {
		return Mono.deferContextual((context) -> {
			Document document = toDocument(aggregate);
			Object id = document.remove("_id");
			document.remove(VERSION);
			Update update = new Update();
			for (Map.Entry<String, Object> field : document.entrySet()) {
				update.set(field.getKey(), field.getValue());
			}
			// The converter leaves out null fields: a field the aggregate cleared must be removed.
			this.mongo.getConverter()
				.getMappingContext()
				.getRequiredPersistentEntity(this.type)
				.doWithProperties((PropertyHandler<MongoPersistentProperty>) (property) -> {
					String field = property.getFieldName();
					if (!property.isIdProperty() && !VERSION.equals(field) && !document.containsKey(field)) {
						update.unset(field);
					}
				});
			update.set(VERSION, expectedVersion + 1);
			List<Document> entries = entries(events, context);
			if (!entries.isEmpty()) {
				update.push(OutboxRelay.OUTBOX).each(entries.toArray());
				update.set(OutboxRelay.PENDING, true);
			}
			Query query = Query.query(Criteria.where("_id").is(id).and(VERSION).is(expectedVersion));
			return this.mongo.updateFirst(query, update, this.collection).flatMap((result) -> {
				if (result.getMatchedCount() == 0) {
					return Mono.error(new OptimisticLockingFailureException(
							"Aggregate " + id + " in " + this.collection + " is no longer at version " + expectedVersion));
				}
				publishSoon(id, entries);
				return Mono.just(aggregate);
			});
		});
	}

	/**
	 * Reads the aggregate, applies the transition and writes the state with its events at the
	 * version read. When someone else wrote in between, the transition is applied again to a fresh
	 * read (its guards see the new state), {@value #CHANGE_ATTEMPTS} attempts in all; then the
	 * {@link OptimisticLockingFailureException} propagates (409). Empty when there is no aggregate
	 * with that id. An exception of the transition propagates and nothing is written.
	 */
	public Mono<T> change(String id, Transition<T> transition) {
		return Mono.defer(() -> findById(id).flatMap((aggregate) -> {
			long version = versionOf(aggregate);
			List<? extends DomainEvent> events = transition.apply(aggregate);
			return update(aggregate, version, (events != null) ? events : List.of());
		}))
			.retryWhen(Retry.max(CHANGE_ATTEMPTS - 1)
				.filter(OptimisticLockingFailureException.class::isInstance)
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
	}

	/** The version the aggregate was read at: its {@code version} field, read through the mapping. */
	private long versionOf(T aggregate) {
		var entity = this.mongo.getConverter().getMappingContext().getRequiredPersistentEntity(this.type);
		MongoPersistentProperty property = entity.getPersistentProperty(VERSION);
		if (property == null) {
			throw new IllegalStateException(this.type.getName() + " has no numeric version field");
		}
		Object version = entity.getPropertyAccessor(aggregate).getProperty(property);
		return (version instanceof Number number) ? number.longValue() : 0L;
	}

	private void publishSoon(Object id, List<Document> entries) {
		if (!entries.isEmpty()) {
			this.relay.publishSoon(this.collection, id);
		}
	}

	private Document toDocument(T aggregate) {
		Document document = new Document();
		this.mongo.getConverter().write(aggregate, document);
		document.remove("_class");
		return document;
	}

	private List<Document> entries(List<? extends DomainEvent> events, ContextView context) {
		RequestContext request = RequestContext.from(context).orElse(null);
		// The span at work (the request's server span, the consumer's span) becomes the parent of the
		// relay's publishing, so that the event's consumers join this trace.
		String traceparent = Traces.current(context)
			.map(Traces::traceparent)
			.orElse((request != null) ? request.nextHop().traceparent() : null);
		return events.stream().map((event) -> entry(event, request, traceparent)).toList();
	}

	private Document entry(DomainEvent event, RequestContext request, String traceparent) {
		OutboxEntry entry = new OutboxEntry(event.eventId().toString(), this.eventTypePrefix + event.eventType(),
				event.aggregateId(), event.occurredAt(), event.schemaVersion(), this.json.writeValueAsString(event),
				(request != null) ? request.requestId() : null, traceparent,
				EventSchemas.uri(event, this.relay.topic()));
		return OutboxRelay.toDocument(entry);
	}

}
