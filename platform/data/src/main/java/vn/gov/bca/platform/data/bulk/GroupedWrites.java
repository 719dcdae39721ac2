package vn.gov.bca.platform.data.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import vn.gov.bca.platform.web.error.ApiException;

/**
 * Writes to one collection sent together while the store is busy with the previous ones (a group
 * commit). A write goes out at once when none is in flight; the writes that arrive while one is in
 * flight go out together next, in one unordered bulk write of at most {@code maxGroup}. Each
 * caller's {@link Mono} completes only when the store has acknowledged that write, and fails with
 * that write's own error; so a caller waits as it would for its own command, the write is as
 * durable, and under load many callers share one command's cost in the driver and in the store.
 *
 * <p>For writes that are each complete on their own and whose order between concurrent callers
 * does not matter (an append-only log's entries). At most {@code maxQueued} writes wait: beyond,
 * a write is refused at once (503) rather than queued without end behind a slow store.
 */
public class GroupedWrites {

	/** The template's own translation: a duplicate key is a {@code DuplicateKeyException}, and so on. */
	private static final MongoExceptionTranslator TRANSLATOR = new MongoExceptionTranslator();

	private final ReactiveMongoTemplate mongo;

	private final String collection;

	private final int maxGroup;

	private final int maxQueued;

	private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicBoolean inFlight = new AtomicBoolean();

	public GroupedWrites(ReactiveMongoTemplate mongo, String collection, int maxGroup, int maxQueued) {
		if (maxGroup < 1 || maxQueued < maxGroup) {
			throw new IllegalArgumentException("maxGroup " + maxGroup + " must be at least 1 and at most maxQueued "
					+ maxQueued);
		}
		this.mongo = mongo;
		this.collection = collection;
		this.maxGroup = maxGroup;
		this.maxQueued = maxQueued;
	}

	/** Completes when the store has acknowledged this write; fails with its error, or at once when too many wait. */
	public Mono<Void> write(WriteModel<Document> write) {
		return Mono.create((sink) -> {
			if (this.queued.incrementAndGet() > this.maxQueued) {
				this.queued.decrementAndGet();
				// A 503 for the caller: the store is behind, try again later.
				sink.error(ApiException.unavailable("storage", new DataAccessResourceFailureException(
						"More than " + this.maxQueued + " writes to " + this.collection + " are waiting for the store")));
				return;
			}
			this.queue.add(new Pending(write, sink));
			drain();
		});
	}

	/** Sends the next group unless one is in flight; the one in flight sends the next when it ends. */
	private void drain() {
		while (!this.queue.isEmpty() && this.inFlight.compareAndSet(false, true)) {
			List<Pending> group = new ArrayList<>();
			Pending next;
			while (group.size() < this.maxGroup && (next = this.queue.poll()) != null) {
				group.add(next);
			}
			this.queued.addAndGet(-group.size());
			if (group.isEmpty()) {
				// Another thread took them between the check and the poll: let go and look again.
				this.inFlight.set(false);
				continue;
			}
			send(group);
			return;
		}
	}

	private void send(List<Pending> group) {
		List<WriteModel<Document>> writes = group.stream().map(Pending::write).toList();
		// Subscribed without the caller's Reactor context: the group is no single request's work.
		this.mongo.getCollection(this.collection)
			.flatMap((target) -> Mono.from(target.bulkWrite(writes, new BulkWriteOptions().ordered(false))))
			.subscribe((result) -> {
			}, (failure) -> finish(group, failure), () -> finish(group, null));
	}

	private void finish(List<Pending> group, Throwable failure) {
		// Free for the next group before the callers go on: their work must not hold the store's queue.
		this.inFlight.set(false);
		drain();
		if (failure == null) {
			group.forEach((pending) -> pending.sink().success());
			return;
		}
		if (failure instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null) {
			// Unordered: the writes without an error of their own were applied.
			Throwable[] errors = new Throwable[group.size()];
			for (BulkWriteError error : bulk.getWriteErrors()) {
				errors[error.getIndex()] = translate(
						new MongoWriteException(error, bulk.getServerAddress(), bulk.getErrorLabels()));
			}
			for (int i = 0; i < group.size(); i++) {
				if (errors[i] == null) {
					group.get(i).sink().success();
				}
				else {
					group.get(i).sink().error(errors[i]);
				}
			}
			return;
		}
		Throwable translated = (failure instanceof RuntimeException runtime) ? translate(runtime) : failure;
		group.forEach((pending) -> pending.sink().error(translated));
	}

	private Throwable translate(RuntimeException failure) {
		Throwable translated = TRANSLATOR.translateExceptionIfPossible(failure);
		return (translated != null) ? translated : failure;
	}

	private record Pending(WriteModel<Document> write, MonoSink<Void> sink) {
	}

}
