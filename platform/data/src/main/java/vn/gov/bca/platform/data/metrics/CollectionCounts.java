package vn.gov.bca.platform.data.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gauges of how many documents of a collection are in each group (dossiers by status and unit,
 * payment orders by status), counted by MongoDB every {@code interval} and exported as one row per
 * group: a group that no longer has any document disappears. Every instance of a service counts and
 * exports the same figures, so a dashboard takes their {@code max} by {@code service} and the
 * groups, never their sum. A count that fails keeps the last figures and is tried again at the next
 * interval.
 */
public final class CollectionCounts implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CollectionCounts.class);

	/**
	 * One gauge: the documents of {@code collection} that {@code match} selects (asked again at each
	 * count, e.g. for today's date), grouped by the fields {@code groupBy} names (tag → field path),
	 * each row also tagged with {@code service} (two services may count the same unit).
	 */
	public record Count(String name, String description, String service, String collection,
			Supplier<Criteria> match, Map<String, String> groupBy) {
	}

	private record Registered(Count count, MultiGauge gauge) {
	}

	private final ReactiveMongoTemplate mongo;

	private final QueryMapper queries;

	private final Duration interval;

	private final List<Registered> counts = new ArrayList<>();

	private volatile Disposable schedule;

	public CollectionCounts(ReactiveMongoTemplate mongo, MeterRegistry registry, Duration interval, List<Count> counts) {
		this.mongo = mongo;
		this.queries = new QueryMapper(mongo.getConverter());
		this.interval = interval;
		for (Count count : counts) {
			this.counts.add(new Registered(count,
					MultiGauge.builder(count.name())
						.description(count.description())
						.tag("service", count.service())
						.register(registry)));
		}
	}

	/** Counts every gauge once; completes when all are exported. */
	public Mono<Void> refresh() {
		return Flux.fromIterable(this.counts).concatMap(this::refresh).then();
	}

	private Mono<Void> refresh(Registered registered) {
		Count count = registered.count();
		Document groupId = new Document();
		count.groupBy().forEach((tag, field) -> groupId.append(tag, "$" + field));
		// As a find would send it: a LocalDate as its date, an enum by name.
		Document match = this.queries.getMappedObject(Query.query(count.match().get()).getQueryObject(),
				Optional.empty());
		// One row per group, not per document: at most the product of the values the grouped fields
		// take (statuses by units: a few thousand rows of under 200 bytes), however large the collection.
		List<Document> pipeline = List.of(new Document("$match", match),
				new Document("$group", new Document("_id", groupId).append("count", new Document("$sum", 1))));
		return this.mongo.getCollection(count.collection())
			.flatMapMany((collection) -> collection.aggregate(pipeline))
			.map((group) -> {
				Document id = group.get("_id", Document.class);
				List<String> tags = new ArrayList<>();
				count.groupBy().keySet().forEach((tag) -> {
					tags.add(tag);
					tags.add(String.valueOf(id.get(tag)));
				});
				return MultiGauge.Row.of(Tags.of(tags.toArray(String[]::new)), ((Number) group.get("count")).longValue());
			})
			.collectList()
			.doOnNext((rows) -> registered.gauge().register(rows, true))
			.then();
	}

	@Override
	public void start() {
		this.schedule = Flux.interval(Duration.ofSeconds(5), this.interval)
			.onBackpressureDrop()
			.concatMap((tick) -> refresh().onErrorResume((ex) -> {
				log.warn("Counting for the metrics failed, the last figures are kept: {}", ex.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable running = this.schedule;
		if (running != null) {
			running.dispose();
		}
		this.schedule = null;
	}

	@Override
	public boolean isRunning() {
		return this.schedule != null;
	}

}
