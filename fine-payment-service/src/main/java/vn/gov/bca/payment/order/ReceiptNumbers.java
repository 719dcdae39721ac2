package vn.gov.bca.payment.order;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.sequence.Sequences;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Electronic receipt numbers {@code BL-<yyMMdd>-<8-digit sequence of the day>} (the payment's day in
 * Vietnam), from one sequence per day: unique across instances.
 */
@Component
class ReceiptNumbers {

	static final String COLLECTION = "counters";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd")
		.withZone(VietnamTime.ZONE);

	private final Sequences sequences;

	ReceiptNumbers(ReactiveMongoTemplate mongo) {
		this.sequences = new Sequences(mongo, COLLECTION);
	}

	Mono<String> next(Instant paidAt) {
		String day = DAY.format(paidAt);
		return this.sequences.next("receipt:" + day).map((sequence) -> String.format("BL-%s-%08d", day, sequence));
	}

}
