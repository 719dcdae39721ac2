package vn.gov.bca.passport.application;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.data.consumer.ProcessedEvents;

/**
 * A passport dossier waiting for its fee goes on when fine-payment-service publishes the fee
 * order's {@code PaymentSucceeded}; each event is handled once, and only if the dossier's own
 * record agrees with what the event claims ({@link PassportApplicationService#feePaid}).
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

	/**
	 * fine-payment-service's {@code PaymentSucceeded} as this consumer reads it (the producer owns
	 * the type; fields this consumer does not read are ignored).
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PaymentSucceeded(String eventId, Instant occurredAt, String aggregateId, String referenceType,
			String referenceId, long amount, String receiptNumber) {
	}

	@KafkaListener(topics = "payment.events.v1", groupId = "passport-service.fee-paid")
	Mono<Void> on(ConsumerRecord<String, String> record) {
		return this.processed.handleOnce(NAME, record, (event) -> {
			if (event.type() == null || !event.type().endsWith(".PaymentSucceeded")) {
				return Mono.empty();
			}
			PaymentSucceeded paid = this.json.readValue(event.data(), PaymentSucceeded.class);
			if (!"DOSSIER_FEE".equals(paid.referenceType())) {
				return Mono.empty();
			}
			return this.applications.feePaid(new PassportApplicationService.FeePayment(paid.eventId(),
					paid.referenceId(), paid.aggregateId(), paid.amount(), paid.receiptNumber(), paid.occurredAt()));
		}).then();
	}

}
