package vn.gov.bca.passport.restriction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.security.Caller;

/**
 * Exit bans (tạm hoãn xuất cảnh, Law 49/2019 Art. 21: suspects and accused, unpaid judgments or
 * taxes, unpaid administrative penalties…), kept by officers, one document per person. Each ban
 * belongs to the province of the officer who recorded it, and only that province's supervisors lift
 * it. An active ban — in force on Vietnam's day — blocks a passport's issuance anywhere, at
 * submission and again at approval.
 */
@Component
public class ExitBans {

	static final String COLLECTION = "exit_bans";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	ExitBans(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * @param legalBasis the point of Art. 21 or the decision applied
	 * @param until the last day, or null until lifted
	 * @param province the province of the officer who recorded it, whose supervisors may lift it
	 */
	public record Ban(String id, String personalId, String legalBasis, String reason, LocalDate from, LocalDate until,
			String decidedBy, String agency, String province, Instant recordedAt, Instant liftedAt) {

		public boolean isActiveOn(LocalDate day) {
			return this.liftedAt == null && !day.isBefore(this.from) && (this.until == null || !day.isAfter(this.until));
		}

	}

	/** Recorded in the officer's own province (the caller checked the officer's right). */
	public Mono<Ban> impose(String personalId, String legalBasis, String reason, LocalDate from, LocalDate until,
			Caller officer) {
		Ban ban = new Ban(UUID.randomUUID().toString(), personalId, legalBasis, reason, from, until, officer.subject(),
				officer.agency(), officer.province(), this.clock.instant(), null);
		Document entry = new Document("id", ban.id()).append("legalBasis", legalBasis)
			.append("reason", reason)
			.append("from", from.toString())
			.append("until", (until != null) ? until.toString() : null)
			.append("decidedBy", ban.decidedBy())
			.append("agency", ban.agency())
			.append("province", ban.province())
			.append("recordedAt", Date.from(ban.recordedAt()));
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(personalId)), new Update().push("bans", entry),
					FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION)
			.thenReturn(ban);
	}

	/**
	 * A supervisor of the ban's province lifts it (403 for another province's).
	 * @return false if the person has no such ban
	 */
	public Mono<Boolean> lift(String personalId, String banId, Caller supervisor) {
		return of(personalId).filter((ban) -> ban.id().equals(banId)).next().flatMap((ban) -> {
			supervisor.requireAnyRole(Caller.SUPERVISOR).requireOfficerOf(ban.province());
			Query query = Query.query(Criteria.where("_id").is(personalId).and("bans.id").is(banId));
			return this.mongo
				.updateFirst(query, new Update().set("bans.$.liftedAt", Date.from(this.clock.instant())), COLLECTION)
				.map((result) -> result.getMatchedCount() > 0);
		}).defaultIfEmpty(false);
	}

	public Flux<Ban> of(String personalId) {
		return this.mongo.findById(personalId, Document.class, COLLECTION)
			.flatMapIterable((person) -> person.getList("bans", Document.class, List.of()))
			.map((entry) -> new Ban(entry.getString("id"), personalId, entry.getString("legalBasis"),
					entry.getString("reason"), LocalDate.parse(entry.getString("from")),
					(entry.getString("until") != null) ? LocalDate.parse(entry.getString("until")) : null,
					entry.getString("decidedBy"), entry.getString("agency"), entry.getString("province"),
					entry.getDate("recordedAt").toInstant(),
					(entry.getDate("liftedAt") != null) ? entry.getDate("liftedAt").toInstant() : null));
	}

	public Mono<Boolean> isBanned(String personalId, LocalDate day) {
		return of(personalId).any((ban) -> ban.isActiveOn(day));
	}

}
