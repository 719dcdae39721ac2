package vn.gov.bca.payment.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.payment.order.OrderService;
import vn.gov.bca.payment.order.PaymentOrder;
import vn.gov.bca.payment.platform.PaymentPlatform;
import vn.gov.bca.platform.data.lease.JobLeases;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * What the payment platform knows and we do not yet, settled without waiting for a callback that
 * may never come: orders still open some minutes after their checkout are asked about and settled;
 * orders past their time to pay that the platform never saw paid expire. Once a day, the platform's
 * settlement list for the previous day is compared with our successful orders, and the differences
 * are kept as a report (a payment there but not here is also settled here). Each job runs on one
 * instance at a time.
 */
@Component
public class Reconciliation {

	static final String REPORTS = "reconciliation_reports";

	private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

	private final OrderService orders;

	private final PaymentPlatform platform;

	private final JobLeases leases;

	private final ReactiveMongoTemplate mongo;

	private final Duration pendingThreshold;

	private final Clock clock;

	private final MeterRegistry metrics;

	Reconciliation(OrderService orders, PaymentPlatform platform, JobLeases leases, ReactiveMongoTemplate mongo,
			@Value("${vneid.payment.reconciliation.pending-threshold:PT2M}") Duration pendingThreshold, Clock clock,
			MeterRegistry metrics) {
		this.metrics = metrics;
		this.orders = orders;
		this.platform = platform;
		this.leases = leases;
		this.mongo = mongo;
		this.pendingThreshold = pendingThreshold;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${vneid.payment.reconciliation.interval:PT1M}",
			fixedDelayString = "${vneid.payment.reconciliation.interval:PT1M}")
	Mono<Integer> scheduledSettle() {
		return this.leases.runExclusively("settle-open-orders", Duration.ofMinutes(10), settleOpenOrders())
			.onErrorResume((failure) -> {
				log.warn("Settling open orders failed, the next run retries: {}", failure.toString());
				return Mono.empty();
			});
	}

	/** Asks the platform about every open order older than the threshold; the number settled. */
	public Mono<Integer> settleOpenOrders() {
		Instant now = this.clock.instant();
		return this.orders.openSince(now.minus(this.pendingThreshold), 500)
			.concatMap((order) -> this.platform.transaction(order.id())
				.flatMap(this.orders::settle)
				.switchIfEmpty(Mono.defer(() -> order.expiresAt().isBefore(now) ? this.orders.expire(order)
						: Mono.just(order)))
				.map((settled) -> settled.status() != PaymentOrder.Status.PENDING
						&& settled.status() != PaymentOrder.Status.CREATED ? 1 : 0)
				.onErrorResume((failure) -> {
					log.warn("Order {} not settled this time: {}", order.id(), failure.toString());
					return Mono.just(0);
				}))
			.reduce(0, Integer::sum);
	}

	/** Every night at 02:00, yesterday's settlements. */
	@Scheduled(cron = "${vneid.payment.reconciliation.daily-cron:0 0 2 * * *}", zone = VietnamTime.ZONE_ID)
	Mono<Report> scheduledDaily() {
		LocalDate yesterday = VietnamTime.today(this.clock).minusDays(1);
		return this.leases.runExclusively("daily-settlement-" + yesterday, Duration.ofMinutes(30), compare(yesterday))
			.onErrorResume((failure) -> {
				log.warn("Daily settlement comparison of {} failed: {}", yesterday, failure.toString());
				return Mono.empty();
			});
	}

	/**
	 * Compares the platform's settlements of a day with our successful orders paid that day, settles
	 * what the platform paid that we have not recorded, and stores the report of the day. Our orders
	 * are read in pages and compared as they come ({@link OrderService#succeededBetween}): only the
	 * amounts of those the platform also lists, and those it does not, are kept, never the day's
	 * orders themselves.
	 */
	public Mono<Report> compare(LocalDate day) {
		Instant from = day.atStartOfDay(VietnamTime.ZONE).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
		return this.platform.settlements(day).flatMap((settlements) -> {
			Map<String, PaymentPlatform.Transaction> there = settlements.stream()
				.collect(Collectors.toMap(PaymentPlatform.Transaction::orderId, Function.identity(), (a, b) -> a));
			Map<String, Long> oursAlsoThere = new HashMap<>();
			List<Difference> hereNotThere = new ArrayList<>();
			int[] ourCount = { 0 };
			return this.orders.succeededBetween(from, to).doOnNext((ours) -> {
				ourCount[0]++;
				if (there.containsKey(ours.id())) {
					oursAlsoThere.put(ours.id(), ours.amount());
				}
				else {
					hereNotThere.add(new Difference(ours.id(), "PAID_HERE_NOT_THERE", null, ours.amount()));
				}
			}).then(Mono.defer(() -> {
				List<Difference> differences = new ArrayList<>();
				List<PaymentPlatform.Transaction> toSettle = new ArrayList<>();
				there.forEach((orderId, transaction) -> {
					Long ourAmount = oursAlsoThere.get(orderId);
					if (ourAmount == null) {
						differences.add(new Difference(orderId, "PAID_THERE_NOT_HERE", transaction.amount(), null));
						toSettle.add(transaction);
					}
					else if (ourAmount != transaction.amount()) {
						differences.add(new Difference(orderId, "AMOUNT_DIFFERS", transaction.amount(), ourAmount));
					}
				});
				differences.addAll(hereNotThere);
				Report report = new Report(day, this.clock.instant(), there.size(), ourCount[0], differences);
				// An operator's alert: money the platform and we do not agree on.
				differences.forEach((difference) -> this.metrics
					.counter("vneid.payment.reconciliation.differences", "kind", difference.kind())
					.increment());
				return reactor.core.publisher.Flux.fromIterable(toSettle)
					.concatMap((transaction) -> this.orders.settle(transaction)
						.onErrorResume((failure) -> Mono.empty()))
					.then(save(report));
			}));
		});
	}

	public Mono<Report> report(LocalDate day) {
		return this.mongo.findById(day.toString(), Document.class, REPORTS).map(Report::of);
	}

	private Mono<Report> save(Report report) {
		List<Document> differences = report.differences()
			.stream()
			.map((difference) -> new Document("orderId", difference.orderId()).append("kind", difference.kind())
				.append("platformAmount", difference.platformAmount())
				.append("ourAmount", difference.ourAmount()))
			.toList();
		Document document = new Document("_id", report.day().toString()).append("generatedAt",
				Date.from(report.generatedAt()))
			.append("platformCount", report.platformCount())
			.append("ourCount", report.ourCount())
			.append("differences", differences);
		return this.mongo.save(document, REPORTS).thenReturn(report);
	}

	/**
	 * @param kind PAID_THERE_NOT_HERE, PAID_HERE_NOT_THERE or AMOUNT_DIFFERS
	 */
	public record Difference(String orderId, String kind, Long platformAmount, Long ourAmount) {
	}

	public record Report(LocalDate day, Instant generatedAt, int platformCount, int ourCount,
			List<Difference> differences) {

		static Report of(Document document) {
			List<Difference> differences = document.getList("differences", Document.class, List.of())
				.stream()
				.map((d) -> new Difference(d.getString("orderId"), d.getString("kind"),
						(d.get("platformAmount") != null) ? ((Number) d.get("platformAmount")).longValue() : null,
						(d.get("ourAmount") != null) ? ((Number) d.get("ourAmount")).longValue() : null))
				.toList();
			return new Report(LocalDate.parse(document.getString("_id")), document.getDate("generatedAt").toInstant(),
					document.getInteger("platformCount"), document.getInteger("ourCount"), differences);
		}

	}

}
