package vn.gov.bca.platform.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * What officers and supervisors ask of a service's dossiers: the work queue of their unit, and
 * statistics for a period. Generic over the service's dossier type and collection.
 */
public class DossierQueries {

	private static final Set<DossierStatus> OPEN = EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.ACCEPTED,
			DossierStatus.IN_PROGRESS, DossierStatus.PAYMENT_REQUESTED);

	/** The statuses of a dossier still to be dealt with, whose appointment date can pass. */
	public static Set<DossierStatus> openStatuses() {
		return EnumSet.copyOf(OPEN);
	}

	/**
	 * The days statistics may cover: the platform's dossiers start in 2020 (the portal opened on
	 * 7 Dec 2020) and a report does not look decades ahead. Bounded so that any date a client sends
	 * is checked before it becomes an instant (a year of -999999999 overflows).
	 */
	public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

	public static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	public DossierQueries(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * The officer's work queue: dossiers handled by their unit (the agency in their token) in their
	 * province, filtered by status, procedure and overdue, earliest appointment first, one page (and
	 * whether more follow).
	 */
	public <T extends Dossier> Mono<QueuePage<T>> workQueue(Class<T> type, String collection, Caller officer,
			QueueFilter filter, LocalDate today, int page, int size) {
		officer.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR);
		Criteria criteria = Criteria.where("handlingUnit.code")
			.is(officer.agency())
			.and("handlingUnit.province")
			.is(officer.province());
		if (filter.overdue()) {
			Set<DossierStatus> statuses = (filter.status() != null) ? EnumSet.of(filter.status()) : OPEN;
			statuses.retainAll(OPEN);
			criteria = criteria.and("status").in(statuses).and("appointmentDate").lt(today);
		}
		else if (filter.status() != null) {
			criteria = criteria.and("status").is(filter.status());
		}
		if (filter.procedureCode() != null) {
			criteria = criteria.and("procedureCode").is(filter.procedureCode());
		}
		if (filter.assignedToMe()) {
			criteria = criteria.and("assignee").is(officer.subject());
		}
		Query query = Query.query(criteria)
			.with(Sort.by("appointmentDate", "_id"))
			.skip((long) page * size)
			.limit(size + 1);
		return this.mongo.find(query, type, collection)
			.collectList()
			.map((found) -> new QueuePage<>(found.subList(0, Math.min(size, found.size())), page, size,
					found.size() > size));
	}

	/**
	 * Counts by procedure, channel, status and unit of the dossiers received in [from, to] (Vietnam
	 * days), and the on-time rate of those processed: processed by their appointment date over all
	 * processed. A supervisor sees their province; an administrator every province.
	 */
	public Mono<Statistics> statistics(String collection, Caller reader, LocalDate from, LocalDate to) {
		reader.requireAnyRole(Caller.SUPERVISOR, Caller.ADMIN);
		requirePeriod(from, to);
		Document match = new Document("receivedAt",
				new Document("$gte", java.util.Date.from(from.atStartOfDay(VietnamTime.ZONE).toInstant())).append("$lt",
						java.util.Date.from(to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant())));
		if (!reader.hasRole(Caller.ADMIN)) {
			match.append("handlingUnit.province", reader.province());
		}
		// Both answers are one row per group, not per dossier: byGroup at most procedures x channels x
		// statuses x units, master data (tens x 3 x 10 x one unit per province and level), each row under
		// 200 bytes; byTimeliness at most three (on time, late, not said). Neither grows with the period.
		List<Document> byGroup = List.of(new Document("$match", match),
				new Document("$group",
						new Document("_id",
								new Document("procedureCode", "$procedureCode").append("channel", "$channel")
									.append("status", "$status")
									.append("unit", "$handlingUnit.code"))
							.append("count", new Document("$sum", 1))));
		List<Document> byTimeliness = List.of(
				new Document("$match", new Document(match).append("result.processedAt", new Document("$exists", true))),
				new Document("$group", new Document("_id", "$result.onTime").append("count", new Document("$sum", 1))));
		Mono<List<Count>> counts = Flux.from(this.mongo.getCollection(collection)
			.flatMapMany((dossiers) -> dossiers.aggregate(byGroup)))
			.map((group) -> {
				Document id = group.get("_id", Document.class);
				return new Count(id.getString("procedureCode"), Channel.valueOf(id.getString("channel")),
						DossierStatus.valueOf(id.getString("status")), id.getString("unit"),
						((Number) group.get("count")).longValue());
			})
			.collectList();
		Mono<long[]> timeliness = Flux.from(this.mongo.getCollection(collection)
			.flatMapMany((dossiers) -> dossiers.aggregate(byTimeliness)))
			.reduce(new long[2], (sums, group) -> {
				long count = ((Number) group.get("count")).longValue();
				if (Boolean.TRUE.equals(group.get("_id"))) {
					sums[0] += count;
				}
				sums[1] += count;
				return sums;
			});
		return Mono.zip(counts, timeliness).map((both) -> {
			List<Count> sorted = new ArrayList<>(both.getT1());
			sorted.sort(java.util.Comparator.comparing(Count::procedureCode)
				.thenComparing(Count::unit)
				.thenComparing(Count::channel)
				.thenComparing(Count::status));
			long onTime = both.getT2()[0];
			long processed = both.getT2()[1];
			return new Statistics(from, to, sorted, processed, onTime,
					(processed == 0) ? null : Math.round(onTime * 1000.0 / processed) / 10.0, this.clock.instant());
		});
	}

	/** Both days given, in [{@link #FIRST_DAY}, {@link #LAST_DAY}], {@code from} not after {@code to}: else 400 naming them. */
	static void requirePeriod(LocalDate from, LocalDate to) {
		ApiException invalid = new ApiException(ProblemType.VALIDATION, "validation");
		boolean wrong = false;
		if (from == null || from.isBefore(FIRST_DAY) || from.isAfter(LAST_DAY)) {
			invalid.withError("from", "statistics.day-out-of-range", FIRST_DAY, LAST_DAY);
			wrong = true;
		}
		if (to == null || to.isBefore(FIRST_DAY) || to.isAfter(LAST_DAY)) {
			invalid.withError("to", "statistics.day-out-of-range", FIRST_DAY, LAST_DAY);
			wrong = true;
		}
		if (!wrong && from.isAfter(to)) {
			invalid.withError("to", "statistics.to-before-from");
			wrong = true;
		}
		if (wrong) {
			throw invalid;
		}
	}

	/** Work-queue filters; null means any. */
	public record QueueFilter(DossierStatus status, String procedureCode, boolean overdue, boolean assignedToMe) {
	}

	public record QueuePage<T>(List<T> items, int page, int size, boolean hasMore) {
	}

	public record Count(String procedureCode, Channel channel, DossierStatus status, String unit, long count) {
	}

	/**
	 * @param onTimeRate percentage with one decimal of the processed dossiers processed by their
	 *        appointment date; null when none was processed
	 */
	public record Statistics(LocalDate from, LocalDate to, List<Count> counts, long processed, long processedOnTime,
			Double onTimeRate, Instant computedAt) {
	}

}
