package vn.gov.bca.residence;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.data.outbox.EventSchemaFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of the events residence-service publishes on residence.events.v1: a committed JSON Schema per type (the
 * dossier and document events it also publishes have theirs in the platform modules).
 */
class EventSchemaFilesTests {

	private static final String TOPIC = "residence.events.v1";

	private static final Class<?>[] EVENTS = { vn.gov.bca.residence.registration.ResidenceDossier.ConsentDecided.class,
			vn.gov.bca.residence.establishment.Establishment.EstablishmentEvent.class,
			vn.gov.bca.residence.register.ResidenceEvent.class,
			vn.gov.bca.residence.stay.StayNotification.StayNotified.class,
			vn.gov.bca.residence.foreigner.ForeignGuestDeclaration.ForeignGuestEvent.class };

	@Test
	void everyEventHasItsCurrentSchema() {
		assertThat(EventSchemaFiles.check(Path.of("src/main/resources"), TOPIC, EVENTS)).isEmpty();
	}

	@Test
	void everyEventRecordIsUnderTheListedRoots() {
		assertThat(EventSchemaFiles.eventTypes(EVENTS)).containsExactlyElementsOf(EventSchemaFiles.scan("vn.gov.bca.residence"));
	}

}
