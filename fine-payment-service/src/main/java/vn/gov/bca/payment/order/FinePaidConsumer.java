package vn.gov.bca.payment.order;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.payment.decision.DecisionService;
import vn.gov.bca.payment.decision.PenaltyDecision;
import vn.gov.bca.platform.data.consumer.ProcessedEvents;
import vn.gov.bca.platform.web.error.ApiException;

/**
 * The safety net for "a confirmed payment is never lost": a successful fine payment marks its
 * decision paid as it is settled, and again here from our own {@code PaymentSucceeded} event, in
 * case the first attempt did not happen (crash between the two writes). Both are idempotent.
 *
 * <p>Anyone who can write to the topic can write an event, so the event is only a hint: it is applied
 * only when our own order says the same (it exists, it succeeded, for a fine, for that decision, of
 * that amount, with that receipt), and the decision is marked paid from the order, never from the
 * event's figures. Anything else is logged and left alone.
 */
@Component
class FinePaidConsumer {

	static final String NAME = "fine-paid";

	private static final Logger log = LoggerFactory.getLogger(FinePaidConsumer.class);

	private final ProcessedEvents processed;

	private final DecisionService decisions;

	private final OrderService orders;

	private final JsonMapper json;

	FinePaidConsumer(ProcessedEvents processed, DecisionService decisions, OrderService orders, JsonMapper json) {
		this.processed = processed;
		this.decisions = decisions;
		this.orders = orders;
		this.json = json;
	}

	/** What this consumer reads of a {@code PaymentSucceeded}; the rest of the event is ignored. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Succeeded(String aggregateId, ReferenceType referenceType, String referenceId, Long amount,
			String receiptNumber) {
	}

	@KafkaListener(topics = "payment.events.v1", groupId = "fine-payment-service.fine-paid")
	Mono<Void> on(ConsumerRecord<String, String> record) {
		return this.processed.handleOnce(NAME, record, (event) -> {
			if (event.type() == null || !event.type().endsWith(".PaymentSucceeded")) {
				return Mono.empty();
			}
			Optional<Succeeded> read = read(event.data());
			if (read.isEmpty()) {
				log.warn("PaymentSucceeded event {} not applied: unreadable", safe(event.id()));
				return Mono.empty();
			}
			Succeeded claimed = read.get();
			if (claimed.referenceType() != ReferenceType.FINE) {
				return Mono.empty();
			}
			return Mono.justOrEmpty(claimed.aggregateId())
				.flatMap(this.orders::find)
				.flatMap((order) -> {
					String mismatch = mismatch(claimed, order);
					if (mismatch != null) {
						log.warn("PaymentSucceeded event {} not applied: {} (order {})", safe(event.id()), mismatch,
								order.id());
						return Mono.empty();
					}
					return this.decisions
						.recordPayment(order.referenceId(), new PenaltyDecision.Payment(order.id(), order.receiptNumber(),
								order.amount(), order.paidAt()))
						.onErrorResume(ApiException.class, (refused) -> {
							log.warn("Payment {} not recorded on decision {}: {}", order.id(), order.referenceId(),
									refused.getMessage());
							return Mono.empty();
						});
				})
				.switchIfEmpty(Mono.fromRunnable(() -> log.warn(
						"PaymentSucceeded event {} not applied: no order {} here", safe(event.id()),
						safe(claimed.aggregateId()))));
		}).then();
	}

	private Optional<Succeeded> read(String data) {
		try {
			return Optional.ofNullable(this.json.readValue(data, Succeeded.class));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** What a forger wrote goes into the log only as a short line of printable characters. */
	private static String safe(String text) {
		if (text == null) {
			return null;
		}
		String printable = text.replaceAll("[^\\p{Alnum}|/._:-]", "?");
		return (printable.length() > 64) ? printable.substring(0, 64) + "…" : printable;
	}

	/** Why the event does not match our order, or null when it does. */
	private static String mismatch(Succeeded claimed, PaymentOrder order) {
		if (order.status() != PaymentOrder.Status.SUCCEEDED) {
			return "the order is " + order.status();
		}
		if (order.referenceType() != ReferenceType.FINE || !order.referenceId().equals(claimed.referenceId())) {
			return "the order pays another reference";
		}
		if (claimed.amount() == null || claimed.amount() != order.amount()) {
			return "the amount differs from the order's";
		}
		if (order.receiptNumber() == null || !order.receiptNumber().equals(claimed.receiptNumber())) {
			return "the receipt number differs from the order's";
		}
		return null;
	}

}
