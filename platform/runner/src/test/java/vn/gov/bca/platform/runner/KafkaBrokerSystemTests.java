package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker stopped and started again answers on the same address with the records it had. */
class KafkaBrokerSystemTests {

	private static final String TOPIC = "kafka-broker.test.v1";

	@TempDir
	Path dir;

	@Test
	void comesBackOnTheSameAddressWithItsData() throws Exception {
		int[] ports = freePorts();
		KafkaBroker broker = new KafkaBroker(ports[0], ports[1], dir.resolve("kafka"), dir.resolve("logs"));
		try {
			broker.start();
			produce(broker.bootstrapServers(), "before the restart");
			String clusterId = clusterId(broker.bootstrapServers());

			broker.stop();
			assertThat(Probe.portOpen(ports[0])).isFalse();

			broker.start();
			assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + ports[0]);
			assertThat(clusterId(broker.bootstrapServers())).isEqualTo(clusterId);
			assertThat(readAll(broker.bootstrapServers())).containsExactly("before the restart");
		}
		finally {
			broker.stop();
		}
	}

	private static void produce(String bootstrapServers, String value) throws Exception {
		TestTopics.create(bootstrapServers, TOPIC);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			producer.send(new ProducerRecord<>(TOPIC, "key", value)).get(30, TimeUnit.SECONDS);
		}
	}

	private static String clusterId(String bootstrapServers) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				1000))) {
			return admin.describeCluster().clusterId().get(3, TimeUnit.SECONDS);
		}
	}

	/** Every record of the topic's partitions, read by assignment (no consumer group to wait for). */
	private static List<String> readAll(String bootstrapServers) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30))
					.stream()
					.map(info -> new TopicPartition(TOPIC, info.partition()))
					.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			List<String> values = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					values.add(record.value());
				}
			}
			return values;
		}
	}

	private static int[] freePorts() throws IOException {
		try (ServerSocket broker = new ServerSocket(0); ServerSocket controller = new ServerSocket(0)) {
			return new int[] { broker.getLocalPort(), controller.getLocalPort() };
		}
	}
}
