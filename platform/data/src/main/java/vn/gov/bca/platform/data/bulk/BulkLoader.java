package vn.gov.bca.platform.data.bulk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports large, deterministic data sets (the synthetic population, a million penalty decisions)
 * in unordered bulk inserts, resumably: a {@link BulkLoad} marker records how far the source has
 * been written, so that a restart goes on from there and a larger size loads only the rest.
 * Documents already present (an earlier, interrupted batch; records entered by hand) are duplicate
 * keys and are left as they are; any other write error fails the load. While one batch is written
 * the next is produced (on boundedElastic, never on an event-loop thread).
 *
 * <p>An import, not a use of the domain: no outbox, no events. The source converts each record as
 * its aggregate store would, so the documents are exactly those the service reads.
 */
public class BulkLoader {

	public static final String LOADS = "bulk_loads";

	private static final int DUPLICATE_KEY = 11000;

	private static final long PROGRESS_EVERY = 100_000;

	private static final Logger log = LoggerFactory.getLogger(BulkLoader.class);

	private final ReactiveMongoTemplate mongo;

	private final Map<String, Boolean> running = new ConcurrentHashMap<>();

	public BulkLoader(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Where a source of items is read: {@link #next} gives the documents of the next {@code count}
	 * items, by collection.
	 */
	public interface Cursor {

		Map<String, List<Document>> next(int count);

	}

	/** A deterministic source: a cursor positioned at any item. */
	@FunctionalInterface
	public interface Source {

		Cursor from(long index);

	}

	/**
	 * Loads items {@code 0} to {@code size - 1} of the source, from where an earlier run of the same
	 * load stopped: the number of documents written (0 when done already or running here).
	 */
	public Mono<Long> load(String name, long size, int batchSize, Source source) {
		return Mono.defer(() -> {
			if (this.running.putIfAbsent(name, Boolean.TRUE) != null) {
				return Mono.just(0L);
			}
			return this.mongo.findById(name, BulkLoad.class, LOADS)
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((previous) -> {
					long from = previous.map(BulkLoad::loaded).orElse(0L);
					if (from >= size) {
						log.info("{}: {} items already loaded, nothing to do", name, from);
						return Mono.just(0L);
					}
					Instant now = Instant.now();
					BulkLoad start = previous.map((load) -> load.resizedTo(size, now))
						.orElseGet(() -> BulkLoad.starting(name, size, now));
					return this.mongo.save(start, LOADS).flatMap((saved) -> loadFrom(saved, from, size, batchSize, source));
				})
				// Before the result reaches the caller (doFinally would run after it), so that a load
				// started right after this one ends is not taken for one still running.
				.doOnTerminate(() -> this.running.remove(name))
				.doOnCancel(() -> this.running.remove(name));
		});
	}

	/** Whether a load of that name runs in this instance now. */
	public boolean isRunning(String name) {
		return this.running.containsKey(name);
	}

	/**
	 * Every load recorded in this database. Unpaged on purpose: one marker per named load (a
	 * service has one or two, e.g. {@code synthetic-population:<seed>}, one more per seed an operator
	 * tries), each a few hundred bytes.
	 */
	public Flux<BulkLoad> loads() {
		return this.mongo.findAll(BulkLoad.class, LOADS);
	}

	private Mono<Long> loadFrom(BulkLoad start, long from, long size, int batchSize, Source source) {
		log.info("{}: loading items {} to {} in batches of {}", start.id(), from, size, batchSize);
		AtomicReference<Cursor> cursor = new AtomicReference<>();
		AtomicReference<BulkLoad> marker = new AtomicReference<>(start);
		AtomicLong inserted = new AtomicLong();
		long began = System.nanoTime();
		int batches = Math.toIntExact((size - from + batchSize - 1) / batchSize);
		return Flux.range(0, batches)
			.concatMap((batch) -> Mono.fromCallable(() -> {
				if (cursor.get() == null) {
					cursor.set(source.from(from));
				}
				long first = from + (long) batch * batchSize;
				int count = (int) Math.min(batchSize, size - first);
				return new Batch(first + count, cursor.get().next(count));
			}).subscribeOn(Schedulers.boundedElastic()), 1)
			.concatMap((batch) -> Flux.fromIterable(batch.documents().entrySet())
				.concatMap((collection) -> insertMissing(collection.getKey(), collection.getValue()))
				.reduce(0L, Long::sum)
				.flatMap((written) -> {
					inserted.addAndGet(written);
					BulkLoad progressed = marker.get().progressed(batch.end(), written, Instant.now());
					marker.set(progressed);
					logProgress(start.id(), batch.end(), batchSize, from, size, began);
					return this.mongo.save(progressed, LOADS);
				}), 1)
			.then(Mono.fromSupplier(() -> {
				double seconds = Math.max(Duration.ofNanos(System.nanoTime() - began).toMillis(), 1) / 1000.0;
				long count = size - from;
				log.info("{}: loaded {} items in {} s ({} per second), {} documents written", start.id(), count,
						"%.1f".formatted(seconds), Math.round(count / seconds), inserted.get());
				return inserted.get();
			}));
	}

	private static void logProgress(String name, long end, int batchSize, long from, long size, long began) {
		if (end < size && end / PROGRESS_EVERY != (end - batchSize) / PROGRESS_EVERY) {
			double seconds = Math.max(Duration.ofNanos(System.nanoTime() - began).toMillis(), 1) / 1000.0;
			log.info("{}: {} of {} loaded ({} per second)", name, end, size, Math.round((end - from) / seconds));
		}
	}

	/** Writes the documents not there yet: the number written. */
	public Mono<Long> insertMissing(String collection, List<Document> documents) {
		if (documents.isEmpty()) {
			return Mono.just(0L);
		}
		return this.mongo.getCollection(collection)
			.flatMap((target) -> Mono.from(target.insertMany(documents, new InsertManyOptions().ordered(false))))
			.thenReturn((long) documents.size())
			.onErrorResume(MongoBulkWriteException.class,
					(ex) -> onlyDuplicates(ex) ? Mono.just((long) documents.size() - ex.getWriteErrors().size())
							: Mono.error(ex));
	}

	private static boolean onlyDuplicates(MongoBulkWriteException ex) {
		return ex.getWriteConcernError() == null
				&& ex.getWriteErrors().stream().map(BulkWriteError::getCode).allMatch((code) -> code == DUPLICATE_KEY);
	}

	/** One batch produced: the index after its last item, and its documents by collection. */
	private record Batch(long end, Map<String, List<Document>> documents) {
	}

}
