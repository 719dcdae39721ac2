package vn.gov.bca.loadtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The data a simulation draws its requests from, read from a service's database once the
 * service's bulk load (platform {@code BulkLoader}, collection {@code bulk_loads}) is complete, so
 * that the measurement starts on the whole data set. Prints how long the load took.
 */
final class LoadedData {

	private static final String MONGO = System.getProperty("mongo", "mongodb://localhost:27017");

	private LoadedData() {
	}

	/**
	 * Waits for the load to reach {@code size}, then returns {@code pick} of every document of the
	 * collection that matches the filter.
	 */
	static List<String> afterLoad(String database, String load, long size, String collection, Bson filter,
			Function<Document, String> pick) {
		try (MongoClient mongo = MongoClients.create(MONGO)) {
			MongoDatabase db = mongo.getDatabase(database);
			long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
			while (true) {
				Document marker = db.getCollection("bulk_loads").find(Filters.eq("_id", load)).first();
				long loaded = (marker != null) ? ((Number) marker.get("loaded")).longValue() : 0;
				if (marker != null && loaded >= size) {
					Duration took = Duration.between(marker.getDate("startedAt").toInstant(),
							marker.getDate("updatedAt").toInstant());
					System.out.printf("%s: %,d loaded in %d s (%,d per second)%n", load, loaded, took.toSeconds(),
							loaded / Math.max(1, took.toSeconds()));
					break;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(load + " has " + loaded + " of " + size + " items after an hour");
				}
				System.out.printf("Waiting for %s: %,d of %,d%n", load, loaded, size);
				sleep(Duration.ofSeconds(10));
			}
			List<String> values = new ArrayList<>();
			for (Document document : db.getCollection(collection).find(filter)) {
				values.add(pick.apply(document));
			}
			System.out.printf("%,d request values from %s.%s%n", values.size(), database, collection);
			return values;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
