package vn.gov.bca.platform.document.register;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.data.outbox.EventSchemaFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The document events' contract: one schema per type under event-schemas/document/, whichever topic carries it. */
class EventSchemaFilesTests {

	private static final Class<?>[] EVENTS = { IssuedDocument.DocumentEvent.class };

	@Test
	void everyEventHasItsCurrentSchema() {
		assertThat(EventSchemaFiles.checkShared(Path.of("src/main/resources"), EVENTS)).isEmpty();
	}

	@Test
	void everyEventRecordIsUnderTheListedRoots() {
		assertThat(EventSchemaFiles.eventTypes(EVENTS))
			.containsExactlyElementsOf(EventSchemaFiles.scan("vn.gov.bca.platform.document"));
	}

}
