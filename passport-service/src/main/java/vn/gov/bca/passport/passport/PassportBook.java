package vn.gov.bca.passport.passport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.sequence.Sequences;

/**
 * The passports issued to each person (a document per holder; also those issued before this system):
 * a usable one (not expired, not reported lost) bars another. Numbers are {@code C} and seven digits.
 * Entries come from the dossiers' events: a write may come twice and changes nothing the second time.
 */
@Component
public class PassportBook {

	static final String HOLDERS = "passport_holders";

	static final String COUNTERS = "passport_counters";

	private final ReactiveMongoTemplate mongo;

	private final Sequences numbers;

	private final Clock clock;

	PassportBook(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.numbers = new Sequences(mongo, COUNTERS);
		this.clock = clock;
	}

	/** A passport in the book. */
	public record Entry(String number, LocalDate issuedOn, LocalDate expiresOn, boolean chip, String dossierCode,
			boolean reportedLost) {

		public boolean isUsableOn(LocalDate day) {
			return !this.reportedLost && day.isBefore(this.expiresOn);
		}

	}

	public Flux<Entry> of(String holderPersonalId) {
		return this.mongo.findById(holderPersonalId, Document.class, HOLDERS)
			.flatMapIterable((holder) -> holder.getList("passports", Document.class, List.of()))
			.map((passport) -> new Entry(passport.getString("number"), LocalDate.parse(passport.getString("issuedOn")),
					LocalDate.parse(passport.getString("expiresOn")), passport.getBoolean("chip", false),
					passport.getString("dossierCode"), passport.getBoolean("reportedLost", false)));
	}

	/** The passports the holder could still travel with on that day. */
	public Flux<Entry> usable(String holderPersonalId, LocalDate day) {
		return of(holderPersonalId).filter((entry) -> entry.isUsableOn(day));
	}

	public Mono<String> nextNumber() {
		return this.numbers.next("passport-number").map((sequence) -> String.format("C%07d", sequence));
	}

	/** Enters the passport unless it is there already. */
	public Mono<Void> record(String holderPersonalId, Entry entry) {
		Document passport = new Document("number", entry.number()).append("issuedOn", entry.issuedOn().toString())
			.append("expiresOn", entry.expiresOn().toString())
			.append("chip", entry.chip())
			.append("dossierCode", entry.dossierCode())
			.append("reportedLost", entry.reportedLost())
			.append("recordedAt", Date.from(this.clock.instant()));
		Query absent = Query.query(Criteria.where("_id").is(holderPersonalId).and("passports.number").ne(entry.number()));
		return this.mongo.upsert(absent, new Update().push("passports", passport), HOLDERS)
			// The holder's document exists with that passport: the upsert's insert meets the unique _id.
			.onErrorResume(DuplicateKeyException.class, (recorded) -> Mono.empty())
			.then();
	}

	/** The holder reports a passport lost: it can no longer be used, and a re-issue is possible. */
	public Mono<Boolean> reportLost(String holderPersonalId, String number) {
		Query query = Query.query(Criteria.where("_id").is(holderPersonalId).and("passports.number").is(number));
		return this.mongo.updateFirst(query, new Update().set("passports.$.reportedLost", true), HOLDERS)
			.map((result) -> result.getMatchedCount() > 0);
	}

}
