package vn.gov.bca.payment.receipt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.payment.order.CollectingUnits;
import vn.gov.bca.payment.order.OrderService;
import vn.gov.bca.payment.order.PaymentOrder;
import vn.gov.bca.payment.order.ReferenceType;
import vn.gov.bca.platform.document.register.IssuedDocument;
import vn.gov.bca.platform.document.register.PdfDownloads;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The electronic receipt (biên lai điện tử) of a paid order, for its payer: what it states as JSON,
 * and the signed PDF (issued when the payment was published; here at the latest). Anyone else, and
 * an order not paid, get 404.
 */
@RestController
@RequestMapping("/api/payment/orders/{orderId}/receipt")
class ReceiptController {

	private static final Logger log = LoggerFactory.getLogger(ReceiptController.class);

	private final OrderService orders;

	private final ReceiptDocuments receipts;

	private final CollectingUnits units;

	ReceiptController(OrderService orders, ReceiptDocuments receipts, CollectingUnits units) {
		this.orders = orders;
		this.receipts = receipts;
		this.units = units;
	}

	@GetMapping
	Mono<Receipt> receipt(@PathVariable String orderId, Caller caller) {
		return paidOrder(orderId, caller).flatMap((order) -> this.receipts.issue(order)
			.map((document) -> Receipt.of(order, unitName(order), document, this.receipts.verificationUrl(document)))
			.onErrorResume(ApiException.class, (refused) -> {
				if (refused.type() != ProblemType.SERVICE_UNAVAILABLE) {
					return Mono.error(refused);
				}
				log.error("The receipt of order {} cannot be signed: {}", order.id(), refused.getCause());
				return Mono.just(Receipt.of(order, unitName(order), null, null));
			}));
	}

	/** The signed PDF: the same bytes every time. */
	@GetMapping("/pdf")
	Mono<ResponseEntity<byte[]>> pdf(@PathVariable String orderId, Caller caller) {
		return paidOrder(orderId, caller).flatMap(this.receipts::issue)
			.flatMap((document) -> this.receipts.pdf(document)
				.map((pdf) -> PdfDownloads.of(document.number() + ".pdf", pdf)));
	}

	private Mono<PaymentOrder> paidOrder(String orderId, Caller caller) {
		if (caller.personalId() == null) {
			return Mono.error(ApiException.notFound("receipt"));
		}
		return this.orders.findFor(orderId, caller.personalId())
			.filter((order) -> order.status() == PaymentOrder.Status.SUCCEEDED)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("receipt")));
	}

	private String unitName(PaymentOrder order) {
		return this.units.find(order.collectingUnit()).map(CollectingUnits.Unit::name).orElse("Bộ Công an");
	}

	/**
	 * What the receipt states: who collected, for what, how much, when, under which numbers. The
	 * amount is the order's, fixed on the day the order was opened (a fine's surcharge counted up to
	 * that day) and confirmed by the platform; when the payment went through on a later day (an order
	 * opened before midnight, paid after it) the receipt says so in {@code amountNote}.
	 *
	 * @param amountFixedOn the day (in Vietnam) the order, and so its amount, was opened
	 * @param amountNote why the amount is that of an earlier day, or null when paid the same day
	 * @param document the signed PDF's id in the register, null while it cannot be issued
	 * @param verificationUrl what the PDF's QR code holds
	 * @param pdf the path of the PDF
	 */
	record Receipt(String receiptNumber, String collectingAgency, String payerPersonalId, String description,
			ReferenceType referenceType, String referenceId, long amount, String currency, Instant paidAt,
			String orderId, String platformTransactionId, LocalDate amountFixedOn, String amountNote, String document,
			String verificationUrl, String pdf) {

		private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

		static Receipt of(PaymentOrder order, String collectingAgency, IssuedDocument document, String verificationUrl) {
			LocalDate openedOn = VietnamTime.dayOf(order.createdAt());
			LocalDate paidOn = VietnamTime.dayOf(order.paidAt());
			String note = paidOn.isAfter(openedOn) ? "Số tiền được xác định khi lập yêu cầu thanh toán ngày "
					+ DAY.format(openedOn) + " và đã được cổng thanh toán xác nhận; thanh toán hoàn tất ngày "
					+ DAY.format(paidOn) + "." : null;
			return new Receipt(order.receiptNumber(), collectingAgency, order.payerPersonalId(), order.description(),
					order.referenceType(), order.referenceId(), order.amount(), "VND", order.paidAt(), order.id(),
					order.platformTransactionId(), openedOn, note, (document != null) ? document.id() : null,
					verificationUrl,
					(document != null) ? "/api/payment/orders/" + order.id() + "/receipt/pdf" : null);
		}

	}

}
