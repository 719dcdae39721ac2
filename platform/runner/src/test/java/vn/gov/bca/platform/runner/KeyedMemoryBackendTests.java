package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stack's memory backend answers a keyed query with more conditions exactly as a scan would:
 * the document of that id when it also matches the rest, nothing otherwise, for reads, updates,
 * find-and-modify and deletes.
 */
class KeyedMemoryBackendTests {

	private MongoServer server;

	private MongoClient client;

	private MongoCollection<Document> parcels;

	@BeforeEach
	void start() {
		this.server = new MongoServer(new KeyedMemoryBackend());
		InetSocketAddress address = this.server.bind();
		this.client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
		this.parcels = this.client.getDatabase("sample").getCollection("parcels");
		this.parcels.insertMany(List.of(new Document("_id", "a").append("version", 1L).append("pending", true),
				new Document("_id", "b").append("version", 2L)
					.append("outbox", List.of(new Document("eventId", "e1"), new Document("eventId", "e2"))),
				new Document("_id", "c").append("version", 2L)));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void aKeyedReadWithAnotherConditionFindsTheDocumentOnlyWhenItMatchesTheRest() {
		assertThat(this.parcels.find(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 2L))))
			.extracting((found) -> found.getString("_id"))
			.containsExactly("b");
		assertThat(this.parcels.find(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 1L)))).isEmpty();
		assertThat(this.parcels.find(Filters.and(Filters.eq("_id", "nowhere"), Filters.eq("version", 2L)))).isEmpty();
		assertThat(this.parcels.find(Filters.and(Filters.eq("_id", "b"), Filters.eq("outbox.1.eventId", "e2"),
				Filters.exists("outbox.2", false))))
			.hasSize(1);
		assertThat(this.parcels.find(Filters.and(Filters.eq("_id", "a"),
				Filters.or(Filters.exists("lease", false), Filters.eq("pending", false)))))
			.hasSize(1);
		// Not a single key: the usual path.
		assertThat(this.parcels.find(Filters.and(Filters.in("_id", "a", "c"), Filters.eq("version", 2L))))
			.extracting((found) -> found.getString("_id"))
			.containsExactly("c");
	}

	@Test
	void anOptimisticUpdateAFindAndModifyAndADeleteTouchOnlyTheMatchingDocument() {
		assertThat(this.parcels
			.updateOne(Filters.and(Filters.eq("_id", "c"), Filters.eq("version", 1L)), Updates.set("version", 3L))
			.getMatchedCount()).isZero();
		assertThat(this.parcels
			.updateOne(Filters.and(Filters.eq("_id", "c"), Filters.eq("version", 2L)), Updates.set("version", 3L))
			.getModifiedCount()).isEqualTo(1);
		assertThat(this.parcels.find(Filters.eq("_id", "c")).first().getLong("version")).isEqualTo(3L);
		assertThat(this.parcels.find(Filters.eq("_id", "b")).first().getLong("version")).isEqualTo(2L);

		Document claimed = this.parcels.findOneAndUpdate(
				Filters.and(Filters.eq("_id", "a"), Filters.eq("pending", true)), Updates.set("lease", "me"),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		assertThat(claimed.getString("lease")).isEqualTo("me");
		assertThat(this.parcels.findOneAndUpdate(Filters.and(Filters.eq("_id", "b"), Filters.eq("pending", true)),
				Updates.set("lease", "me"))).isNull();

		assertThat(this.parcels.deleteOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 9L)))
			.getDeletedCount()).isZero();
		assertThat(this.parcels.deleteOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 1L)))
			.getDeletedCount()).isEqualTo(1);
		assertThat(this.parcels.countDocuments()).isEqualTo(2);
	}

}
