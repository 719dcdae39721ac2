package vn.gov.bca.platform.dossier.portal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.data.consumer.IncomingEvent;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierCodes;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.web.error.ApiException;

/**
 * Keeps the national portal in step with the service's dossiers, reading the dossier events of the
 * service's own topic. Kafka keeps a dossier's events in one partition in their order; this listener
 * takes a partition's records a poll at a time, sends each dossier's one after another (several
 * dossiers at once) and returns only when the portal took them all: so the portal gets each
 * dossier's changes in the order they happened.
 *
 * <ul>
 * <li>For each event: the dossier as stored, with the status the event gave it
 * ({@code DongBoHoSoMC}), then the progress entries up to the event not yet sent
 * ({@code CapNhatTienDoHoSoMC}); the sync state records it sent. An event sent already (Kafka
 * delivers at least once) is skipped.</li>
 * <li>The portal down, slow or failing: the listener fails, the state records the attempt and the
 * error, and the container's error handler gives the same record again after a wait that doubles up
 * to {@code longestRetry}, for as long as it takes ({@link NationalPortalConfiguration}). Nothing
 * is lost and nothing overtakes it.</li>
 * <li>The portal refusing the data {@code refusals} times, or a record that cannot be read: the
 * record goes to the dead-letter topic ({@code <topic>.<service>.national-portal-sync.dlt}), the dossier's state
 * holds it and every later update of that dossier in order, for an administrator to look at and
 * {@link #retry}; other dossiers go on.</li>
 * </ul>
 */
public class PortalSync {

	static final String CONSUMER = "national-portal-sync";

	private static final Logger log = LoggerFactory.getLogger(PortalSync.class);

	private static final Duration LONGEST_DELIVERY = Duration.ofMinutes(2);

	/** The header of a replayed dead letter naming the consumer group it is replayed for. */
	static final String REPLAYED_FOR = "x-replayed-for";

	/** Dossiers of one poll sent at once (each dossier's updates still one after another). */
	static final int PARALLEL = 16;

	private final DossierWorkflow<?, ?> workflow;

	private final PortalDossiers dossiers;

	private final NationalPortalClient portal;

	private final SyncStates states;

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final NationalPortalProperties properties;

	private final String deadLetterTopic;

	private final Clock clock;

	private final MeterRegistry metrics;

	private final String group;

	/**
	 * @param metrics {@code vneid.national.portal.sync.lag} (from a change to the portal's taking it),
	 *        {@code .failures} (tag {@code reason}: unavailable, refused) and {@code .dead.letters}
	 */
	public PortalSync(DossierWorkflow<?, ?> workflow, PortalDossiers dossiers, NationalPortalClient portal,
			SyncStates states, KafkaTemplate<String, String> kafka, JsonMapper json, NationalPortalProperties properties,
			String group, String deadLetterTopic, Clock clock, MeterRegistry metrics) {
		this.workflow = workflow;
		this.dossiers = dossiers;
		this.portal = portal;
		this.states = states;
		this.kafka = kafka;
		this.json = json;
		this.properties = properties;
		this.deadLetterTopic = deadLetterTopic;
		this.clock = clock;
		this.metrics = metrics;
		this.group = group;
	}

	@KafkaListener(topics = "${vneid.outbox.topic}", groupId = "${spring.application.name}." + CONSUMER,
			containerFactory = NationalPortalConfiguration.CONTAINER_FACTORY)
	void on(List<ConsumerRecord<String, String>> records) {
		// A poll's records, per dossier in their order: each dossier's one after another, up to
		// PARALLEL dossiers at once. Every dossier goes as far as it can; if one's update waits, the
		// listener fails after the others finished, and the batch comes again (what was sent is skipped).
		Map<String, List<ConsumerRecord<String, String>>> byDossier = new LinkedHashMap<>();
		for (ConsumerRecord<String, String> record : records) {
			// The topic carries the service's other aggregates and events too (a passport book, a
			// document): only the dossier events are the portal's.
			if (DossierCodes.isCode(record.key())
					&& PendingUpdate.DOSSIER_EVENTS.contains(IncomingEvent.simpleTypeOf(record))) {
				byDossier.computeIfAbsent(record.key(), (code) -> new ArrayList<>()).add(record);
			}
		}
		Flux.fromIterable(byDossier.values())
			.flatMapDelayError((dossier) -> Flux.fromIterable(dossier).concatMap(this::handle), PARALLEL, 1)
			.then()
			.block(LONGEST_DELIVERY);
	}

	private Mono<Void> handle(ConsumerRecord<String, String> record) {
		String replayedFor = header(record, REPLAYED_FOR);
		if (replayedFor != null && !replayedFor.equals(this.group)) {
			// A dead letter of another consumer of the topic, replayed for it: long sent here, and
			// sending it again now would put the dossier back at the portal.
			return Mono.empty();
		}
		PendingUpdate update;
		try {
			update = PendingUpdate.of(record, this.json);
		}
		catch (IllegalArgumentException unreadable) {
			log.warn("Record {}/{}@{} of dossier {} dead-lettered: {}", record.topic(), record.partition(),
					record.offset(), record.key(), unreadable.getMessage());
			return publishDeadLetter(record, "unreadable: " + unreadable.getMessage());
		}
		return handle(record, update);
	}

