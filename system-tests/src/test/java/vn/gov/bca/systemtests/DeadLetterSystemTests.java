package vn.gov.bca.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.runner.DeadLetters;
import vn.gov.bca.platform.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record no consumer can read (no event id) on {@code payment.events.v1}, in the running stack:
 * each consumer group of the topic puts it on its own dead-letter topic at once, with the reason
 * and the group, and goes on; the operator's {@code DeadLetters} tool lists it and replays it to
 * the topic, where it fails again as it must, and is dead-lettered again.
 */
class DeadLetterSystemTests {

	@Test
	void anUnreadableEventIsDeadLetteredByEachGroupListedAndReplayed() throws Exception {
		String kafka = SystemStack.get().kafkaBootstrapServers();
		String key = "dead-letter-" + UUID.randomUUID();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka,
				"key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class))) {
			producer.send(new ProducerRecord<>("payment.events.v1", key, "{\"amount\": 1}")).get();
		}
		String passport = "payment.events.v1.passport-service.fee-paid.dlt";
		List<ConsumerRecord<String, String>> dead = TopicReader.await(kafka, passport, (record) -> key.equals(record.key()),
				1, Duration.ofSeconds(60));
		assertThat(dead).hasSize(1);
		assertThat(TopicReader.header(dead.get(0), "kafka_dlt-exception-message")).contains("without ce_id");
		assertThat(TopicReader.header(dead.get(0), "x-consumer-group")).isEqualTo("passport-service.fee-paid");
		assertThat(TopicReader.await(kafka, "payment.events.v1.fine-payment-service.receipts.dlt",
				(record) -> key.equals(record.key()), 1, Duration.ofSeconds(60))).hasSize(1);

		Properties client = new Properties();
		client.put("bootstrap.servers", kafka);
		ByteArrayOutputStream listed = new ByteArrayOutputStream();
		DeadLetters.list(client, new PrintStream(listed, true, StandardCharsets.UTF_8));
		assertThat(listed.toString(StandardCharsets.UTF_8)).contains(passport + ":", "key=" + key, "without ce_id");

		ByteArrayOutputStream replayed = new ByteArrayOutputStream();
		DeadLetters.replay(client, passport, dead.get(0).partition() + "@" + dead.get(0).offset(),
				new PrintStream(replayed, true, StandardCharsets.UTF_8));
		assertThat(replayed.toString(StandardCharsets.UTF_8)).contains("to payment.events.v1");
		assertThat(TopicReader.await(kafka, passport, (record) -> key.equals(record.key()), 2, Duration.ofSeconds(60)))
			.hasSize(2);
	}

}
