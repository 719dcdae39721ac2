package vn.gov.bca.seal;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.data.outbox.EventSchemaFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of the events seal-service publishes on seal.events.v1: a committed JSON Schema per type (the
 * dossier and document events it also publishes have theirs in the platform modules).
 */
class EventSchemaFilesTests {

	private static final String TOPIC = "seal.events.v1";

	private static final Class<?>[] EVENTS = { vn.gov.bca.seal.organisation.Organisation.OrganisationEvent.class,
			vn.gov.bca.seal.registry.Seal.SealEvent.class };

	@Test
	void everyEventHasItsCurrentSchema() {
		assertThat(EventSchemaFiles.check(Path.of("src/main/resources"), TOPIC, EVENTS)).isEmpty();
	}

	@Test
	void everyEventRecordIsUnderTheListedRoots() {
		assertThat(EventSchemaFiles.eventTypes(EVENTS)).containsExactlyElementsOf(EventSchemaFiles.scan("vn.gov.bca.seal"));
	}

}
