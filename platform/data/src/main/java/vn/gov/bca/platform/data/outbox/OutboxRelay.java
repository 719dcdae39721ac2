package vn.gov.bca.platform.data.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the events waiting in aggregate documents to the service's Kafka topic, in order per
 * aggregate, and then removes them from the document (marks them sent).
 *
 * <ul>
 * <li>Right after a write, the writing instance publishes at once (the normal path). A new
 * document is written already leased to its writer, which publishes the events it wrote without
 * claiming them again; an update's events are claimed first.</li>
 * <li>A sweep finds documents still flagged {@code outboxPending} (Kafka was down, the instance
 * died after writing) and publishes them, with exponential backoff while Kafka is failing.</li>
 * <li>Before publishing, an instance claims the document with a lease ({@code outboxLease}); other
 * instances skip it until the lease expires, so several instances do not publish the same event
 * twice in normal operation. Consumers de-duplicate anyway (at-least-once delivery).</li>
 * </ul>
 * Records are keyed by aggregate id and carry CloudEvents binary-mode headers plus the request id
 * and trace context of the request that caused them.
 */
public class OutboxRelay implements SmartLifecycle, MeterBinder {

	static final String OUTBOX = "outbox";

	static final String PENDING = "outboxPending";

	static final String LEASE = "outboxLease";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final ReactiveMongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final OutboxProperties properties;

	private final String instanceId = UUID.randomUUID().toString();

	private final Set<String> collections = new CopyOnWriteArraySet<>();

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	private volatile Disposable sweeper;

	private volatile MeterRegistry metrics;

	/** Per collection: the documents the last sweep found still pending (their events not published at once). */
	private final Map<String, Backlog> backlog = new ConcurrentHashMap<>();

	private final Tracer tracer;

	private final Propagator propagator;

