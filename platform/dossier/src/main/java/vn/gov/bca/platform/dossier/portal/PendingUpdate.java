package vn.gov.bca.platform.dossier.portal;

import java.time.Instant;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.data.consumer.IncomingEvent;
import vn.gov.bca.platform.dossier.DossierStatus;

/**
 * One change of a dossier to tell the national portal: the event that made it, its type, the status
 * it gave the dossier and when.
 */
public record PendingUpdate(String eventId, String type, DossierStatus status, Instant occurredAt) {

	/** The dossier events (the platform's {@code DossierEvent}s): the only ones the portal is told. */
	static final Set<String> DOSSIER_EVENTS = Set.of("DossierSubmitted", "DossierAccepted", "DossierNotAccepted",
			"SupplementRequested", "DossierSupplemented", "PaymentRequested", "PaymentReceived", "DossierWithdrawn",
			"DossierStopped", "DossierProcessed", "ResultReturned");

	/**
	 * The update a record of the service's topic carries.
	 * @throws IllegalArgumentException if the record lacks its id, its time or a status
	 */
	static PendingUpdate of(ConsumerRecord<String, String> record, JsonMapper json) {
		IncomingEvent event = IncomingEvent.from(record);
		JsonNode data;
		try {
			data = json.readTree(event.data());
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("the event's data are not JSON");
		}
		String status = data.path("status").asString("");
		if (event.time() == null || status.isEmpty()) {
			throw new IllegalArgumentException("the event has no time or no status");
		}
		try {
			return new PendingUpdate(event.id(), event.simpleType(), DossierStatus.valueOf(status),
					Instant.parse(event.time()));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("the event's status or time is unreadable: " + ex.getMessage());
		}
	}

}
