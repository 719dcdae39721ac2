package vn.gov.bca.payment.order;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.payment.decision.DecisionService;
import vn.gov.bca.payment.decision.PenaltyDecision;
import vn.gov.bca.platform.data.consumer.ProcessedEvents;
import vn.gov.bca.platform.web.error.ApiException;

/**
 * The safety net for "a confirmed payment is never lost": a successful fine payment marks its
 * decision paid as it is settled, and again here from our own {@code PaymentSucceeded} event, in
 * case the first attempt did not happen (crash between the two writes). Both are idempotent.
 */
@Component
class FinePaidConsumer {

	static final String NAME = "fine-paid";

	private static final Logger log = LoggerFactory.getLogger(FinePaidConsumer.class);

	private final ProcessedEvents processed;

	private final DecisionService decisions;

	private final JsonMapper json;

	FinePaidConsumer(ProcessedEvents processed, DecisionService decisions, JsonMapper json) {
		this.processed = processed;
		this.decisions = decisions;
		this.json = json;
	}

	@KafkaListener(topics = "payment.events.v1", groupId = "fine-payment-service.fine-paid")
	Mono<Void> on(ConsumerRecord<String, String> record) {
		return this.processed.handleOnce(NAME, record, (event) -> {
			if (event.type() == null || !event.type().endsWith(".PaymentSucceeded")) {
				return Mono.empty();
			}
			JsonNode data = this.json.readTree(event.data());
			if (!ReferenceType.FINE.name().equals(data.get("referenceType").asString())) {
				return Mono.empty();
			}
			PenaltyDecision.Payment payment = new PenaltyDecision.Payment(data.get("aggregateId").asString(),
					data.get("receiptNumber").asString(), data.get("amount").asLong(),
					Instant.parse(data.get("occurredAt").asString()));
			return this.decisions.recordPayment(data.get("referenceId").asString(), payment)
				.onErrorResume(ApiException.class, (refused) -> {
					log.warn("Payment {} not recorded on decision {}: {}", payment.orderId(),
							data.get("referenceId").asString(), refused.getMessage());
					return Mono.empty();
				});
		}).then();
	}

}
