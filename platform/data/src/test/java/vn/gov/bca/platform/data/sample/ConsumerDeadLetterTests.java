package vn.gov.bca.platform.data.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.gov.bca.platform.data.consumer.ConsumerDeadLetters;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer's poison event: tried again a few times, then put on the consumer group's dead-letter
 * topic with its reason, and the next event of the same partition is handled; a record that cannot
 * be read at all goes there at once.
 */
@IntegrationTest
class ConsumerDeadLetterTests {

	private static final String TOPIC = "parcel-poison.events.v1";

	private static final String DEAD_LETTERS = ConsumerDeadLetters.topicOf(TOPIC,
			"parcel-counter-dead-letters");

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private ParcelApplication.ParcelCounter counter;

	@DynamicPropertySource
	static void quickRetries(DynamicPropertyRegistry registry) {
		registry.add("parcel.counter.topic", () -> TOPIC);
		registry.add("parcel.counter.group", () -> "parcel-counter-dead-letters");
		registry.add("vneid.kafka.consumer.first-retry", () -> "100ms");
		registry.add("vneid.kafka.consumer.attempts", () -> "3");
	}

	@Test
	void aPoisonEventGoesToTheGroupsDeadLetterTopicWithItsReasonAndTheNextOneIsHandled() throws Exception {
		assertThat(DEAD_LETTERS).isEqualTo("parcel-poison.events.v1.parcel-counter-dead-letters.dlt");
		String key = "parcel-dlt-" + UUID.randomUUID();
		int before = this.counter.handled.get();
		send(key, UUID.randomUUID().toString(), "{\"location\":\"POISON\"}");
		send(key, UUID.randomUUID().toString(), "{\"location\":\"HN-02\"}");

		await().atMost(Duration.ofSeconds(30)).until(() -> this.counter.handled.get() == before + 1);
		List<ConsumerRecord<String, String>> dead = TopicReader.await(
				TestInfrastructure.get().kafkaBootstrapServers(), DEAD_LETTERS, (record) -> key.equals(record.key()), 1,
				Duration.ofSeconds(20));
		assertThat(dead).hasSize(1);
		ConsumerRecord<String, String> letter = dead.get(0);
		assertThat(letter.value()).contains("POISON");
		assertThat(TopicReader.header(letter, "kafka_dlt-exception-message")).contains("poison parcel " + key);
		assertThat(TopicReader.header(letter, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
		assertThat(TopicReader.header(letter, ConsumerDeadLetters.GROUP_HEADER)).isEqualTo("parcel-counter-dead-letters");
		assertThat(TopicReader.header(letter, "ce_type")).isEqualTo("vn.gov.bca.parcel.ParcelRegistered");
	}

	@Test
	void aRecordWithoutEventIdIsDeadLetteredAtOnce() throws Exception {
		String key = "parcel-unreadable-" + UUID.randomUUID();
		int before = this.counter.handled.get();
		this.kafka.send(new ProducerRecord<>(TOPIC, key, "{\"location\":\"HN-03\"}")).get();
		send(key, UUID.randomUUID().toString(), "{\"location\":\"HN-04\"}");

		await().atMost(Duration.ofSeconds(30)).until(() -> this.counter.handled.get() == before + 1);
		List<ConsumerRecord<String, String>> dead = TopicReader.await(
				TestInfrastructure.get().kafkaBootstrapServers(), DEAD_LETTERS, (record) -> key.equals(record.key()), 1,
				Duration.ofSeconds(20));
		assertThat(dead).hasSize(1);
		assertThat(TopicReader.header(dead.get(0), "kafka_dlt-exception-message")).contains("without ce_id");
	}

	private void send(String key, String eventId, String data) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, data);
		record.headers().add(new RecordHeader("ce_id", eventId.getBytes(StandardCharsets.UTF_8)));
		record.headers()
			.add(new RecordHeader("ce_type", "vn.gov.bca.parcel.ParcelRegistered".getBytes(StandardCharsets.UTF_8)));
		this.kafka.send(record).get();
	}

}
