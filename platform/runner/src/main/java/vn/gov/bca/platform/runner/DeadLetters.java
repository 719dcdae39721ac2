package vn.gov.bca.platform.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The operator's tool for the consumers' dead letters ({@code <topic>.<group>.dlt}, platform-data's
 * {@code ConsumerDeadLetters}):
 *
 * <pre>{@code
 * java -cp "platform/runner/target/classes:platform/runner/target/lib/*" vn.gov.bca.platform.runner.DeadLetters list
 * java -cp ... vn.gov.bca.platform.runner.DeadLetters replay payment.events.v1.passport-service.fee-paid.dlt 0@12
 * }</pre>
 *
 * {@code list} prints every dead letter of every {@code .dlt} topic: where it is, the event's key,
 * type and id, where it came from and why it failed. {@code replay} writes one back to the topic it
 * came from, as it was (key, value, the event's headers; not the failure's), marked {@code x-replayed-for}
 * the group that gave it up: every consumer group of that topic meets it again, and those that
 * handled it already skip it (they act once per event id; the national portal's sync, which
 * remembers only its last events, skips one replayed for another group). Options:
 * {@code --bootstrap host:port} (default {@code localhost:9092}), {@code --config file} (client
 * properties, e.g. SASL for the containers' broker).
 */
public final class DeadLetters {

	static final String SUFFIX = ".dlt";

	/** Names the group a replayed event is for; a consumer that must never see an event twice skips it otherwise. */
	static final String REPLAYED_FOR = "x-replayed-for";

	private DeadLetters() {
	}

	public static void main(String[] args) throws Exception {
		List<String> rest = new ArrayList<>();
		Properties client = new Properties();
		client.put("bootstrap.servers", "localhost:9092");
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--bootstrap") && i + 1 < args.length) {
				client.put("bootstrap.servers", args[++i]);
			}
			else if (args[i].equals("--config") && i + 1 < args.length) {
				try (InputStream in = Files.newInputStream(Path.of(args[++i]))) {
					client.load(in);
				}
			}
			else {
				rest.add(args[i]);
			}
		}
		if (rest.size() == 1 && rest.get(0).equals("list")) {
			list(client, System.out);
		}
		else if (rest.size() == 3 && rest.get(0).equals("replay")) {
			replay(client, rest.get(1), rest.get(2), System.out);
		}
		else {
			System.err.println("usage: DeadLetters [--bootstrap host:port] [--config file] list | replay <topic.group.dlt> <partition>@<offset>");
			System.exit(2);
		}
	}

	public static void list(Properties client, PrintStream out) throws ExecutionException, InterruptedException {
		TreeSet<String> topics;
		try (Admin admin = Admin.create(client)) {
			topics = new TreeSet<>(admin.listTopics().names().get());
		}
		topics.removeIf((topic) -> !topic.endsWith(SUFFIX));
		if (topics.isEmpty()) {
			out.println("No dead-letter topics.");
			return;
		}
		for (String topic : topics) {
			List<ConsumerRecord<String, String>> letters = readAll(client, topic);
			out.printf("%s: %d%n", topic, letters.size());
			for (ConsumerRecord<String, String> letter : letters) {
				out.printf("  %d@%d key=%s type=%s id=%s from=%s/%s@%s group=%s%n    %s%n", letter.partition(),
						letter.offset(), letter.key(), header(letter, "ce_type"), header(letter, "ce_id"),
						header(letter, "kafka_dlt-original-topic"), header(letter, "kafka_dlt-original-partition"),
						header(letter, "kafka_dlt-original-offset"), header(letter, "x-consumer-group"),
						header(letter, "kafka_dlt-exception-message"));
			}
		}
	}

	public static void replay(Properties client, String topic, String at, PrintStream out) throws Exception {
		String[] position = at.split("@");
		if (!topic.endsWith(SUFFIX) || position.length != 2) {
			throw new IllegalArgumentException("replay <topic.group.dlt> <partition>@<offset>");
		}
		int partition = Integer.parseInt(position[0]);
		long offset = Long.parseLong(position[1]);
		ConsumerRecord<String, String> letter = readAll(client, topic).stream()
			.filter((record) -> record.partition() == partition && record.offset() == offset)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no dead letter at " + topic + " " + at));
		String original = header(letter, "kafka_dlt-original-topic");
		if (original == null) {
			throw new IllegalArgumentException("the dead letter does not say where it came from");
		}
		RecordHeaders headers = new RecordHeaders();
		for (Header header : letter.headers()) {
			if (!header.key().startsWith("kafka_dlt-") && !header.key().equals("x-consumer-group")
					&& !header.key().equals(REPLAYED_FOR)) {
				headers.add(header);
			}
		}
		String group = header(letter, "x-consumer-group");
		if (group != null) {
			headers.add(REPLAYED_FOR, group.getBytes(StandardCharsets.UTF_8));
		}
		Properties producer = new Properties();
		producer.putAll(client);
		producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		try (KafkaProducer<String, String> kafka = new KafkaProducer<>(producer)) {
			var sent = kafka.send(new ProducerRecord<>(original, null, letter.key(), letter.value(), headers)).get();
			out.printf("Replayed %s %s (event %s) to %s at %d@%d%n", topic, at, header(letter, "ce_id"), original,
					sent.partition(), sent.offset());
		}
	}

	static List<ConsumerRecord<String, String>> readAll(Properties client, String topic) {
		Properties consumer = new Properties();
		consumer.putAll(client);
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letters-" + UUID.randomUUID());
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		List<ConsumerRecord<String, String>> all = new ArrayList<>();
		try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumer)) {
			List<TopicPartition> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			kafka.assign(partitions);
			kafka.seekToBeginning(partitions);
			var end = kafka.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> kafka.position(partition) < end.get(partition))) {
				kafka.poll(Duration.ofMillis(500)).forEach(all::add);
			}
		}
		return all;
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
