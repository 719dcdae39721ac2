package vn.gov.bca.platform.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a published event against its contract: the JSON Schema its {@code ce_dataschema} header
 * names. The schemas are the files under {@code META-INF/vneid/event-schemas/} on the test's
 * classpath (the service's own and the platform modules'), known by their {@code $id}, which is the
 * dataschema URI.
 */
public final class EventSchemaAssertions {

	public static final String LOCATION = "classpath*:META-INF/vneid/event-schemas/**/*.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Loaded once per test JVM: by dataschema URI. */
	private static final Map<String, Schema> SCHEMAS = load();

	private EventSchemaAssertions() {
	}

	/** Fails unless each record names its schema in {@code ce_dataschema} and its body is valid against it. */
	public static void assertValid(List<ConsumerRecord<String, String>> records) {
		if (records.isEmpty()) {
			throw new AssertionError("No records to check against their schemas");
		}
		records.forEach(EventSchemaAssertions::assertValid);
	}

	/** Fails unless the record names its schema in {@code ce_dataschema} and its body is valid against it. */
	public static void assertValid(ConsumerRecord<String, String> record) {
		String type = TopicReader.header(record, "ce_type");
		String uri = TopicReader.header(record, "ce_dataschema");
		if (uri == null) {
			throw new AssertionError("Record " + type + " of " + record.topic() + " has no ce_dataschema header");
		}
		Schema schema = SCHEMAS.get(uri);
		if (schema == null) {
			throw new AssertionError("No schema " + uri + " (of record " + type + " on " + record.topic()
					+ ") on the classpath under META-INF/vneid/event-schemas/");
		}
		List<Error> errors = schema.validate(record.value(), InputFormat.JSON);
		if (!errors.isEmpty()) {
			throw new AssertionError("Record " + type + " on " + record.topic() + " does not match " + uri + ": "
					+ errors + "\n" + record.value());
		}
	}

	private static Map<String, Schema> load() {
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemaRegistryConfig(config));
		Map<String, Schema> schemas = new HashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				JsonNode node = read(resource);
				String id = node.path("$id").asString("");
				if (id.isEmpty()) {
					throw new IllegalStateException("Event schema " + resource + " has no $id");
				}
				if (schemas.put(id, registry.getSchema(SchemaLocation.of(id), node)) != null) {
					throw new IllegalStateException("Two event schemas have the $id " + id + ", one is " + resource);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(schemas);
	}

	private static JsonNode read(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return JSON.readTree(in);
		}
	}

}
