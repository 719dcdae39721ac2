package vn.gov.bca.payment.decision;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lookup keys of decisions (plate and vehicle type; violator) as keyed documents listing
 * decision ids, so that the public lookup and a citizen's list are keyed reads on any
 * MongoDB-protocol server, secondary indexes or not. A key is written before its decision, so a
 * decision is never unreachable; an id whose decision was not written (a crash in between) is
 * skipped when read.
 */
@Component
class DecisionKeys {

	static final String COLLECTION = "decision_keys";

	private final ReactiveMongoTemplate mongo;

	DecisionKeys(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	static String plate(VehiclePlate plate, VehicleType type) {
		return "plate:" + plate.value() + ":" + type;
	}

	static String violator(String personalIdOrTaxCode) {
		return "violator:" + personalIdOrTaxCode;
	}

	static List<String> of(DecisionData data) {
		String violator = (data.violator().personalId() != null) ? data.violator().personalId()
				: data.violator().taxCode();
		return (violator != null) ? List.of(plate(data.plate(), data.vehicleType()), violator(violator))
				: List.of(plate(data.plate(), data.vehicleType()));
	}

	Mono<Void> add(DecisionData data) {
		return Flux.fromIterable(of(data))
			.concatMap((key) -> this.mongo.findAndModify(Query.query(Criteria.where("_id").is(key)),
					new Update().addToSet("ids", data.id()), FindAndModifyOptions.options().upsert(true),
					Document.class, COLLECTION))
			.then();
	}

	Flux<String> ids(String key) {
		return this.mongo.findById(key, Document.class, COLLECTION)
			.flatMapIterable((document) -> document.getList("ids", String.class, List.of()));
	}

}
