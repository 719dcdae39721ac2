package vn.gov.bca.platform.data.outbox;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the JSON Schema of an event type at a schema version, two ways that map one to one:
 * <ul>
 * <li>the CloudEvents {@code dataschema} the relay sends ({@code ce_dataschema}):
 * {@code urn:vneid:event-schema:<scope>:<type>:v<version>}, e.g.
 * {@code urn:vneid:event-schema:passport.events.v1:ExitBanImposed:v1};</li>
 * <li>the classpath resource holding the schema, committed in the module that owns the type:
 * {@code META-INF/vneid/event-schemas/<scope>/<type>.v<version>.json}.</li>
 * </ul>
 * The scope is the topic the event is published on, except for an event type several services
 * publish, whose interface names one scope for all of them with {@link EventSchemaScope}
 * ({@code dossier}, {@code document}). The type is {@link DomainEvent#eventType()}, the CloudEvents
 * type without the service's prefix.
 */
public final class EventSchemas {

	public static final String URI_PREFIX = "urn:vneid:event-schema:";

	public static final String FOLDER = "META-INF/vneid/event-schemas/";

	private static final Pattern URI = Pattern
		.compile(Pattern.quote(URI_PREFIX) + "([A-Za-z0-9._-]+):([A-Za-z0-9_]+):v([0-9]+)");

	private EventSchemas() {
	}

	/** The dataschema of an event published on {@code topic}. */
	public static String uri(DomainEvent event, String topic) {
		return uri(scope(event.getClass(), topic), event.eventType(), event.schemaVersion());
	}

	public static String uri(String scope, String type, int version) {
		return URI_PREFIX + scope + ":" + type + ":v" + version;
	}

	public static String resource(String scope, String type, int version) {
		return FOLDER + scope + "/" + type + ".v" + version + ".json";
	}

	/** The resource of a dataschema URI made by {@link #uri(String, String, int)}. */
	public static String resource(String uri) {
		Matcher matcher = URI.matcher(uri);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not an event schema URI: " + uri);
		}
		return resource(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3)));
	}

	/** The scope of an event class: the one its interfaces name with {@link EventSchemaScope}, else the topic. */
	public static String scope(Class<?> eventType, String topic) {
		return findScope(eventType).map(EventSchemaScope::value).orElse(topic);
	}

	private static Optional<EventSchemaScope> findScope(Class<?> type) {
		EventSchemaScope own = type.getAnnotation(EventSchemaScope.class);
		if (own != null) {
			return Optional.of(own);
		}
		return Arrays.stream(type.getInterfaces())
			.map(EventSchemas::findScope)
			.flatMap(Optional::stream)
			.findFirst();
	}

}
