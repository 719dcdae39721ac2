package vn.gov.bca.identity.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.lease.JobLeases;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Each night (02:00 Vietnam time, one instance through a job lease) the citizens whose card reaches
 * its last valid day within {@code vneid.identity.card-exchange-reminder-days} (60 by default: the
 * exchange takes 7 working days and may be done from two years before the age, Art. 21(2)) are
 * reminded once per card by the event {@code IdentityCardExchangeDue}, which the notification
 * channel and other services act on. The law sets the ages, not when to remind: the window is
 * configuration.
 */
@Component
class CardExchangeReminders {

	static final int PAGE = 500;

	private static final Logger log = LoggerFactory.getLogger(CardExchangeReminders.class);

	private final CitizenRegistry registry;

	private final ReactiveMongoTemplate mongo;

	private final JobLeases leases;

	private final Clock clock;

	private final int daysBefore;

	CardExchangeReminders(CitizenRegistry registry, ReactiveMongoTemplate mongo, JobLeases leases, Clock clock,
			@Value("${vneid.identity.card-exchange-reminder-days:60}") int daysBefore) {
		this.registry = registry;
		this.mongo = mongo;
		this.leases = leases;
		this.clock = clock;
		this.daysBefore = daysBefore;
	}

	@Scheduled(cron = "${vneid.identity.card-exchange-reminder-cron:0 0 2 * * *}", zone = VietnamTime.ZONE_ID)
	Mono<Integer> nightly() {
		LocalDate today = VietnamTime.today(this.clock);
		return this.leases.runExclusively("identity-card-exchange-reminders-" + today, Duration.ofHours(2), remind(today))
			.onErrorResume((failure) -> {
				log.warn("The card exchange reminders of {} failed; the next night's run reminds whoever is still due: {}",
						today, failure.toString());
				return Mono.empty();
			});
	}

	/** Reminds everyone due that day (once per card); the number reminded. */
	Mono<Integer> remind(LocalDate today) {
		return page(today, "", 0);
	}

	private Mono<Integer> page(LocalDate today, String after, int reminded) {
		Query query = Query.query(Criteria.where("identityCards.expiresOn")
			.gte(today)
			.lte(today.plusDays(this.daysBefore))
			.and("_id")
			.gt(after)).with(Sort.by("_id")).limit(PAGE);
		return this.mongo.find(query, Citizen.class, CitizenRegistry.COLLECTION).collectList().flatMap((citizens) -> {
			if (citizens.isEmpty()) {
				return Mono.just(reminded);
			}
			return Flux.fromIterable(citizens)
				.filter((citizen) -> citizen.exchangeReminderDue(today, this.daysBefore))
				.concatMap((citizen) -> this.registry.remindCardExchange(citizen.personalId(), today, this.daysBefore))
				.count()
				.flatMap((count) -> (citizens.size() < PAGE) ? Mono.just(reminded + count.intValue())
						: page(today, citizens.get(citizens.size() - 1).personalId(), reminded + count.intValue()));
		});
	}

}
