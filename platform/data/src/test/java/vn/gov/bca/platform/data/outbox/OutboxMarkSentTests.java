package vn.gov.bca.platform.data.outbox;

import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import vn.gov.bca.platform.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the relay removes once it published the events it held, against the test kit's MongoDB:
 * everything when the outbox is still exactly what it held, and never an event it did not publish
 * (one written meanwhile, or one that came after another instance took over an expired lease).
 */
class OutboxMarkSentTests {

	private static final String COLLECTION = "sample_mark_sent";

	private static MongoClient client;

	private static ReactiveMongoTemplate mongo;

	private static OutboxRelay relay;

	@BeforeAll
	static void connect() {
		client = MongoClients.create(TestInfrastructure.get().mongoUri("outbox_mark_sent"));
		mongo = new ReactiveMongoTemplate(client, "outbox_mark_sent");
		relay = new OutboxRelay(mongo, null, new OutboxProperties());
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Test
	void anOutboxStillAsHeldIsEmptiedWithItsFlagAndLease() {
		String id = write("e1", "e2");

		relay.markAllSent(COLLECTION, id, List.of(entry("e1"), entry("e2"))).block();

		assertThat(stored(id)).doesNotContainKeys(OutboxRelay.OUTBOX, OutboxRelay.PENDING, OutboxRelay.LEASE)
			.containsEntry("location", "HN-01");
	}

	@Test
	void anEventWrittenWhileTheHeldOnesWerePublishedStaysPending() {
		String id = write("e1", "e2", "e3");

		relay.markAllSent(COLLECTION, id, List.of(entry("e1"), entry("e2"))).block();

		Document stored = stored(id);
		assertThat(stored.getList(OutboxRelay.OUTBOX, Document.class)).extracting((event) -> event.getString("eventId"))
			.containsExactly("e3");
		assertThat(stored).containsEntry(OutboxRelay.PENDING, true).doesNotContainKey(OutboxRelay.LEASE);
	}

	@Test
	void anEventThatCameAfterAnotherInstanceEmptiedTheOutboxIsKept() {
		// The lease of the instance holding e1 ran out; another took over, published and removed e1,
		// and e9 was written since: the outbox has as many events as were held, but not the same.
		String id = write("e9");

		relay.markAllSent(COLLECTION, id, List.of(entry("e1"))).block();

		Document stored = stored(id);
		assertThat(stored.getList(OutboxRelay.OUTBOX, Document.class)).extracting((event) -> event.getString("eventId"))
			.containsExactly("e9");
		assertThat(stored).containsEntry(OutboxRelay.PENDING, true);
	}

	private static String write(String... eventIds) {
		String id = UUID.randomUUID().toString();
		List<Document> outbox = java.util.Arrays.stream(eventIds).map(OutboxMarkSentTests::entry).toList();
		mongo.insert(new Document("_id", id).append("location", "HN-01")
			.append(OutboxRelay.OUTBOX, outbox)
			.append(OutboxRelay.PENDING, true)
			.append(OutboxRelay.LEASE, relay.lease(new Date())), COLLECTION).block();
		return id;
	}

	private static Document entry(String eventId) {
		return new Document("eventId", eventId).append("type", "vn.gov.bca.parcel.ParcelMoved")
			.append("subject", "parcel")
			.append("time", new Date())
			.append("schemaVersion", 1)
			.append("data", "{}");
	}

	private static Document stored(String id) {
		return mongo.findById(id, Document.class, COLLECTION).block();
	}

}
