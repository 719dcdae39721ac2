package vn.gov.bca.platform.data.sequence;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Numbers that are never given twice (dossier codes, passport numbers, receipt numbers): one document
 * per sequence, {@code {_id: name, sequence: n}}, incremented by one atomic find-and-modify, so that
 * concurrent callers on any instance each get their own number. A number taken by an attempt that
 * then fails is a gap, never a duplicate.
 */
public final class Sequences {

	private final ReactiveMongoTemplate mongo;

	private final String collection;

	public Sequences(ReactiveMongoTemplate mongo, String collection) {
		this.mongo = mongo;
		this.collection = collection;
	}

	/** The next number of the sequence: 1 the first time. */
	public Mono<Long> next(String name) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(name)), new Update().inc("sequence", 1L),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, this.collection)
			.map((counter) -> ((Number) counter.get("sequence")).longValue());
	}

}
