package vn.gov.bca.passport;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.data.outbox.EventSchemaFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of the events passport-service publishes on passport.events.v1: a committed JSON Schema per type (the
 * dossier and document events it also publishes have theirs in the platform modules).
 */
class EventSchemaFilesTests {

	private static final String TOPIC = "passport.events.v1";

	private static final Class<?>[] EVENTS = { vn.gov.bca.passport.restriction.ExitBan.ExitBanEvent.class,
			vn.gov.bca.passport.application.PassportApplication.PassportIssued.class };

	@Test
	void everyEventHasItsCurrentSchema() {
		assertThat(EventSchemaFiles.check(Path.of("src/main/resources"), TOPIC, EVENTS)).isEmpty();
	}

	@Test
	void everyEventRecordIsUnderTheListedRoots() {
		assertThat(EventSchemaFiles.eventTypes(EVENTS)).containsExactlyElementsOf(EventSchemaFiles.scan("vn.gov.bca.passport"));
	}

}
