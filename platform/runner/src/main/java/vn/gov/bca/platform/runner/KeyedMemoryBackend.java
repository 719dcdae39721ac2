package vn.gov.bca.platform.runner;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's memory backend, using the {@code _id} index for every query that names one
 * {@code _id}, as MongoDB does. The server uses an index only when the query's fields are exactly
 * the index's, so a keyed read with one more condition ({@code {_id, version}}: an optimistic
 * update; {@code {_id, outboxPending}}: the outbox's claim) scanned every document of the
 * collection, a cost that grew with the collection (90 % of the server's CPU in the passport load
 * test, 13 to 29 ms per submission). Here the documents of that {@code _id} are looked up in its
 * index and the whole query is then matched against them alone; the answer is the same.
 */
final class KeyedMemoryBackend extends MemoryBackend {

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new KeyedDatabase(databaseName, getCursorRegistry());
	}

	private static final class KeyedDatabase extends MemoryDatabase {

		KeyedDatabase(String databaseName, CursorRegistry cursorRegistry) {
			super(databaseName, cursorRegistry);
		}

		@Override
		protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
			return new KeyedCollection(this, collectionName, options, this.cursorRegistry);
		}

	}

	private static final class KeyedCollection extends MemoryCollection {

		KeyedCollection(MemoryDatabase database, String collectionName, CollectionOptions options,
				CursorRegistry cursorRegistry) {
			super(database, collectionName, options, cursorRegistry);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			Object id = query.get("_id");
			// A plain value: one key. An operator ({"$in": ...}) or an embedded document goes the usual way.
			if (query.size() > 1 && id != null && !(id instanceof Document)) {
				Document byId = new Document("_id", id);
				for (Index<Integer> index : getIndexes()) {
					if (index.canHandle(byId)) {
						return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit,
								batchSize, fieldSelector);
					}
				}
			}
			return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

	}

}
