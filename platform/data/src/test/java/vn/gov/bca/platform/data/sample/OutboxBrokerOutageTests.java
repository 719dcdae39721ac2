package vn.gov.bca.platform.data.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.runner.KafkaBroker;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka is away when the state changes: the change is saved with its events, and the events reach
 * Kafka, in order and once each, when the broker is back on the same address. The broker is a
 * real one in a JVM of its own, stopped and started again on the same ports and data.
 */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
// The relay and the producer of this context must not keep calling a stopped broker during later test classes.
@DirtiesContext
class OutboxBrokerOutageTests {

	private static final String TOPIC = "parcel.events.v1";

	private static final String REGISTERED = "vn.gov.bca.parcel.ParcelRegistered";

	private static final String MOVED = "vn.gov.bca.parcel.ParcelMoved";

	private static final int[] KAFKA_PORTS = freePorts();

	@TempDir
	static Path dir;

	private static KafkaBroker kafka;

	@Autowired
	private AggregateStore<Parcel> parcels;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private io.micrometer.core.instrument.MeterRegistry metrics;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> TestInfrastructure.get().mongoUri("outage-" + UUID.randomUUID()));
		registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + KAFKA_PORTS[0]);
		registry.add("vneid.keycloak.url", () -> TestInfrastructure.get().jwt().keycloakUrl());
	}

	@BeforeAll
	static void startKafka() {
		kafka = new KafkaBroker(KAFKA_PORTS[0], KAFKA_PORTS[1], dir.resolve("kafka"), dir.resolve("logs")).start();
	}

	@AfterAll
	static void stopKafka() {
		if (kafka != null) {
			kafka.stop();
		}
	}

	@Test
	void keepsTheEventsWrittenWhileKafkaIsAwayAndPublishesThemInOrderOnceItIsBack() throws Exception {
		String id = UUID.randomUUID().toString();
		Parcel.Registration registration = Parcel.register(id, "HN-01");
		this.parcels.insert(registration.parcel(), List.of(registration.event())).block();
		assertThat(TopicReader.await(kafka.bootstrapServers(), TOPIC, key(id), 1, Duration.ofSeconds(30))).hasSize(1);
		awaitOutboxEmpty(id, Duration.ofSeconds(15));

		kafka.stop();
		move(id, "HP-31");
		move(id, "DN-48");
		Thread.sleep(3000);

		Document waiting = this.mongo.findById(id, Document.class, "parcels").block();
		assertThat(waiting.getString("location")).isEqualTo("DN-48");
		assertThat(waiting.getBoolean("outboxPending")).isTrue();
		assertThat(waiting.getList("outbox", Document.class)).extracting((entry) -> entry.getString("type"))
			.containsExactly(MOVED, MOVED);
		// What an operator's alert watches: the sweep found a document whose events wait.
		assertThat(this.metrics.get("vneid.outbox.pending").tag("collection", "parcels").gauge().value())
			.isGreaterThanOrEqualTo(1);
		// And how long its oldest event has waited: the moves were written 3 s ago.
		assertThat(this.metrics.get("vneid.outbox.oldest.pending.seconds").tag("collection", "parcels").gauge().value())
			.isGreaterThanOrEqualTo(1);

		kafka.start();

		List<ConsumerRecord<String, String>> records = TopicReader.await(kafka.bootstrapServers(), TOPIC, key(id), 3,
				Duration.ofSeconds(40));
		assertThat(records).extracting((r) -> TopicReader.header(r, "ce_type"))
			.containsExactly(REGISTERED, MOVED, MOVED);
		assertThat(records).extracting(ConsumerRecord::value)
			.satisfiesExactly((first) -> assertThat(first).contains("\"location\":\"HN-01\""),
					(second) -> assertThat(second).contains("\"to\":\"HP-31\""),
					(third) -> assertThat(third).contains("\"to\":\"DN-48\""));
		assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
		awaitOutboxEmpty(id, Duration.ofSeconds(15));
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(45))
			.until(() -> this.metrics.get("vneid.outbox.pending").tag("collection", "parcels").gauge().value() == 0);
		assertThat(this.metrics.get("vneid.outbox.oldest.pending.seconds").tag("collection", "parcels").gauge().value())
			.isZero();
		assertThat(TopicReader.readFor(kafka.bootstrapServers(), TOPIC, key(id), Duration.ofSeconds(4)))
			.as("each event once")
			.hasSize(3);
	}

	private void move(String id, String destination) {
		Parcel parcel = this.parcels.findById(id).block();
		Parcel saved = this.parcels.update(parcel, parcel.version(), parcel.moveTo(destination))
			.block(Duration.ofSeconds(10));
		assertThat(saved).as("saved while Kafka is away").isNotNull();
	}

	private static Predicate<ConsumerRecord<String, String>> key(String id) {
		return (record) -> id.equals(record.key());
	}

	private void awaitOutboxEmpty(String id, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Document stored = this.mongo.findById(id, Document.class, "parcels").block();
			if (stored != null && !stored.containsKey("outboxPending") && !stored.containsKey("outbox")) {
				return;
			}
			assertThat(System.nanoTime()).as("outbox of %s emptied: %s", id, stored).isLessThan(deadline);
			OutboxTests.sleep(100);
		}
	}

	private static int[] freePorts() {
		try (ServerSocket broker = new ServerSocket(0); ServerSocket controller = new ServerSocket(0)) {
			return new int[] { broker.getLocalPort(), controller.getLocalPort() };
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
