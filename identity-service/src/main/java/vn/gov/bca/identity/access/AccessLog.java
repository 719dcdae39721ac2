package vn.gov.bca.identity.access;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.bulk.GroupedWrites;
import vn.gov.bca.platform.web.context.RequestContext;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Who read a citizen's data, kept append-only: one document per citizen and month
 * ({@code <personal id>:<yyyy-MM>}) to which entries are only ever pushed, so that a citizen's own
 * view of it is a handful of keyed reads however large the log grows. Entries are written before
 * the data is answered: a read that cannot be recorded is not served. Concurrent reads' entries go
 * to the store together ({@link GroupedWrites}): each read still waits until its own entry is
 * acknowledged, and under load one command records many reads.
 */
@Component
public class AccessLog {

	static final String COLLECTION = "access_log";

	/** Entries in one command at most: a few hundred small updates are far below the store's limits. */
	static final int MAX_GROUP = 256;

	/** Entries waiting for the store at most: beyond, a read is refused (503) rather than queued without end. */
	static final int MAX_WAITING = 10_000;

	private final ReactiveMongoTemplate mongo;

	private final GroupedWrites appends;

	private final Clock clock;

	AccessLog(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.appends = new GroupedWrites(mongo, COLLECTION, MAX_GROUP, MAX_WAITING);
		this.clock = clock;
	}

	/** Records that the caller read this citizen's data, for the purpose given. */
	public Mono<Void> record(String personalId, Caller reader, String kind, String purpose) {
		return Mono.deferContextual((context) -> {
			Instant now = this.clock.instant();
			Document entry = new Document("at", Date.from(now)).append("kind", kind)
				.append("purpose", purpose)
				.append("readerSubject", reader.subject())
				.append("readerClient", reader.clientId())
				.append("readerAgency", reader.agency())
				.append("requestId", RequestContext.from(context).map(RequestContext::requestId).orElse(null));
			String bucket = bucketId(personalId, YearMonth.from(VietnamTime.dayOf(now)));
			// An update, not a find-and-modify: the month's bucket is not sent back on every read it records.
			return this.appends.write(new UpdateOneModel<>(Filters.eq("_id", bucket),
					Updates.combine(Updates.push("entries", entry), Updates.setOnInsert("personalId", personalId)),
					new UpdateOptions().upsert(true)));
		});
	}

	/** The entries about one citizen in the last {@code months} months, newest first. */
	public Flux<Entry> entries(String personalId, int months) {
		YearMonth current = YearMonth.from(VietnamTime.today(this.clock));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < months; i++) {
			ids.add(bucketId(personalId, current.minusMonths(i)));
		}
		return Flux.fromIterable(ids)
			.concatMap((id) -> this.mongo.findById(id, Document.class, COLLECTION))
			.flatMapIterable((bucket) -> bucket.getList("entries", Document.class, List.of()))
			.map(Entry::of)
			.sort(Comparator.comparing(Entry::at).reversed());
	}

	static String bucketId(String personalId, YearMonth month) {
		return personalId + ":" + month;
	}

	/**
	 * @param at when
	 * @param kind what was read ({@code SERVICE_LOOKUP}, {@code SERVICE_VERIFY}, {@code OFFICER_READ})
	 * @param purpose why, as the reader declared it
	 * @param readerSubject the account that read (shown to administrators, not to the citizen)
	 * @param readerClient the application or service that read
	 * @param readerAgency the officer's agency, if an officer read
	 * @param requestId the request, to trace it further
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Entry(Instant at, String kind, String purpose, String readerSubject, String readerClient,
			String readerAgency, String requestId) {

		static Entry of(Document document) {
			return new Entry(document.getDate("at").toInstant(), document.getString("kind"),
					document.getString("purpose"), document.getString("readerSubject"),
					document.getString("readerClient"), document.getString("readerAgency"),
					document.getString("requestId"));
		}

		/** The citizen's own view: which application and agency, not which individual account. */
		Entry forCitizen() {
			return new Entry(this.at, this.kind, this.purpose, null, this.readerClient, this.readerAgency,
					this.requestId);
		}

	}

}
