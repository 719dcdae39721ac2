package vn.gov.bca.passport.application;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.data.consumer.ProcessedEvents;
import vn.gov.bca.platform.web.error.ApiException;

/**
 * A passport dossier waiting for its fee goes on when fine-payment-service publishes the fee
 * order's {@code PaymentSucceeded}; each event is handled once.
 */
@Component
class FeePaidConsumer {

	static final String NAME = "passport-fee-paid";

	private final ProcessedEvents processed;

	private final PassportApplicationService applications;

	private final JsonMapper json;

	FeePaidConsumer(ProcessedEvents processed, PassportApplicationService applications, JsonMapper json) {
		this.processed = processed;
		this.applications = applications;
		this.json = json;
	}

	@KafkaListener(topics = "payment.events.v1", groupId = "passport-service.fee-paid")
	Mono<Void> on(ConsumerRecord<String, String> record) {
		return this.processed.handleOnce(NAME, record, (event) -> {
			if (event.type() == null || !event.type().endsWith(".PaymentSucceeded")) {
				return Mono.empty();
			}
			JsonNode data = this.json.readTree(event.data());
			if (!"DOSSIER_FEE".equals(data.get("referenceType").asString())) {
				return Mono.empty();
			}
			return this.applications
				.paymentReceived(data.get("referenceId").asString(), data.get("aggregateId").asString(),
						data.get("receiptNumber").asString(), Instant.parse(data.get("occurredAt").asString()))
				// A fee of another service's dossier: not ours.
				.onErrorResume(ApiException.class, (notOurs) -> Mono.empty());
		}).then();
	}

}