	private Mono<Void> handle(ConsumerRecord<String, String> record, PendingUpdate update) {
		String code = record.key();
		return this.states.of(code).flatMap((state) -> {
			if (state.hasSent(update.eventId())) {
				log.debug("Dossier {}: event {} was sent already", code, update.eventId());
				return Mono.empty();
			}
			if (state.isDeadLettered()) {
				log.info("Dossier {}: {} held behind a dead-lettered update", code, update.type());
				return this.states.save(state, state.holding(update)).then();
			}
			return deliver(state, update).then().onErrorResume(PortalFailure.class, (failure) -> {
				Instant now = this.clock.instant();
				SyncState failed = state.failed(update, failure.getMessage(), now);
				this.metrics.counter("vneid.national.portal.sync.failures", "reason",
						(failure instanceof PortalFailure.Refused) ? "refused" : "unavailable").increment();
				if (failure instanceof PortalFailure.Refused && failed.attempts() >= this.properties.refusals()) {
					log.warn("Dossier {}: {} refused {} times, dead-lettered: {}", code, update.type(),
							failed.attempts(), failure.getMessage());
					// The topic first: should the state's write fail, the batch comes again and the record
					// is published twice rather than not at all.
					this.metrics.counter("vneid.national.portal.sync.dead.letters").increment();
					return publishDeadLetter(record, failure.getMessage())
						.then(this.states.save(state, state.deadLettered(update, failure.getMessage(), now)))
						.then();
				}
				log.info("Dossier {}: {} not taken by the national portal (attempt {}): {}", code, update.type(),
						failed.attempts(), failure.getMessage());
				return this.states.save(state, failed).then(Mono.error(failure));
			});
		});
	}

	/**
	 * Sends one update of the dossier and records it sent. What the event claims is checked against
	 * the dossier first: the dossier must have been in that status by the event's time (its progress
	 * says so), or the event is not one of this dossier's and is refused.
	 */
	private Mono<SyncState> deliver(SyncState state, PendingUpdate update) {
		return this.workflow.stored(state.code())
			.cast(Dossier.class)
			.switchIfEmpty(Mono.error(() -> new PortalFailure.Refused("no dossier " + state.code() + " in this service")))
			.filter((dossier) -> dossier.progress()
				.stream()
				.anyMatch((entry) -> entry.status() == update.status() && !entry.at().isAfter(update.occurredAt())))
			.switchIfEmpty(Mono.error(() -> new PortalFailure.Refused("the dossier was not " + update.status() + " by "
					+ update.occurredAt() + " (event " + update.eventId() + ")")))
			.flatMap((dossier) -> this.dossiers.dossier(dossier, update.status()).flatMap((message) -> {
				List<PortalMessages.ProgressUpdate> progress = this.dossiers.progress(dossier, state.progressSentUpTo(),
						update.occurredAt());
				return this.portal.syncDossiers(List.of(message))
					.then(progress.isEmpty() ? Mono.empty() : this.portal.updateProgress(progress))
					.then(Mono.defer(() -> {
						Instant now = this.clock.instant();
						this.metrics.timer("vneid.national.portal.sync.lag")
							.record(Duration.between(update.occurredAt(), now));
						return this.states.save(state, state.sent(update, message.status(), update.occurredAt(), now));
					}));
			}));
	}

	/**
	 * An administrator's retry of a dead-lettered dossier: its held updates are sent in their order;
	 * the first the portal does not take stops the retry, and stays in front with its error.
	 */
	public Mono<SyncState> retry(String code) {
		return this.states.find(code)
			.filter(SyncState::isDeadLettered)
			.switchIfEmpty(Mono.error(() -> ApiException.conflict("national-portal.not-dead-lettered")))
			.flatMap(this::sendHeld);
	}

	/**
	 * An administrator's decision that the update in front will never be sent (an event the dossier
	 * contradicts, data the portal will not take): it is dropped from the dossier's held updates, the
	 * dead-letter topic keeps it, and the rest are sent as by {@link #retry}.
	 */
	public Mono<SyncState> skip(String code, String eventId, String administrator) {
		return this.states.find(code)
			.filter((state) -> state.isDeadLettered() && !state.held().isEmpty()
					&& state.held().get(0).eventId().equals(eventId))
			.switchIfEmpty(Mono.error(() -> ApiException.conflict("national-portal.not-in-front")))
			.flatMap((state) -> {
				log.warn("Dossier {}: update {} ({}) skipped by {}; its record stays on {}", code, eventId,
						state.held().get(0).type(), administrator, this.deadLetterTopic);
				return this.states.save(state, state.skipping(eventId));
			})
			.flatMap(this::sendHeld);
	}

	private Mono<SyncState> sendHeld(SyncState state) {
		if (state.held().isEmpty()) {
			SyncState resumed = new SyncState(state.code(), SyncState.State.IN_STEP, state.lastEventId(),
					state.lastEventType(), state.lastEventAt(), state.lastStatus(), state.progressSentUpTo(), 0, null,
					state.lastAttemptAt(), state.syncedAt(), state.changedDay(), state.sentEvents(), List.of(),
					state.version() + 1);
			return this.states.save(state, resumed);
		}
		PendingUpdate front = state.held().get(0);
		return deliver(state, front).onErrorResume(PortalFailure.class,
				(failure) -> this.states.save(state, state.failed(front, failure.getMessage(), this.clock.instant())))
			.flatMap((next) -> (!next.isDeadLettered() || next.lastError() != null) ? Mono.just(next) : sendHeld(next));
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private Mono<Void> publishDeadLetter(ConsumerRecord<String, String> record, String error) {
		ProducerRecord<String, String> dead = new ProducerRecord<>(this.deadLetterTopic, null, record.key(),
				record.value(), new RecordHeaders(record.headers().toArray()));
		dead.headers().add(new RecordHeader("x-national-portal-error", error.getBytes(StandardCharsets.UTF_8)));
		dead.headers()
			.add(new RecordHeader("x-original-offset",
					(record.topic() + "/" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8)));
		return Mono.fromFuture(() -> this.kafka.send(dead)).subscribeOn(Schedulers.boundedElastic()).then();
	}

}
