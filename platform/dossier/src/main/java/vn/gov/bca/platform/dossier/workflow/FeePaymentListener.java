package vn.gov.bca.platform.dossier.workflow;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.data.consumer.ProcessedEvents;
import vn.gov.bca.platform.dossier.fee.PaymentSucceeded;

/**
 * A dossier waiting for its fee goes on when fine-payment-service publishes the fee order's
 * {@code PaymentSucceeded}: each event once, only fee orders this service asked for (others are
 * skipped quietly), and only if the dossier agrees with what the event claims
 * ({@link DossierWorkflow#feePaid}).
 */
class FeePaymentListener {

	static final String CONSUMER = "dossier-fee-paid";

	private static final Logger log = LoggerFactory.getLogger(FeePaymentListener.class);

	private final ProcessedEvents processed;

	private final DossierWorkflow<?, ?> workflow;

	private final JsonMapper json;

	private final String service;

	FeePaymentListener(ProcessedEvents processed, DossierWorkflow<?, ?> workflow, JsonMapper json, String service) {
		this.processed = processed;
		this.workflow = workflow;
		this.json = json;
		this.service = service;
	}

	@KafkaListener(topics = PaymentSucceeded.TOPIC, groupId = "${spring.application.name}.fee-paid")
	Mono<Void> on(ConsumerRecord<String, String> record) {
		return this.processed.handleOnce(CONSUMER, record, (event) -> {
			if (event.type() == null || !event.type().endsWith(".PaymentSucceeded")) {
				return Mono.empty();
			}
			PaymentSucceeded paid;
			try {
				paid = this.json.readValue(event.data(), PaymentSucceeded.class);
			}
			catch (JacksonException ex) {
				log.warn("PaymentSucceeded event {} not applied: unreadable", event.id());
				return Mono.empty();
			}
			return paid.isFeeOf(this.service) ? this.workflow.feePaid(paid) : Mono.empty();
		}).then();
	}

}
