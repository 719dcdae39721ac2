package vn.gov.bca.platform.dossier;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.data.outbox.EventSchemaFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The dossier events' contract: one schema per type under event-schemas/dossier/, whichever topic carries it. */
class EventSchemaFilesTests {

	private static final Class<?>[] EVENTS = { DossierEvent.class };

	@Test
	void everyEventHasItsCurrentSchema() {
		assertThat(EventSchemaFiles.checkShared(Path.of("src/main/resources"), EVENTS)).isEmpty();
	}

	@Test
	void everyEventRecordIsUnderTheListedRoots() {
		assertThat(EventSchemaFiles.eventTypes(EVENTS))
			.containsExactlyElementsOf(EventSchemaFiles.scan("vn.gov.bca.platform.dossier"));
	}

}
