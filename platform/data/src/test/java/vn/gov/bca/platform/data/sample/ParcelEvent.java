package vn.gov.bca.platform.data.sample;

import java.time.Instant;
import java.util.UUID;

import vn.gov.bca.platform.data.outbox.DomainEvent;

public sealed interface ParcelEvent extends DomainEvent {

	record ParcelRegistered(UUID eventId, Instant occurredAt, String aggregateId, String location)
			implements ParcelEvent {
	}

	record CourierChanged(UUID eventId, Instant occurredAt, String aggregateId, String courier) implements ParcelEvent {
	}

	record ParcelMoved(UUID eventId, Instant occurredAt, String aggregateId, String from, String to)
			implements ParcelEvent {
	}

}
