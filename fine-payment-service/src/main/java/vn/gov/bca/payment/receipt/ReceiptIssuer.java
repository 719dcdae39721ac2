package vn.gov.bca.payment.receipt;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.payment.order.OrderService;
import vn.gov.bca.payment.order.PaymentOrder;
import vn.gov.bca.platform.data.consumer.ProcessedEvents;

/**
 * Issues the receipt of every successful payment, read back from this service's own
 * {@code PaymentSucceeded} events: after the order's write, once per event, retried while the
 * register fails. The event only names the order; what the receipt says comes from the order as
 * stored here, which must have SUCCEEDED (a forged event for an unpaid order issues nothing).
 */
@Component
class ReceiptIssuer {

	static final String NAME = "receipts";

	private static final Logger log = LoggerFactory.getLogger(ReceiptIssuer.class);

	private final ProcessedEvents processed;

	private final OrderService orders;

	private final ReceiptDocuments receipts;

	ReceiptIssuer(ProcessedEvents processed, OrderService orders, ReceiptDocuments receipts) {
		this.processed = processed;
		this.orders = orders;
		this.receipts = receipts;
	}

	@KafkaListener(topics = "payment.events.v1", groupId = "fine-payment-service.receipts")
	Mono<Void> on(ConsumerRecord<String, String> record) {
		return this.processed.handleOnce(NAME, record, (event) -> {
			if (event.type() == null || !event.type().endsWith(".PaymentSucceeded") || record.key() == null) {
				return Mono.empty();
			}
			return this.orders.find(record.key())
				.filter((order) -> order.status() == PaymentOrder.Status.SUCCEEDED)
				.flatMap(this.receipts::issue)
				.doOnNext((receipt) -> log.info("Receipt {} issued for order {}", receipt.number(), record.key()))
				.switchIfEmpty(Mono.fromRunnable(() -> log.warn("No receipt for event {}: no paid order {} here",
						event.id(), record.key().replaceAll("[^A-Za-z0-9-]", "?"))))
				.then();
		}).then();
	}

}
