package vn.gov.bca.platform.data.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to an aggregate, named in the past tense ({@code DossierSubmitted}).
 * Implemented by immutable records under a sealed interface per aggregate; the producing service
 * owns the type. Consumers must tolerate fields they do not read, so fields are only ever added:
 * a breaking change is a new type (or a new topic version).
 */
public interface DomainEvent {

	UUID eventId();

	Instant occurredAt();

	/** The id of the aggregate the event belongs to; also the Kafka key, which keeps its events in order. */
	String aggregateId();

	default int schemaVersion() {
		return 1;
	}

	/** The CloudEvents {@code type} suffix; by default the record's simple name. */
	default String eventType() {
		return getClass().getSimpleName();
	}

}
