package vn.gov.bca.identity;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.data.outbox.EventSchemaFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of the events identity-service publishes on identity.events.v1: a committed JSON Schema per type (the
 * dossier and document events it also publishes have theirs in the platform modules).
 */
class EventSchemaFilesTests {

	private static final String TOPIC = "identity.events.v1";

	private static final Class<?>[] EVENTS = { vn.gov.bca.identity.account.AccountEvent.class,
			vn.gov.bca.identity.registry.CitizenEvent.class,
			vn.gov.bca.identity.card.CardDossier.BiometricsCaptured.class,
			vn.gov.bca.identity.card.CardDossier.IdentityCardProduced.class };

	@Test
	void everyEventHasItsCurrentSchema() {
		assertThat(EventSchemaFiles.check(Path.of("src/main/resources"), TOPIC, EVENTS)).isEmpty();
	}

	@Test
	void everyEventRecordIsUnderTheListedRoots() {
		assertThat(EventSchemaFiles.eventTypes(EVENTS)).containsExactlyElementsOf(EventSchemaFiles.scan("vn.gov.bca.identity"));
	}

}
