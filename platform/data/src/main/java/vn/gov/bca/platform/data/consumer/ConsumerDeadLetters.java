package vn.gov.bca.platform.data.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What a consumer does with an event it cannot handle: tries it again after a wait that doubles
 * ({@code vneid.kafka.consumer.first-retry}, 1 s, up to {@code longest-retry}, 30 s), {@code attempts}
 * times in all (8, about two minutes: long enough for a database or a called service to come back),
 * then publishes it to the dead-letter topic of its consumer group, {@code <topic>.<group>.dlt}, with
 * the failure in the headers ({@code kafka_dlt-exception-fqcn}, {@code -message},
 * {@code -original-topic}, {@code -original-partition}, {@code -original-offset};
 * {@code x-consumer-group}), and goes on with the next event of the partition. A record that
 * cannot be read at all (no event id: {@link IllegalArgumentException}) goes there at once. The
 * dead letters are listed and replayed with the runner's {@code DeadLetters} tool; a replayed event
 * reaches every consumer of its topic again, and those that handled it skip it
 * ({@link ProcessedEvents}).
 *
 * <p>Every listener of the default container factory gets it (Boot hands the factory the one
 * {@code CommonErrorHandler} bean); a listener with a container of its own (the national portal's
 * sync, which must never skip an event) keeps its own.
 */
public final class ConsumerDeadLetters {

	static final String SUFFIX = ".dlt";

	/** The header naming the consumer group that gave the event up. */
	public static final String GROUP_HEADER = "x-consumer-group";

	private static final Logger log = LoggerFactory.getLogger(ConsumerDeadLetters.class);

	private ConsumerDeadLetters() {
	}

	/** The dead-letter topic of a consumer group for a topic: {@code payment.events.v1.passport-service.fee-paid.dlt}. */
	public static String topicOf(String topic, String group) {
		return topic + "." + group + SUFFIX;
	}

	/**
	 * @param metrics where {@code vneid.kafka.dead.letters} (tags {@code topic}, {@code group}) counts
	 *        the events dead-lettered: an operator's alert
	 */
	public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka, Duration firstRetry,
			Duration longestRetry, int attempts, MeterRegistry metrics) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka, (record, failure) -> {
			String group = KafkaUtils.getConsumerGroupId();
			String topic = topicOf(record.topic(), (group != null) ? group : "unknown-group");
			metrics.counter("vneid.kafka.dead.letters", "topic", record.topic(), "group", String.valueOf(group))
				.increment();
			log.warn("Event {}/{}@{} (key {}) dead-lettered to {}: {}", record.topic(), record.partition(),
					record.offset(), record.key(), topic, failure.toString());
			return new TopicPartition(topic, -1);
		});
		// The group, also when the failure does not carry it (a listener's asynchronous result).
		recoverer.setHeadersFunction((record, failure) -> {
			String group = KafkaUtils.getConsumerGroupId();
			RecordHeaders headers = new RecordHeaders();
			if (group != null) {
				headers.add(GROUP_HEADER, group.getBytes(StandardCharsets.UTF_8));
			}
			return headers;
		});
		ExponentialBackOff backOff = new ExponentialBackOff(firstRetry.toMillis(), 2.0);
		backOff.setMaxInterval(longestRetry.toMillis());
		// Attempts after the first delivery.
		backOff.setMaxAttempts(Math.max(0, attempts - 1));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(IllegalArgumentException.class);
		return handler;
	}

}
