package vn.gov.bca.platform.data.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the JSON Schema (draft 2020-12) of each event record from its components, the way the
 * services' JsonMapper writes it ({@code non_null}: an absent property is a null component;
 * {@code Instant} as an ISO-8601 date-time string, {@code LocalDate} as an ISO-8601 date, enums by
 * name), and checks that the files committed under {@link EventSchemas#FOLDER} are these schemas.
 *
 * <p>Required are the properties always written: the event id, time and aggregate id every event
 * must have, and the primitive components. Other components may be null (the records do not say
 * which never are), so they are optional. No schema forbids additional properties: fields are only
 * ever added, and consumers must tolerate those they do not know.
 *
 * <p>Each owning module's tests call {@link #check}; run with {@code -Dvneid.schemas.write=true} it
 * writes the files instead.
 */
public final class EventSchemaFiles {

	/** The system property that makes {@link #check} (re)write the schema files. */
	public static final String WRITE_PROPERTY = "vneid.schemas.write";

	static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

	/** The components every event has ({@link DomainEvent}), never null. */
	private static final Set<String> ENVELOPE = Set.of("eventId", "occurredAt", "aggregateId");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private EventSchemaFiles() {
	}

	/**
	 * The event records under the roots, by name: a sealed interface or class stands for its
	 * permitted subclasses (recursively), a record for itself.
	 */
	public static List<Class<?>> eventTypes(Class<?>... roots) {
		Set<Class<?>> types = new LinkedHashSet<>();
		for (Class<?> root : roots) {
			collect(root, types);
		}
		return types.stream().sorted(Comparator.comparing(Class::getName)).toList();
	}

	private static void collect(Class<?> type, Set<Class<?>> types) {
		if (type.isSealed()) {
			for (Class<?> permitted : type.getPermittedSubclasses()) {
				collect(permitted, types);
			}
		}
		else if (type.isRecord() && DomainEvent.class.isAssignableFrom(type)) {
			types.add(type);
		}
		else {
			throw new IllegalArgumentException(type.getName() + " is neither a sealed event interface nor an event record");
		}
	}

	/** Every event record in the package and below, found on the classpath: to show that the roots miss none. */
	public static List<Class<?>> scan(String basePackage) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(DomainEvent.class));
		List<Class<?>> types = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), EventSchemaFiles.class.getClassLoader());
			if (type.isRecord()) {
				types.add(type);
			}
		}
		return types.stream().sorted(Comparator.comparing(Class::getName)).toList();
	}

	/** The schema of an event record published on {@code topic} (or in its {@link EventSchemaScope}). */
	public static ObjectNode schema(Class<?> eventType, String topic) {
		String scope = EventSchemas.scope(eventType, topic);
		String type = eventType(eventType);
		int version = schemaVersion(eventType);
		ObjectNode schema = NODES.objectNode();
		schema.put("$schema", DIALECT);
		schema.put("$id", EventSchemas.uri(scope, type, version));
		schema.put("title", type + " v" + version);
		schema.put("description", "The data (JSON body) of the event " + type + ", schema version " + version
				+ ", the Java record " + eventType.getCanonicalName() + ", published on "
				+ (scope.equals(topic) ? "the topic " + topic : "the topic of each service that uses it")
				+ ". Fields are only ever added: consumers must ignore properties they do not know.");
		object(eventType, schema, true);
		return schema;
	}

	/** The schema as it is committed: pretty-printed, ending with a new line. */
	public static String text(Class<?> eventType, String topic) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema(eventType, topic)) + "\n";
	}

	/** Where the schema of the event record is committed, relative to {@code src/main/resources}. */
	public static String resource(Class<?> eventType, String topic) {
		return EventSchemas.resource(EventSchemas.scope(eventType, topic), eventType(eventType),
				schemaVersion(eventType));
	}

	/**
	 * Compares the committed schema files of the event records under {@code roots} with the ones made
	 * from the records now; the problems found, none when all are current. With
	 * {@code -Dvneid.schemas.write=true}, writes the missing and stale files instead (and finds none).
	 * @param resources the module's {@code src/main/resources}
	 * @param topic the topic the module's events are published on
	 * @param roots the module's sealed event interfaces and event records
	 */
	public static List<String> check(Path resources, String topic, Class<?>... roots) {
		if (topic == null && !eventTypes(roots).stream().allMatch(EventSchemaFiles::isShared)) {
			throw new IllegalArgumentException("Only events of an @EventSchemaScope interface have no topic");
		}
		boolean write = Boolean.getBoolean(WRITE_PROPERTY);
		List<String> problems = new ArrayList<>();
		for (Class<?> eventType : eventTypes(roots)) {
			Path file = resources.resolve(resource(eventType, topic));
			String expected = text(eventType, topic);
			if (write) {
				write(file, expected);
			}
			else if (!Files.exists(file)) {
				problems.add("No schema for " + eventType.getCanonicalName() + ": " + file + " is missing. " + howToRegenerate());
			}
			else if (!JSON.readTree(read(file)).equals(JSON.readTree(expected))) {
				problems.add(file + " is not the schema of " + eventType.getCanonicalName()
						+ " (a component added or changed?). " + howToRegenerate());
			}
		}
		return problems;
	}

	/** {@link #check(Path, String, Class...)} of events several services publish, all of an {@link EventSchemaScope}. */
	public static List<String> checkShared(Path resources, Class<?>... roots) {
		return check(resources, null, roots);
	}

	private static boolean isShared(Class<?> eventType) {
		return !EventSchemas.scope(eventType, "").isEmpty();
	}

	private static String howToRegenerate() {
		return "Regenerate with ./mvnw -o -q test -pl <module> -Dtest=EventSchemaFilesTests -D" + WRITE_PROPERTY
				+ "=true and commit the change; only add fields (a breaking change is a new type or topic version).";
	}

	private static String eventType(Class<?> eventType) {
		requireDefault(eventType, "eventType");
		return eventType.getSimpleName();
	}

	private static int schemaVersion(Class<?> eventType) {
		requireDefault(eventType, "schemaVersion");
		return 1;
	}

	/** The type name and version are read from the class, so a record that overrides them is not understood yet. */
	private static void requireDefault(Class<?> eventType, String method) {
		try {
			Method declared = eventType.getMethod(method);
			if (declared.getDeclaringClass() != DomainEvent.class) {
				throw new IllegalStateException(eventType.getName() + " overrides " + method
						+ "(): teach EventSchemaFiles to read it before publishing a new version");
			}
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void object(Class<?> recordType, ObjectNode schema, boolean event) {
		schema.put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		ArrayNode required = NODES.arrayNode();
		for (RecordComponent component : recordType.getRecordComponents()) {
			if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
				continue;
			}
			String name = component.getName();
			properties.set(name, type(component.getGenericType(), recordType.getName() + "." + name));
			if (component.getType().isPrimitive() || (event && ENVELOPE.contains(name))) {
				required.add(name);
			}
		}
		if (!required.isEmpty()) {
			schema.set("required", required);
		}
	}

	private static JsonNode type(Type type, String where) {
		ObjectNode schema = NODES.objectNode();
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
			Type[] arguments = parameterized.getActualTypeArguments();
			if (Collection.class.isAssignableFrom(raw)) {
				schema.put("type", "array");
				schema.set("items", type(arguments[0], where + "[]"));
				return schema;
			}
			if (Map.class.isAssignableFrom(raw) && arguments[0] == String.class) {
				schema.put("type", "object");
				schema.set("additionalProperties", type(arguments[1], where + "{}"));
				return schema;
			}
			throw unsupported(type, where);
		}
		if (type instanceof GenericArrayType array) {
			schema.put("type", "array");
			schema.set("items", type(array.getGenericComponentType(), where + "[]"));
			return schema;
		}
		if (!(type instanceof Class<?> plain)) {
			throw unsupported(type, where);
		}
		if (plain == String.class) {
			schema.put("type", "string");
		}
		else if (plain == UUID.class) {
			schema.put("type", "string");
			schema.put("format", "uuid");
		}
		else if (plain == Instant.class || plain == OffsetDateTime.class || plain == ZonedDateTime.class) {
			schema.put("type", "string");
			schema.put("format", "date-time");
		}
		else if (plain == LocalDate.class) {
			schema.put("type", "string");
			schema.put("format", "date");
		}
		else if (plain == Duration.class) {
			schema.put("type", "string");
			schema.put("format", "duration");
		}
		else if (plain == boolean.class || plain == Boolean.class) {
			schema.put("type", "boolean");
		}
		else if (plain == int.class || plain == long.class || plain == short.class || plain == Integer.class
				|| plain == Long.class || plain == Short.class || plain == BigInteger.class) {
			schema.put("type", "integer");
		}
		else if (plain == double.class || plain == float.class || plain == Double.class || plain == Float.class
				|| plain == BigDecimal.class) {
			schema.put("type", "number");
		}
		else if (plain.isEnum()) {
			schema.put("type", "string");
			ArrayNode values = schema.putArray("enum");
			for (Object constant : plain.getEnumConstants()) {
				values.add(((Enum<?>) constant).name());
			}
		}
		else if (plain.isArray() && plain != byte[].class) {
			schema.put("type", "array");
			schema.set("items", type(plain.getComponentType(), where + "[]"));
		}
		else if (plain.isRecord()) {
			object(plain, schema, false);
		}
		else {
			throw unsupported(type, where);
		}
		return schema;
	}

	private static IllegalArgumentException unsupported(Type type, String where) {
		return new IllegalArgumentException("No JSON Schema for " + type.getTypeName() + " (" + where
				+ "): add its mapping to EventSchemaFiles the way the JsonMapper writes it");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
