package vn.gov.bca.platform.data.paging;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every document a filter selects, however many there are, read as a series of bounded finds:
 * pages of at most {@code pageSize} in {@code _id} order, each asking for the ids after the last
 * one seen (keyset paging: no skip for the server to walk, and a document written meanwhile moves
 * no other from one page to the next). No reply then depends on the number of matching documents:
 * MongoDB would cut a large result into batches, but mongo-java-server may ignore batch sizes and
 * answer a find with every match at once, past the 48 MB a reply can hold.
 *
 * <p>A page is asked for when the one before it has been read, so a caller that stops early (the
 * first match of {@code any}) reads at most one page more than it used. The filter must not
 * constrain {@code _id} itself: the paging does.
 */
public final class KeysetPages {

	private KeysetPages() {
	}

	/**
	 * The pages of the documents {@code filter} selects, in {@code _id} order; none when nothing
	 * matches. {@code idOf} gives a document's {@code _id} as the mapping writes it.
	 */
	public static <T> Flux<List<T>> pages(ReactiveMongoOperations mongo, Criteria filter, Class<T> type,
			String collection, int pageSize, Function<T, ?> idOf) {
		if (pageSize < 1) {
			throw new IllegalArgumentException("pageSize must be at least 1, not " + pageSize);
		}
		return page(mongo, filter, type, collection, pageSize, null)
			.expand((page) -> (page.size() < pageSize) ? Mono.empty()
					: page(mongo, filter, type, collection, pageSize, idOf.apply(page.get(page.size() - 1))))
			.filter((page) -> !page.isEmpty());
	}

	/** The documents {@code filter} selects, in {@code _id} order, read {@code pageSize} at a time. */
	public static <T> Flux<T> all(ReactiveMongoOperations mongo, Criteria filter, Class<T> type, String collection,
			int pageSize, Function<T, ?> idOf) {
		return pages(mongo, filter, type, collection, pageSize, idOf).concatMapIterable(Function.identity());
	}

	private static <T> Mono<List<T>> page(ReactiveMongoOperations mongo, Criteria filter, Class<T> type,
			String collection, int pageSize, Object after) {
		// A new query each time: Criteria.and would add to the filter's own chain.
		Query query = Query.query(filter);
		if (after != null) {
			query.addCriteria(Criteria.where("_id").gt(after));
		}
		return mongo.find(query.with(Sort.by("_id")).limit(pageSize), type, collection).collectList();
	}

}
