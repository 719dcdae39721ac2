package vn.gov.bca.platform.data.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be published. Stored inside the aggregate's
 * document by the same write that changed the aggregate, so that the state change and its events
 * are saved together or not at all.
 *
 * @param eventId the CloudEvents id (a UUID)
 * @param type the CloudEvents type, e.g. {@code vn.gov.bca.passport.DossierSubmitted}
 * @param subject the aggregate id, also the Kafka key
 * @param time when the event happened
 * @param schemaVersion the version of the event's data schema
 * @param data the event as JSON
 * @param requestId the request that caused it
 * @param traceparent the W3C trace context of that request
 * @param dataschema the CloudEvents dataschema, the URI of the event's JSON Schema ({@link EventSchemas}); null
 * in an entry written before it was stored, which then goes out without one
 */
public record OutboxEntry(String eventId, String type, String subject, Instant time, int schemaVersion, String data,
		String requestId, String traceparent, String dataschema) {

}