	/** Without tracing: the stored traceparent goes out as it is. */
	public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties) {
		this(mongo, kafka, properties, Tracer.NOOP, Propagator.NOOP);
	}

	/**
	 * With tracing: each event is published in a span whose parent is the span that wrote it (from
	 * its stored traceparent), so the Kafka template's producer span, and the consumers' spans after
	 * it, join the request that caused the event.
	 */
	public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
			Tracer tracer, Propagator propagator) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.properties = properties;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** Collections holding aggregates with an outbox; the sweep looks only at these. */
	public void register(String collection) {
		if (this.collections.add(collection)) {
			// The sweep's query: only documents with events still to publish carry the field.
			this.mongo.indexOps(collection)
				.createIndex(new Index(PENDING, Sort.Direction.ASC).sparse())
				.subscribe(null, (failure) -> log.warn("Outbox index of {} not created: {}", collection, failure.toString()));
		}
	}

	public String topic() {
		return this.properties.getTopic();
	}

	void publishSoon(String collection, Object id) {
		later(relay(collection, id), collection, id);
	}

	/**
	 * Publishes the events of a document this instance has just written with {@link #lease} set: it
	 * holds the lease already, so the events it wrote are sent without a claim.
	 */
	void publishOwned(String collection, Object id, List<Document> entries) {
		later(publishAll(collection, id, entries), collection, id);
	}

	private static void later(Mono<Integer> publishing, String collection, Object id) {
		publishing.subscribeOn(Schedulers.boundedElastic())
			.subscribe(null, (ex) -> log.warn("Outbox of {}/{} not published yet, the sweep will retry: {}", collection,
					id, ex.toString()));
	}

	/** This instance's lease from now: other instances leave the document's events to it until it ends. */
	Document lease(Date now) {
		return new Document("owner", this.instanceId).append("until",
				Date.from(now.toInstant().plus(this.properties.getLease())));
	}

	/** Claims one document, publishes its pending events in order, removes them; the number published. */
	public Mono<Integer> relay(String collection, Object id) {
		Date now = new Date();
		Query claimable = Query.query(Criteria.where("_id")
			.is(id)
			.and(PENDING)
			.is(true)
			.orOperator(Criteria.where(LEASE).exists(false), Criteria.where(LEASE + ".until").lt(now)));
		// Only the events come back: the aggregate's state is not needed to publish them.
		claimable.fields().include(OUTBOX);
		Update claim = new Update().set(LEASE, lease(now));
		return this.mongo
			.findAndModify(claimable, claim, FindAndModifyOptions.options().returnNew(true), Document.class, collection)
			.flatMap((document) -> publishAll(collection, id, document.getList(OUTBOX, Document.class, List.of())))
			.defaultIfEmpty(0);
	}

	private Mono<Integer> publishAll(String collection, Object id, List<Document> pending) {
		List<String> published = new ArrayList<>();
		return Flux.fromIterable(pending)
			.concatMap((entry) -> send(toEntry(entry)).doOnSuccess((ignored) -> published.add(entry.getString("eventId"))))
			.then(Mono.defer(() -> markAllSent(collection, id, pending)))
			.onErrorResume((ex) -> markSent(collection, id, published).then(Mono.error(ex)))
			.thenReturn(pending.size());
	}

	/**
	 * Every event held was published: in one update, the outbox, the pending flag and the lease go,
	 * if the outbox still is exactly what was held (its last event at its last place, nothing
	 * after). Events are only appended, and removed only by a lease's holder, so then it holds
	 * nothing else. Otherwise (events written meanwhile, or a holder after an expired lease removed
	 * some) the published ones are taken out one by one ({@link #markSent}).
	 */
	Mono<Void> markAllSent(String collection, Object id, List<Document> held) {
		if (held.isEmpty()) {
			return markSent(collection, id, List.of());
		}
		int last = held.size() - 1;
		Query unchanged = Query.query(Criteria.where("_id")
			.is(id)
			.and(OUTBOX + "." + last + ".eventId")
			.is(held.get(last).getString("eventId"))
			.and(OUTBOX + "." + held.size())
			.exists(false));
		List<String> published = held.stream().map((entry) -> entry.getString("eventId")).toList();
		return this.mongo.updateFirst(unchanged, new Update().unset(OUTBOX).unset(PENDING).unset(LEASE), collection)
			.flatMap((result) -> (result.getMatchedCount() == 1) ? Mono.<Void>empty()
					: markSent(collection, id, published));
	}

	private Mono<Void> send(OutboxEntry entry) {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.properties.getTopic(), null,
				entry.time().toEpochMilli(), entry.subject(), entry.data());
		header(record, "ce_specversion", "1.0");
		header(record, "ce_id", entry.eventId());
		header(record, "ce_type", entry.type());
		header(record, "ce_source", this.properties.getSource());
		header(record, "ce_time", entry.time().toString());
		header(record, "ce_subject", entry.subject());
		header(record, "ce_dataschemaversion", Integer.toString(entry.schemaVersion()));
		header(record, "ce_dataschema", entry.dataschema());
		header(record, "content-type", "application/json");
		header(record, "X-Request-Id", entry.requestId());
		if (this.tracer == Tracer.NOOP) {
			header(record, "traceparent", entry.traceparent());
		}
		// send() may block while the broker's metadata is unavailable (max.block.ms): off the event loop.
		return Mono.defer(() -> {
			Span span = publishingSpan(entry);
			try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
				// The template's observation makes the producer span, a child of this one, and writes its traceparent.
				return Mono.fromFuture(this.kafka.send(record)).doOnError(span::error).doFinally((signal) -> span.end());
			}
			catch (RuntimeException ex) {
				span.error(ex).end();
				return Mono.error(ex);
			}
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

	private Span publishingSpan(OutboxEntry entry) {
		Span.Builder builder = (entry.traceparent() != null)
				? this.propagator.extract(Map.of("traceparent", entry.traceparent()), Map::get)
				: this.tracer.spanBuilder();
		return builder.name("outbox publish")
			.tag("messaging.destination.name", this.properties.getTopic())
			.tag("cloudevents.event_type", entry.type())
			.start();
	}

	private static void header(ProducerRecord<String, String> record, String name, String value) {
		if (value != null) {
			record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
		}
	}

	/** Removes the published events and the lease; clears the pending flag only if nothing new arrived. */
	private Mono<Void> markSent(String collection, Object id, List<String> published) {
		Query document = Query.query(Criteria.where("_id").is(id));
		Update pull = new Update().unset(LEASE);
		if (!published.isEmpty()) {
			pull.pull(OUTBOX, Query.query(Criteria.where("eventId").in(published)).getQueryObject());
		}
		Query emptied = Query.query(Criteria.where("_id").is(id).and(OUTBOX).size(0));
		return this.mongo.updateFirst(document, pull, collection)
			.then(this.mongo.updateFirst(emptied, new Update().unset(PENDING).unset(OUTBOX), collection))
			.then();
	}

	/**
	 * Exports {@code vneid.outbox.pending} (tag {@code collection}): the documents whose events the
	 * last sweep found still unpublished, at most the batch size. Normally 0, since the writer
	 * publishes at once; above 0 for minutes, Kafka or this relay is failing and citizens' events wait.
	 * And {@code vneid.outbox.oldest.pending.seconds}: how long the oldest event among them has
	 * waited (0 when none waits; the sweep reads the pending documents in their natural order, about
	 * the order they were written, never sorting a backlog that may be large).
	 */
	@Override
	public void bindTo(MeterRegistry registry) {
		this.metrics = registry;
	}

	/** One pass over every registered collection; the number of events published. */
	public Mono<Integer> sweep() {
		return Flux.fromIterable(this.collections)
			.concatMap((collection) -> pending(collection).collectList().flatMapMany((found) -> {
				Backlog backlog = backlog(collection);
				backlog.count().set(found.size());
				backlog.oldest()
					.set(found.stream().mapToLong(Pending::oldestMillis).filter((millis) -> millis > 0).min().orElse(0));
				return Flux.fromIterable(found).map(Pending::id);
			}).flatMap((id) -> relay(collection, id), this.properties.getConcurrency()))
			.reduce(0, Integer::sum);
	}

	/** What the last sweep of a collection found: documents pending, and when the oldest event was written (0: none). */
	private record Backlog(AtomicInteger count, AtomicLong oldest) {
	}

	/** A document with unpublished events, and the time of its oldest (epoch millis, 0 if unknown). */
	private record Pending(Object id, long oldestMillis) {
	}

	private Backlog backlog(String collection) {
		return this.backlog.computeIfAbsent(collection, (name) -> {
			Backlog backlog = new Backlog(new AtomicInteger(), new AtomicLong());
			MeterRegistry registry = this.metrics;
			if (registry != null) {
				Gauge.builder("vneid.outbox.pending", backlog.count(), AtomicInteger::get)
					.tag("collection", name)
					.description("Documents whose events the last outbox sweep found unpublished")
					.register(registry);
				Gauge.builder("vneid.outbox.oldest.pending.seconds", backlog.oldest(), (oldest) -> {
					long since = oldest.get();
					return (since == 0) ? 0 : Math.max(0, (System.currentTimeMillis() - since) / 1000.0);
				})
					.tag("collection", name)
					.description("How long the oldest event the last outbox sweep found unpublished has waited")
					.register(registry);
			}
			return backlog;
		});
	}

	private Flux<Pending> pending(String collection) {
		Query query = Query.query(Criteria.where(PENDING).is(true)).limit(this.properties.getBatchSize());
		query.fields().include("_id").include(OUTBOX + ".time");
		return this.mongo.find(query, Document.class, collection).map((document) -> {
			long oldest = 0;
			List<?> entries = document.get(OUTBOX, List.class);
			if (entries != null) {
				for (Object entry : entries) {
					if (entry instanceof Document event && event.get("time") instanceof Date time
							&& (oldest == 0 || time.getTime() < oldest)) {
						oldest = time.getTime();
					}
				}
			}
			return new Pending(document.get("_id"), oldest);
		});
	}

	Duration nextDelay() {
		int failures = this.consecutiveFailures.get();
		if (failures == 0) {
			return this.properties.getSweepInterval();
		}
		long factor = 1L << Math.min(failures, 10);
		Duration backoff = this.properties.getSweepInterval().multipliedBy(factor);
		return (backoff.compareTo(this.properties.getMaxBackoff()) > 0) ? this.properties.getMaxBackoff() : backoff;
	}

	@Override
	public void start() {
		Mono<Void> pass = Mono.defer(this::sweep).doOnSuccess((published) -> {
			if (published != null && published > 0) {
				log.info("Outbox sweep published {} event(s) to {}", published, this.properties.getTopic());
			}
			this.consecutiveFailures.set(0);
		}).onErrorResume((ex) -> {
			int failures = this.consecutiveFailures.incrementAndGet();
			log.warn("Outbox sweep failed ({} in a row), retrying in {}: {}", failures, nextDelay(), ex.toString());
			return Mono.empty();
		}).then();
		this.sweeper = pass.then(Mono.defer(() -> Mono.delay(nextDelay()))).repeat().subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.sweeper;
		if (current != null) {
			current.dispose();
		}
		this.sweeper = null;
	}

	@Override
	public boolean isRunning() {
		return this.sweeper != null;
	}

	static Document toDocument(OutboxEntry entry) {
		return new Document("eventId", entry.eventId()).append("type", entry.type())
			.append("subject", entry.subject())
			.append("time", Date.from(entry.time()))
			.append("schemaVersion", entry.schemaVersion())
			.append("data", entry.data())
			.append("requestId", entry.requestId())
			.append("traceparent", entry.traceparent())
			.append("dataschema", entry.dataschema());
	}

	static OutboxEntry toEntry(Document document) {
		Date time = document.getDate("time");
		return new OutboxEntry(document.getString("eventId"), document.getString("type"),
				document.getString("subject"), (time != null) ? time.toInstant() : Instant.now(),
				document.getInteger("schemaVersion", 1), document.getString("data"), document.getString("requestId"),
				document.getString("traceparent"), document.getString("dataschema"));
	}

}
