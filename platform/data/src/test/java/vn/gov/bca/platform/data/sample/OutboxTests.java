package vn.gov.bca.platform.data.sample;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.OutboxProperties;
import vn.gov.bca.platform.data.outbox.OutboxRelay;
import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OutboxTests {

	private static final String TOPIC = "parcel.events.v1";

	@Autowired
	private AggregateStore<Parcel> parcels;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private OutboxProperties properties;

	@Test
	void publishesTheEventsOfEachWriteInOrderKeyedByAggregateWithCloudEventsHeaders() {
		String id = UUID.randomUUID().toString();
		Parcel.Registration registration = Parcel.register(id, "HN-01");
		this.parcels.insert(registration.parcel(), List.of(registration.event())).block();
		for (String destination : List.of("HP-31", "DN-48", "HC-79")) {
			Parcel parcel = this.parcels.findById(id).block();
			this.parcels.update(parcel, parcel.version(), parcel.moveTo(destination)).block();
		}

		List<ConsumerRecord<String, String>> records = TopicReader.await(kafka(), TOPIC, (r) -> id.equals(r.key()), 4,
				Duration.ofSeconds(30));

		assertThat(records).hasSize(4);
		assertThat(records).extracting((r) -> TopicReader.header(r, "ce_type"))
			.containsExactly("vn.gov.bca.parcel.ParcelRegistered", "vn.gov.bca.parcel.ParcelMoved",
					"vn.gov.bca.parcel.ParcelMoved", "vn.gov.bca.parcel.ParcelMoved");
		assertThat(records).extracting(ConsumerRecord::value)
			.satisfiesExactly((first) -> assertThat(first).contains("\"location\":\"HN-01\""),
					(second) -> assertThat(second).contains("\"to\":\"HP-31\""),
					(third) -> assertThat(third).contains("\"to\":\"DN-48\""),
					(fourth) -> assertThat(fourth).contains("\"to\":\"HC-79\""));
		ConsumerRecord<String, String> first = records.get(0);
		assertThat(TopicReader.header(first, "ce_id")).isEqualTo(registration.event().eventId().toString());
		assertThat(TopicReader.header(first, "ce_source")).isEqualTo("/parcel-service");
		assertThat(TopicReader.header(first, "ce_subject")).isEqualTo(id);
		assertThat(TopicReader.header(first, "ce_specversion")).isEqualTo("1.0");
		assertThat(TopicReader.header(first, "ce_time")).isNotBlank();
		assertThat(TopicReader.header(first, "content-type")).isEqualTo("application/json");
		assertThat(TopicReader.header(first, "ce_dataschemaversion")).isEqualTo("1");
		assertThat(records).extracting((r) -> TopicReader.header(r, "ce_dataschema"))
			.containsExactly("urn:vneid:event-schema:parcel.events.v1:ParcelRegistered:v1",
					"urn:vneid:event-schema:parcel.events.v1:ParcelMoved:v1",
					"urn:vneid:event-schema:parcel.events.v1:ParcelMoved:v1",
					"urn:vneid:event-schema:parcel.events.v1:ParcelMoved:v1");
		EventSchemaAssertions.assertValid(records);
		assertThat(records).extracting(ConsumerRecord::partition).containsOnly(first.partition());

		Document stored = awaitOutboxEmpty(id);
		assertThat(stored.getLong("version")).isEqualTo(3);
		assertThat(stored.getString("location")).isEqualTo("HC-79");
	}

	@Test
	void refusesAnUpdateFromAStaleVersionAndKeepsItsEventsOut() {
		String id = UUID.randomUUID().toString();
		Parcel.Registration registration = Parcel.register(id, "HN-01");
		this.parcels.insert(registration.parcel(), List.of(registration.event())).block();
		Parcel first = this.parcels.findById(id).block();
		Parcel second = this.parcels.findById(id).block();
		this.parcels.update(first, first.version(), first.moveTo("HP-31")).block();

		StepVerifier.create(this.parcels.update(second, second.version(), second.moveTo("DN-48")))
			.expectError(OptimisticLockingFailureException.class)
			.verify(Duration.ofSeconds(10));

		List<ConsumerRecord<String, String>> records = TopicReader.readFor(kafka(), TOPIC, (r) -> id.equals(r.key()),
				Duration.ofSeconds(4));
		assertThat(records).hasSize(2).noneMatch((r) -> r.value().contains("DN-48"));
		assertThat(this.parcels.findById(id).block().location()).isEqualTo("HP-31");
	}

	@Test
	void aFieldTheAggregateClearedIsRemovedFromTheDocument() {
		String id = UUID.randomUUID().toString();
		Parcel.Registration registration = Parcel.register(id, "HN-01");
		this.parcels.insert(registration.parcel(), List.of(registration.event())).block();
		Parcel parcel = this.parcels.findById(id).block();
		this.parcels.update(parcel, parcel.version(), parcel.handTo("Bưu điện Hà Nội")).block();
		assertThat(this.parcels.findById(id).block().courier()).isEqualTo("Bưu điện Hà Nội");

		Parcel handed = this.parcels.findById(id).block();
		this.parcels.update(handed, handed.version(), handed.handTo(null)).block();

		Document stored = this.mongo.findById(id, Document.class, "parcels").block();
		assertThat(stored).doesNotContainKey("courier").containsEntry("location", "HN-01");
		assertThat(stored.getLong("version")).isEqualTo(2);
	}

	@Test
	void twoInstancesRelayingTheSameDocumentPublishEachEventOnce() {
		String id = UUID.randomUUID().toString();
		// Written as a crashed instance would have left it: events pending, nobody publishing.
		Document pending = new Document("_id", id).append("location", "HN-01")
			.append("version", 0L)
			.append("outboxPending", true)
			.append("outbox", List.of(entry(id, "e1"), entry(id, "e2"), entry(id, "e3")));
		this.mongo.insert(pending, "parcels").block();
		OutboxRelay one = new OutboxRelay(this.mongo, this.kafka, this.properties);
		OutboxRelay other = new OutboxRelay(this.mongo, this.kafka, this.properties);

		List<Integer> published = Flux
			.merge(Mono.defer(() -> one.relay("parcels", id)), Mono.defer(() -> other.relay("parcels", id)))
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(published).containsExactlyInAnyOrder(3, 0);
		List<ConsumerRecord<String, String>> records = TopicReader.readFor(kafka(), TOPIC, (r) -> id.equals(r.key()),
				Duration.ofSeconds(4));
		assertThat(records).extracting((r) -> TopicReader.header(r, "ce_id")).containsExactly(id + "-e1",
				id + "-e2", id + "-e3");
		awaitOutboxEmpty(id);
	}

	private static Document entry(String aggregateId, String suffix) {
		return new Document("eventId", aggregateId + "-" + suffix).append("type", "vn.gov.bca.parcel.ParcelMoved")
			.append("subject", aggregateId)
			.append("time", new java.util.Date())
			.append("schemaVersion", 1)
			.append("data", "{\"step\":\"" + suffix + "\"}");
	}

	private Document awaitOutboxEmpty(String id) {
		long deadline = System.currentTimeMillis() + 15_000;
		while (true) {
			Document stored = this.mongo.findById(id, Document.class, "parcels").block();
			if (stored != null && !stored.containsKey("outboxPending") && !stored.containsKey("outbox")) {
				return stored;
			}
			assertThat(System.currentTimeMillis()).as("outbox of %s emptied", id).isLessThan(deadline);
			sleep(100);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String kafka() {
		return TestInfrastructure.get().kafkaBootstrapServers();
	}

}
