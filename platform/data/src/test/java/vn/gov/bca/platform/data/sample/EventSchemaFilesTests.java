package vn.gov.bca.platform.data.sample;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.data.outbox.EventSchemaFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample service's event contract, as each service keeps its own (in src/main/resources there). */
class EventSchemaFilesTests {

	private static final Class<?>[] EVENTS = { ParcelEvent.class };

	@Test
	void everyEventHasItsCurrentSchema() {
		assertThat(EventSchemaFiles.check(Path.of("src/test/resources"), "parcel.events.v1", EVENTS)).isEmpty();
	}

	@Test
	void everyEventRecordIsUnderTheListedRoots() {
		assertThat(EventSchemaFiles.eventTypes(EVENTS))
			.containsExactlyElementsOf(EventSchemaFiles.scan("vn.gov.bca.platform.data.sample"));
	}

}
