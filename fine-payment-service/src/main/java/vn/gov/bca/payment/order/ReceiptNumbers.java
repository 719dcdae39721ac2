package vn.gov.bca.payment.order;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Electronic receipt numbers {@code BL-<yyMMdd>-<8-digit sequence of the day>} (the payment's day in
 * Vietnam), from one counter
 * document per day incremented atomically: unique across instances.
 */
@Component
class ReceiptNumbers {

	static final String COLLECTION = "counters";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd")
		.withZone(VietnamTime.ZONE);

	private final ReactiveMongoTemplate mongo;

	ReceiptNumbers(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Mono<String> next(Instant paidAt) {
		String day = DAY.format(paidAt);
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is("receipt:" + day)), new Update().inc("sequence", 1L),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
			.map((counter) -> String.format("BL-%s-%08d", day, ((Number) counter.get("sequence")).longValue()));
	}

}
