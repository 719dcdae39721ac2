package vn.gov.bca.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.identity.privacy.Pseudonyms;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * How many registrations may be started per personal id and per client address, per clock hour
 * and per day in Vietnam (fixed windows; defaults 3 and 5 per personal id, 10 and 30 per address).
 * Every start counts, matched or not, so that the limit says nothing about the data. Counters live
 * in {@code registration_limits}, one document per key and window ({@code _id} = kind, keyed hash
 * of the personal id or address, window), incremented atomically; they are temporary by nature:
 * someone who starts registrations for another's number delays the real citizen by an hour or a
 * day at most, never for good.
 */
@Component
class RegistrationLimits {

	static final String COLLECTION = "registration_limits";

	private final ReactiveMongoTemplate mongo;

	private final Pseudonyms pseudonyms;

	private final Clock clock;

	private final int perIdHour;

	private final int perIdDay;

	private final int perAddressHour;

	private final int perAddressDay;

	RegistrationLimits(ReactiveMongoTemplate mongo, Pseudonyms pseudonyms, Clock clock,
			@Value("${vneid.identity.registration.limits.per-personal-id-hour:3}") int perIdHour,
			@Value("${vneid.identity.registration.limits.per-personal-id-day:5}") int perIdDay,
			@Value("${vneid.identity.registration.limits.per-address-hour:10}") int perAddressHour,
			@Value("${vneid.identity.registration.limits.per-address-day:30}") int perAddressDay) {
		this.mongo = mongo;
		this.pseudonyms = pseudonyms;
		this.clock = clock;
		this.perIdHour = perIdHour;
		this.perIdDay = perIdDay;
		this.perAddressHour = perAddressHour;
		this.perAddressDay = perAddressDay;
	}

	/** Counts one start; 429 when the personal id or the address has had too many in the window. */
	Mono<Void> countStart(String personalId, String address) {
		Instant now = this.clock.instant();
		String hour = now.truncatedTo(ChronoUnit.HOURS).toString();
		String day = VietnamTime.dayOf(now).toString();
		String id = this.pseudonyms.of(personalId);
		String from = this.pseudonyms.keyedHash("address:" + address);
		List<Window> windows = List.of(new Window("id-hour:" + id + ":" + hour, this.perIdHour, Duration.ofHours(1)),
				new Window("id-day:" + id + ":" + day, this.perIdDay, Duration.ofDays(1)),
				new Window("address-hour:" + from + ":" + hour, this.perAddressHour, Duration.ofHours(1)),
				new Window("address-day:" + from + ":" + day, this.perAddressDay, Duration.ofDays(1)));
		return Flux.fromIterable(windows)
			.concatMap((window) -> increment(window, now).map((count) -> count > window.limit()))
			.any(Boolean::booleanValue)
			.flatMap((exceeded) -> exceeded
					? Mono.error(new ApiException(ProblemType.TOO_MANY_REQUESTS, "registration.too-many"))
					: Mono.empty());
	}

	private Mono<Integer> increment(Window window, Instant now) {
		Query query = Query.query(Criteria.where("_id").is(window.id()));
		Update update = new Update().inc("count", 1)
			.setOnInsert("expiresAt", Date.from(now.plus(window.length()).plus(Duration.ofHours(1))));
		Mono<Document> counted = this.mongo.findAndModify(query, update,
				FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
		// Two first starts at once: one upsert inserts, the other retries as an update.
		return counted.onErrorResume(DuplicateKeyException.class, (raced) -> this.mongo.findAndModify(query, update,
				FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION))
			.map((document) -> document.getInteger("count", 1));
	}

	private record Window(String id, int limit, Duration length) {
	}

}
