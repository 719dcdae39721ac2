package vn.gov.bca.platform.data.sample;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.bulk.GroupedWrites;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes sent together while the store is busy, against the test kit's MongoDB. */
@IntegrationTest
class GroupedWritesTests {

	private static final String COLLECTION = "sample_grouped";

	@Autowired
	private ReactiveMongoTemplate mongo;

	private static UpdateOneModel<Document> append(String bucket, int entry) {
		return new UpdateOneModel<>(Filters.eq("_id", bucket), Updates.push("entries", entry),
				new UpdateOptions().upsert(true));
	}

	private List<Integer> entries(String bucket) {
		Document stored = this.mongo.findById(bucket, Document.class, COLLECTION).block();
		return (stored != null) ? stored.getList("entries", Integer.class) : List.of();
	}

	@Test
	void everyConcurrentWriteIsAcknowledgedAndStored() {
		GroupedWrites writes = new GroupedWrites(this.mongo, COLLECTION, 50, 10_000);
		String prefix = UUID.randomUUID() + ":";

		Flux.range(0, 1_000)
			.flatMap((i) -> writes.write(append(prefix + (i % 10), i)), 200)
			.then()
			.block(Duration.ofSeconds(60));

		for (int bucket = 0; bucket < 10; bucket++) {
			int first = bucket;
			assertThat(entries(prefix + bucket)).as("bucket " + bucket)
				.hasSize(100)
				.allSatisfy((entry) -> assertThat(entry % 10).isEqualTo(first));
		}
	}

	@Test
	void aWriteTheStoreRefusesFailsAloneAndTheOthersOfItsGroupAreStored() {
		GroupedWrites writes = new GroupedWrites(this.mongo, COLLECTION, 50, 10_000);
		String prefix = UUID.randomUUID() + ":";
		// Pushing to a field that is not an array is refused by the store, for that write only.
		this.mongo.insert(new Document("_id", prefix + "broken").append("entries", "not an array"), COLLECTION)
			.block();
		AtomicInteger refused = new AtomicInteger();

		Flux.range(0, 200)
			.flatMap((i) -> writes.write(append(prefix + ((i == 100) ? "broken" : "good"), i))
				.onErrorResume((failure) -> {
					refused.incrementAndGet();
					return Mono.empty();
				}), 200)
			.then()
			.block(Duration.ofSeconds(60));

		assertThat(refused).as("only the write to the broken document fails").hasValue(1);
		assertThat(entries(prefix + "good")).hasSize(199).doesNotContain(100);
	}

	@Test
	void beyondTheWaitingLimitAWriteIsRefusedWithA503AndNothingOfItIsWritten() {
		GroupedWrites writes = new GroupedWrites(this.mongo, COLLECTION, 1, 1);
		String prefix = UUID.randomUUID() + ":";
		AtomicInteger unavailable = new AtomicInteger();

		// One write in flight, one waiting: those subscribed meanwhile find the queue full.
		List<Mono<Void>> subscribed = Flux.range(0, 50)
			.map((i) -> writes.write(append(prefix + i, i))
				.onErrorResume(ApiException.class, (refusal) -> {
					assertThat(refusal.type()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
					unavailable.incrementAndGet();
					return Mono.empty();
				})
				.cache())
			.collectList()
			.block();
		subscribed.forEach(Mono::subscribe);
		Flux.merge(subscribed).then().block(Duration.ofSeconds(60));

		assertThat(unavailable.get()).isGreaterThan(0);
		long stored = this.mongo.count(Query.query(Criteria.where("_id").regex("^" + prefix)), COLLECTION).block();
		assertThat(stored).isEqualTo(50 - unavailable.get());
	}

}
