package vn.gov.bca.platform.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what a service published, from the beginning of a topic, the way a downstream consumer would. */
public final class TopicReader {

	private TopicReader() {
	}

	/** Waits until {@code count} records matching the filter arrived (in arrival order) or the timeout passed. */
	public static List<ConsumerRecord<String, String>> await(String bootstrapServers, String topic,
			Predicate<ConsumerRecord<String, String>> filter, int count, Duration timeout) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<ConsumerRecord<String, String>> matching = new ArrayList<>();
		Instant deadline = Instant.now().plus(timeout);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of(topic));
			while (matching.size() < count && Instant.now().isBefore(deadline)) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (filter.test(record)) {
						matching.add(record);
					}
				});
			}
		}
		return matching;
	}

	/** Keeps reading for the whole window: to show that nothing more (no duplicate) arrives. */
	public static List<ConsumerRecord<String, String>> readFor(String bootstrapServers, String topic,
			Predicate<ConsumerRecord<String, String>> filter, Duration window) {
		return await(bootstrapServers, topic, filter, Integer.MAX_VALUE, window);
	}

	public static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
