package vn.gov.bca.platform.data.sample;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.test.StepVerifier;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.testkit.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AggregateStore#change}: read, apply, write at the version read; a conflict is retried on a fresh read. */
@IntegrationTest
class ChangeTests {

	@Autowired
	private AggregateStore<Parcel> parcels;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Value("${spring.mongodb.uri}")
	private String mongoUri;

	/** Another instance: its own client, so that the transition may wait for its write. */
	private MongoClient otherInstance;

	@AfterEach
	void closeOtherInstance() {
		if (this.otherInstance != null) {
			this.otherInstance.close();
		}
	}

	@Test
	void appliesTheTransitionAndWritesTheStateWithItsEventsAtTheNextVersion() {
		String id = registered("HN-01");

		Parcel moved = this.parcels.change(id, (parcel) -> parcel.moveTo("HP-31")).block();

		assertThat(moved.location()).isEqualTo("HP-31");
		Document stored = stored(id);
		assertThat(stored.getLong("version")).isEqualTo(1);
		assertThat(stored.getString("location")).isEqualTo("HP-31");
	}

	@Test
	void aTransitionWithoutEventsStillWritesTheState() {
		String id = registered("HN-01");

		this.parcels.change(id, (parcel) -> {
			parcel.handTo("Bưu điện Hà Nội");
			return List.of();
		}).block();

		assertThat(stored(id).getString("courier")).isEqualTo("Bưu điện Hà Nội");
		assertThat(stored(id).getLong("version")).isEqualTo(1);
	}

	@Test
	void isEmptyWhenThereIsNoSuchAggregate() {
		AtomicInteger applied = new AtomicInteger();
		StepVerifier.create(this.parcels.change("no-such-parcel", (parcel) -> {
			applied.incrementAndGet();
			return parcel.moveTo("HP-31");
		})).verifyComplete();
		assertThat(applied).hasValue(0);
	}

	@Test
	void anExceptionOfTheTransitionPropagatesAndNothingIsWritten() {
		String id = registered("HN-01");

		StepVerifier.create(this.parcels.change(id, (parcel) -> parcel.moveTo("HN-01")))
			.expectError(IllegalStateException.class)
			.verify(Duration.ofSeconds(10));

		assertThat(stored(id).getLong("version")).isEqualTo(0);
	}

	@Test
	void aConcurrentWriteMakesItReapplyTheTransitionToAFreshRead() {
		String id = registered("HN-01");
		AtomicInteger attempts = new AtomicInteger();

		Parcel result = this.parcels.change(id, (parcel) -> {
			if (attempts.incrementAndGet() == 1) {
				moveBehindItsBack(id, "DN-48");
			}
			return parcel.handTo("courier seen at " + parcel.location());
		}).block(Duration.ofSeconds(10));

		assertThat(attempts).hasValue(2);
		// The second attempt saw the other write: both changes are kept.
		assertThat(result.courier()).isEqualTo("courier seen at DN-48");
		Document stored = stored(id);
		assertThat(stored.getString("location")).isEqualTo("DN-48");
		assertThat(stored.getString("courier")).isEqualTo("courier seen at DN-48");
		assertThat(stored.getLong("version")).isEqualTo(2);
	}

	@Test
	void afterThreeConflictsTheOptimisticLockFailurePropagates() {
		String id = registered("HN-01");
		AtomicInteger attempts = new AtomicInteger();

		StepVerifier.create(this.parcels.change(id, (parcel) -> {
			moveBehindItsBack(id, "DN-" + (10 + attempts.incrementAndGet()));
			return parcel.handTo("never written");
		})).expectError(OptimisticLockingFailureException.class).verify(Duration.ofSeconds(10));

		assertThat(attempts).hasValue(3);
		assertThat(stored(id)).doesNotContainKey("courier");
		assertThat(stored(id).getLong("version")).isEqualTo(3);
	}

	/**
	 * Another instance's write between the read and the write of the change under test, through
	 * its own client (blocking the store's own client inside its callback would wait for itself).
	 */
	private void moveBehindItsBack(String id, String destination) {
		if (this.otherInstance == null) {
			this.otherInstance = MongoClients.create(this.mongoUri);
		}
		ReactiveMongoTemplate other = new ReactiveMongoTemplate(this.otherInstance,
				new ConnectionString(this.mongoUri).getDatabase());
		other.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("location", destination).inc("version", 1), "parcels").block(Duration.ofSeconds(5));
	}

	private String registered(String location) {
		String id = UUID.randomUUID().toString();
		Parcel.Registration registration = Parcel.register(id, location);
		this.parcels.insert(registration.parcel(), List.of(registration.event())).block();
		return id;
	}

	private Document stored(String id) {
		return this.mongo.findById(id, Document.class, "parcels").block();
	}

}
