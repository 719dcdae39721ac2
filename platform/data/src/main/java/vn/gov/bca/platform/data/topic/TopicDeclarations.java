package vn.gov.bca.platform.data.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import vn.gov.bca.platform.data.consumer.ConsumerDeadLetters;

/**
 * The topics a service owns, declared by the service itself when it starts (the brokers create no
 * topic on their own): its event topic ({@code vneid.outbox.topic}) and the dead-letter topic of each
 * of its consumer groups ({@code <topic>.<group>.dlt}, {@link ConsumerDeadLetters}), found from its
 * listeners. A topic that exists is left as it is, except that partitions are added up to the
 * declared number.
 *
 * <p>Settings ({@code vneid.kafka.topics.*}):
 * <ul>
 * <li>event topics: {@code partitions} (3), {@code replication-factor} (1 on one broker; 3 in
 * production), {@code min.insync.replicas} one less than the replication (with the producers'
 * {@code acks=all}, an event is on two brokers before it counts as sent), kept
 * {@code retention} 14 days (less than the 30 days consumers remember the events they handled, so
 * a redelivered event is always recognised), {@code cleanup.policy=delete}: every event is a fact,
 * not the latest value of a key;</li>
 * <li>dead-letter topics: one partition (a handful of records, read by an operator in order),
 * kept {@code dead-letter-retention} 30 days, for an operator to replay.</li>
 * </ul>
 * Started before the listener containers. {@code vneid.kafka.topics.declare=false} leaves the topics
 * to an operator's tools (a managed Kafka that grants services no Create).
 */
public final class TopicDeclarations implements SmartLifecycle {

	/** Before the listener containers, which start at {@link AbstractMessageListenerContainer#DEFAULT_PHASE}. */
	static final int PHASE = AbstractMessageListenerContainer.DEFAULT_PHASE - 100;

	private static final Logger log = LoggerFactory.getLogger(TopicDeclarations.class);

	/** How the topics of one service are made. */
	public record Settings(int partitions, short replicationFactor, Duration retention, Duration deadLetterRetention) {

		public Settings {
			if (partitions < 1 || replicationFactor < 1) {
				throw new IllegalArgumentException("A topic needs at least one partition and one replica");
			}
		}

		int minInSyncReplicas() {
			return Math.max(1, this.replicationFactor - 1);
		}

	}

	private final KafkaAdmin admin;

	private final KafkaListenerEndpointRegistry listeners;

	private final String eventTopic;

	private final Settings settings;

	private volatile boolean running;

	private volatile Disposable retrying;

	/** @param eventTopic the service's event topic, or null for a service that publishes none */
	public TopicDeclarations(KafkaAdmin admin, KafkaListenerEndpointRegistry listeners, String eventTopic,
			Settings settings) {
		this.admin = admin;
		this.listeners = listeners;
		this.eventTopic = eventTopic;
		this.settings = settings;
	}

	/** The topics this service declares: its event topic, then its groups' dead-letter topics. */
	public List<NewTopic> topics() {
		List<NewTopic> topics = new ArrayList<>();
		if (this.eventTopic != null) {
			topics.add(topic(this.eventTopic, this.settings.partitions(), this.settings.retention(), this.settings));
		}
		Map<String, NewTopic> deadLetters = new TreeMap<>();
		for (MessageListenerContainer container : this.listeners.getAllListenerContainers()) {
			String group = container.getGroupId();
			String[] read = container.getContainerProperties().getTopics();
			if (group == null || read == null) {
				continue;
			}
			for (String topic : read) {
				String name = ConsumerDeadLetters.topicOf(topic, group);
				deadLetters.put(name, topic(name, 1, this.settings.deadLetterRetention(), this.settings));
			}
		}
		topics.addAll(deadLetters.values());
		return topics;
	}

	/**
	 * A topic of this service: its events ({@code partitions}, {@code retention}) or a group's dead
	 * letters (one partition, {@code dead-letter-retention}).
	 */
	static NewTopic topic(String name, int partitions, Duration retention, Settings settings) {
		return new NewTopic(name, partitions, settings.replicationFactor())
			.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()),
					TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
					TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInSyncReplicas())));
	}

	/**
	 * Declares the topics before the consumers start. A broker away or a refusal does not stop the
	 * service (it serves its citizens, and the outbox keeps the events): the declaration is tried
	 * again in the background, every minute at most, and logged until it succeeds.
	 */
	@Override
	public void start() {
		List<NewTopic> topics = topics();
		this.running = true;
		try {
			declare(topics);
		}
		catch (RuntimeException first) {
			log.error("Kafka topics {} not declared, trying again: {}", names(topics), first.toString());
			this.retrying = Mono.fromRunnable(() -> declare(topics))
				.subscribeOn(Schedulers.boundedElastic())
				.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(2))
					.maxBackoff(Duration.ofMinutes(1))
					.doBeforeRetry((signal) -> log.warn("Kafka topics {} still not declared: {}", names(topics),
							signal.failure().toString())))
				.subscribe();
		}
	}

	private void declare(List<NewTopic> topics) {
		this.admin.createOrModifyTopics(topics.toArray(NewTopic[]::new));
		log.info("Kafka topics declared: {}", names(topics));
	}

	private static List<String> names(List<NewTopic> topics) {
		return topics.stream().map(NewTopic::name).toList();
	}

	@Override
	public void stop() {
		Disposable pending = this.retrying;
		if (pending != null) {
			pending.dispose();
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
