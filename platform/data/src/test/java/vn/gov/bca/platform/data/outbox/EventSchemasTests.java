package vn.gov.bca.platform.data.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventSchemasTests {

	private static final String TOPIC = "sample.events.v1";

	@EventSchemaScope("shared")
	sealed interface SharedEvent extends DomainEvent {

		record SharedHappened(UUID eventId, Instant occurredAt, String aggregateId) implements SharedEvent {
		}

	}

	enum Colour {

		RED, GREEN

	}

	record Part(String name, int count) {
	}

	record EverythingHappened(UUID eventId, Instant occurredAt, String aggregateId, String text, LocalDate day,
			long amount, boolean flag, Integer optionalNumber, Colour colour, List<String> names, List<Part> parts,
			Map<String, Long> totals) implements DomainEvent {
	}

	@Test
	void namesTheSchemaOfAnEventByTopicTypeAndVersionBothAsUriAndAsResource() {
		EverythingHappened event = everything();

		String uri = EventSchemas.uri(event, TOPIC);

		assertThat(uri).isEqualTo("urn:vneid:event-schema:sample.events.v1:EverythingHappened:v1");
		assertThat(EventSchemas.resource(uri))
			.isEqualTo("META-INF/vneid/event-schemas/sample.events.v1/EverythingHappened.v1.json")
			.isEqualTo(EventSchemaFiles.resource(EverythingHappened.class, TOPIC));
	}

	@Test
	void anEventSharedByServicesHasOneSchemaWhateverTheTopic() {
		SharedEvent.SharedHappened event = new SharedEvent.SharedHappened(UUID.randomUUID(), Instant.now(), "a-1");

		assertThat(EventSchemas.uri(event, "passport.events.v1")).isEqualTo(EventSchemas.uri(event, "seal.events.v1"))
			.isEqualTo("urn:vneid:event-schema:shared:SharedHappened:v1");
	}

	@Test
	void refusesAUriItDidNotMake() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventSchemas.resource("https://example.org/schema.json"));
	}

	@Test
	void theSchemaDescribesTheJsonTheMapperWrites() {
		JsonNode schema = EventSchemaFiles.schema(EverythingHappened.class, TOPIC);
		JsonNode properties = schema.path("properties");

		assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		assertThat(schema.path("$id").asString()).isEqualTo(EventSchemas.uri(everything(), TOPIC));
		assertThat(schema.has("additionalProperties")).isFalse();
		assertThat(schema.path("required").valueStream().map(JsonNode::asString))
			.containsExactly("eventId", "occurredAt", "aggregateId", "amount", "flag");
		assertThat(properties.path("eventId").path("format").asString()).isEqualTo("uuid");
		assertThat(properties.path("occurredAt").path("format").asString()).isEqualTo("date-time");
		assertThat(properties.path("day").path("format").asString()).isEqualTo("date");
		assertThat(properties.path("amount").path("type").asString()).isEqualTo("integer");
		assertThat(properties.path("optionalNumber").path("type").asString()).isEqualTo("integer");
		assertThat(properties.path("flag").path("type").asString()).isEqualTo("boolean");
		assertThat(properties.path("colour").path("enum").valueStream().map(JsonNode::asString))
			.containsExactly("RED", "GREEN");
		assertThat(properties.path("names").path("items").path("type").asString()).isEqualTo("string");
		assertThat(properties.path("parts").path("items").path("required").valueStream().map(JsonNode::asString))
			.containsExactly("count");
		assertThat(properties.path("totals").path("additionalProperties").path("type").asString())
			.isEqualTo("integer");
		// What the schema says is what Jackson writes: the same property names, nothing more.
		JsonNode written = JsonMapper.builder().build().valueToTree(everything());
		assertThat(written.propertyNames()).containsExactlyElementsOf(properties.propertyNames());
		assertThat(written.path("occurredAt").isString()).isTrue();
		assertThat(written.path("day").asString()).isEqualTo("2026-03-02");
	}

	@Test
	void findsTheRecordsOfASealedInterface() {
		assertThat(EventSchemaFiles.eventTypes(SharedEvent.class, EverythingHappened.class))
			.containsExactly(EverythingHappened.class, SharedEvent.SharedHappened.class);
	}

	private static EverythingHappened everything() {
		return new EverythingHappened(UUID.randomUUID(), Instant.parse("2026-03-02T01:02:03Z"), "a-1", "text",
				LocalDate.of(2026, 3, 2), 5, true, 7, Colour.GREEN, List.of("x"), List.of(new Part("p", 1)),
				Map.of("k", 1L));
	}

}
