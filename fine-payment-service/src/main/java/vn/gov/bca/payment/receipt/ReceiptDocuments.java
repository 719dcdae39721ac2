package vn.gov.bca.payment.receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.payment.decision.DecisionService;
import vn.gov.bca.payment.order.CollectingUnits;
import vn.gov.bca.payment.order.PaymentOrder;
import vn.gov.bca.payment.order.ReferenceType;
import vn.gov.bca.platform.document.AdministrativeDocument;
import vn.gov.bca.platform.document.AdministrativeDocument.Row;
import vn.gov.bca.platform.document.DocumentRenderer;
import vn.gov.bca.platform.document.PoliceUnits;
import vn.gov.bca.platform.document.VietnameseAmounts;
import vn.gov.bca.platform.document.VietnameseDates;
import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.document.register.DocumentRequest;
import vn.gov.bca.platform.document.register.IssuedDocument;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The electronic receipt (biên lai điện tử) of a successful payment, signed by the unit that
 * collected it: the content Decree 123/2020/NĐ-CP, Art. 32(1) asks of a receipt (its name, number,
 * the collecting unit, the payer, what was collected, the amount in figures and in words, the
 * day), the penalty decision or dossier paid, and the payment platform's transaction. One per
 * order; the same order asked again gets the same document.
 */
@Component
public class ReceiptDocuments {

	public static final String TYPE = "PAYMENT_RECEIPT";

	static final String FINE_TITLE = "BIÊN LAI THU TIỀN PHẠT VI PHẠM HÀNH CHÍNH";

	static final String FEE_TITLE = "BIÊN LAI THU PHÍ, LỆ PHÍ";

	private final DocumentRegister register;

	private final CollectingUnits units;

	private final DecisionService decisions;

	ReceiptDocuments(DocumentRegister register, CollectingUnits units, DecisionService decisions) {
		this.register = register;
		this.units = units;
		this.decisions = decisions;
	}

	public static String key(String orderId) {
		return TYPE + ":" + orderId;
	}

	/** The receipt already issued for the order, if any. */
	public Mono<IssuedDocument> find(PaymentOrder order) {
		return this.register.findByKey(key(order.id()));
	}

	public String verificationUrl(IssuedDocument receipt) {
		return this.register.verificationUrl(receipt);
	}

	public Mono<byte[]> pdf(IssuedDocument receipt) {
		return this.register.pdf(receipt);
	}

	/**
	 * The order's receipt, issued now if it was not yet. Only a SUCCEEDED order has one (404
	 * otherwise); an order whose collecting unit has no key cannot have one (503, logged).
	 */
	public Mono<IssuedDocument> issue(PaymentOrder order) {
		if (order.status() != PaymentOrder.Status.SUCCEEDED) {
			return Mono.error(ApiException.notFound("receipt"));
		}
		return find(order).switchIfEmpty(Mono.defer(() -> reference(order)
			.flatMap((reference) -> unitOf(order).map((unit) -> request(order, unit, reference)))
			.flatMap(this.register::issue)));
	}

	/** The collecting unit: the order's; in orders from before it was recorded, a fine's decision's unit. */
	private Mono<CollectingUnits.Unit> unitOf(PaymentOrder order) {
		Mono<String> code = (order.collectingUnit() != null) ? Mono.just(order.collectingUnit())
				: (order.referenceType() == ReferenceType.FINE)
						? this.decisions.find(order.referenceId()).map((decision) -> decision.data().issuingUnit())
						: Mono.empty();
		return code.flatMap((unit) -> Mono.justOrEmpty(this.units.find(unit)))
			.switchIfEmpty(Mono.error(() -> ApiException.unavailable("receipt-signing",
					new IllegalStateException("order " + order.id() + " has no collecting unit with a signing key"))));
	}

	/** What was paid, as the receipt names it: the penalty decision's number and date, or the dossier's code. */
	private Mono<Row> reference(PaymentOrder order) {
		if (order.referenceType() != ReferenceType.FINE) {
			return Mono.just(new Row("Mã hồ sơ", order.referenceId()));
		}
		return this.decisions.find(order.referenceId())
			.map((decision) -> new Row("Quyết định xử phạt", "Số " + decision.data().decisionNumber() + " ngày "
					+ VietnameseDates.numeric(decision.data().decisionDate())))
			.defaultIfEmpty(new Row("Quyết định xử phạt", order.referenceId()));
	}

	DocumentRequest request(PaymentOrder order, CollectingUnits.Unit unit, Row paid) {
		boolean fine = order.referenceType() == ReferenceType.FINE;
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("Đơn vị thu", unit.name()));
		if (order.payerName() != null && !order.payerName().isBlank()) {
			rows.add(new Row("Người nộp", order.payerName()));
		}
		rows.add(new Row("Số định danh cá nhân", order.payerPersonalId()));
		rows.add(new Row("Nội dung thu", order.description()));
		rows.add(paid);
		rows.add(new Row("Số tiền", VietnameseAmounts.inFigures(order.amount())));
		rows.add(new Row("Bằng chữ", VietnameseAmounts.inWords(order.amount())));
		rows.add(new Row("Hình thức nộp", "Trực tuyến qua nền tảng thanh toán"));
		rows.add(new Row("Mã giao dịch", order.platformTransactionId()));
		rows.add(new Row("Thời điểm nộp", PoliceUnits.moment(order.paidAt())));
		rows.add(new Row("Mã yêu cầu thanh toán", order.id()));
		AdministrativeDocument content = new AdministrativeDocument(PoliceUnits.header(unit.name()),
				order.receiptNumber(), PoliceUnits.place(unit.name()), VietnamTime.dayOf(order.paidAt()),
				fine ? FINE_TITLE : FEE_TITLE, rows, Optional.empty());
		return new DocumentRequest(key(order.id()), TYPE, order.id(),
				IssuedDocument.Holder.person(order.payerPersonalId(), (order.payerName() != null) ? order.payerName() : ""),
				new IssuedDocument.Issuer(unit.code(), unit.name(), unit.province()),
				DocumentRenderer.ADMINISTRATIVE_DOCUMENT, content,
				List.of(new Row("Số tiền", VietnameseAmounts.inFigures(order.amount())), paid,
						new Row("Thời điểm nộp", PoliceUnits.moment(order.paidAt()))),
				null);
	}

}
