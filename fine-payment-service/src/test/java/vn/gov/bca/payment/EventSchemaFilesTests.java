package vn.gov.bca.payment;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.data.outbox.EventSchemaFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of the events fine-payment-service publishes on payment.events.v1: a committed JSON Schema per type (the
 * dossier and document events it also publishes have theirs in the platform modules).
 */
class EventSchemaFilesTests {

	private static final String TOPIC = "payment.events.v1";

	private static final Class<?>[] EVENTS = { vn.gov.bca.payment.order.PaymentEvent.class,
			vn.gov.bca.payment.decision.DecisionEvent.class };

	@Test
	void everyEventHasItsCurrentSchema() {
		assertThat(EventSchemaFiles.check(Path.of("src/main/resources"), TOPIC, EVENTS)).isEmpty();
	}

	@Test
	void everyEventRecordIsUnderTheListedRoots() {
		assertThat(EventSchemaFiles.eventTypes(EVENTS)).containsExactlyElementsOf(EventSchemaFiles.scan("vn.gov.bca.payment"));
	}

}
