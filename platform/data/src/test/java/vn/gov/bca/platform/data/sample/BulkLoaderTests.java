package vn.gov.bca.platform.data.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import vn.gov.bca.platform.data.bulk.BulkLoad;
import vn.gov.bca.platform.data.bulk.BulkLoader;
import vn.gov.bca.platform.testkit.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A deterministic source of parcels (and one index document per ten) loaded in bulk. */
@IntegrationTest
class BulkLoaderTests {

	@Autowired
	private BulkLoader loader;

	@Autowired
	private ReactiveMongoTemplate mongo;

	private static BulkLoader.Source parcelsInto(String collection) {
		return (from) -> parcels(collection, from);
	}

	private static BulkLoader.Cursor parcels(String collection, long from) {
		long[] next = { from };
		return (count) -> {
			List<Document> parcels = new ArrayList<>();
			List<Document> tens = new ArrayList<>();
			for (int i = 0; i < count; i++, next[0]++) {
				parcels.add(new Document("_id", "P" + next[0]).append("weight", next[0] % 7));
				if (next[0] % 10 == 0) {
					tens.add(new Document("_id", "T" + next[0] / 10));
				}
			}
			return Map.of(collection, parcels, collection + "_tens", tens);
		};
	}

	@Test
	void aLoadIsResumedFromItsMarkerAndALargerSizeLoadsOnlyTheRest() {
		// Someone entered parcel 5 by hand before the load: it is kept as it is.
		this.mongo.save(new Document("_id", "P5").append("weight", 99), "bulk_parcels").block();

		assertThat(this.loader.load("parcels", 1_000, 300, parcelsInto("bulk_parcels")).block()).isEqualTo(1_099);
		assertThat(count("bulk_parcels")).isEqualTo(1_000);
		assertThat(count("bulk_parcels_tens")).isEqualTo(100);
		assertThat(this.mongo.findById("P5", Document.class, "bulk_parcels").block().getInteger("weight")).isEqualTo(99);

		assertThat(this.loader.load("parcels", 1_000, 300, parcelsInto("bulk_parcels")).block()).isZero();

		assertThat(this.loader.load("parcels", 1_500, 300, parcelsInto("bulk_parcels")).block()).isEqualTo(550);
		assertThat(count("bulk_parcels")).isEqualTo(1_500);
		BulkLoad marker = this.loader.loads().filter((load) -> load.id().equals("parcels")).blockFirst();
		assertThat(marker.loaded()).isEqualTo(1_500);
		assertThat(marker.size()).isEqualTo(1_500);
		assertThat(marker.completedAt()).isNotNull();
	}

	@Test
	void aLoadCutShortGoesOnFromTheLastBatchWritten() {
		this.loader.load("cut", 600, 200, parcelsInto("cut_parcels")).block();
		BulkLoad complete = this.loader.loads().filter((load) -> load.id().equals("cut")).blockFirst();
		// As if the process had died after the first batch of a larger load.
		this.mongo.save(new BulkLoad("cut", 900, 200, 200, complete.startedAt(), complete.updatedAt(), null),
				BulkLoader.LOADS).block();

		assertThat(this.loader.load("cut", 900, 200, parcelsInto("cut_parcels")).block()).isEqualTo(300 + 30);
		assertThat(this.loader.loads().filter((load) -> load.id().equals("cut")).blockFirst().loaded()).isEqualTo(900);
	}

	private long count(String collection) {
		return this.mongo.count(new Query(), collection).block();
	}

}
