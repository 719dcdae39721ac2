package vn.gov.bca.platform.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Dossier codes as Circular 01/2018/TT-VPCP writes them: {@code <unit code>-YYMMDD-NNNN}, the
 * receiving unit, the day received (Vietnam time) and a sequence per unit and day. The sequence is
 * one counter document per unit and day, incremented atomically: codes are unique however many
 * instances submit at once; a code taken by a submission that then failed is simply not used (no
 * gaps are needed). A unit receiving more than 9,999 dossiers a day gets five digits from the
 * 10,000th on rather than a refusal.
 */
public class DossierCodes {

	static final String COLLECTION = "dossier_code_counters";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

	private static final Pattern UNIT = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,29}");

	private final ReactiveMongoTemplate mongo;

	public DossierCodes(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Mono<String> next(String unitCode, LocalDate received) {
		if (unitCode == null || !UNIT.matcher(unitCode).matches()) {
			return Mono.error(new IllegalArgumentException("Not a unit code: " + unitCode));
		}
		String day = DAY.format(received);
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(unitCode + ":" + day)), new Update().inc("sequence", 1L),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
			.map((counter) -> format(unitCode, day, ((Number) counter.get("sequence")).longValue()));
	}

	static String format(String unitCode, String day, long sequence) {
		return unitCode + "-" + day + "-" + String.format("%04d", sequence);
	}

}
