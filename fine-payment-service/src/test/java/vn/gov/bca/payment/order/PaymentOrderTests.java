package vn.gov.bca.payment.order;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.web.error.IllegalTransitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentOrderTests {

	private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

	private final PaymentOrder order = PaymentOrder
		.create("PO2611230000000000000001", ReferenceType.FINE, "PC08-HN|1/QĐ", 4_002_000, "Nộp phạt",
				new PaymentOrder.Payer("001085012345", "Nguyễn Văn An"), "PC08-HN", "user-1", NOW)
		.order();

	@Test
	void anOrderIsPendingOnceItsCheckoutIsOpenAndSucceedsOnce() {
		this.order.checkoutOpened("CK1", "http://sandbox/checkout/CK1", NOW);
		assertThat(this.order.status()).isEqualTo(PaymentOrder.Status.PENDING);

		assertThat(this.order.succeeded("SBX1", NOW.plusSeconds(60), "BL-261123-00000001")).isPresent();
		assertThat(this.order.succeeded("SBX1", NOW.plusSeconds(61), "BL-261123-00000002")).isEmpty();
		assertThat(this.order.receiptNumber()).isEqualTo("BL-261123-00000001");
	}

	@Test
	void aConfirmationAfterExpiryStillRecordsThePayment() {
		assertThat(this.order.expired(NOW.plusSeconds(3600))).isPresent();
		assertThat(this.order.succeeded("SBX1", NOW.plusSeconds(3700), "BL-261123-00000001")).isPresent();
		assertThat(this.order.status()).isEqualTo(PaymentOrder.Status.SUCCEEDED);
	}

	@Test
	void aSucceededOrderNeitherFailsNorExpiresNorReopens() {
		this.order.succeeded("SBX1", NOW, "BL-261123-00000001");
		assertThat(this.order.failed("CANCELLED", NOW)).isEmpty();
		assertThat(this.order.expired(NOW)).isEmpty();
		assertThat(this.order.status()).isEqualTo(PaymentOrder.Status.SUCCEEDED);
		assertThatThrownBy(() -> this.order.checkoutOpened("CK2", "u", NOW))
			.isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void anOrderIsOverdueOnlyWhileOpenAfterItsTimeToPay() {
		assertThat(this.order.isOverdue(NOW.plus(PaymentOrder.TIME_TO_PAY).plusSeconds(1))).isTrue();
		this.order.failed("FAILED", NOW);
		assertThat(this.order.isOverdue(NOW.plus(PaymentOrder.TIME_TO_PAY).plusSeconds(1))).isFalse();
	}

	@Test
	void onlyTheFirstReviewReasonIsKept() {
		assertThat(this.order.flag("AMOUNT_MISMATCH", 4_003_000, NOW)).isTrue();
		assertThat(this.order.flag("PAID_TWICE_REFUND", 4_002_000, NOW)).isFalse();
		assertThat(this.order.review().reason()).isEqualTo("AMOUNT_MISMATCH");
	}

	@Test
	void everyEventOfAFineOrderNamesThisServiceAsTheOneThatAskedForIt() {
		PaymentOrder.Created created = PaymentOrder.create("PO2611230000000000000002", ReferenceType.FINE,
				"PC08-HN|2/QĐ", 400_000, "Nộp phạt", new PaymentOrder.Payer("001085012345", "Nguyễn Văn An"), "PC08-HN",
				"vneid-app", NOW);
		assertThat(created.event().requestedBy()).isEqualTo("fine-payment-service");
		assertThat(created.order().failed("CANCELLED", NOW).orElseThrow().requestedBy())
			.isEqualTo("fine-payment-service");
	}

	@Test
	void everyEventOfAFeeOrderNamesTheServiceThatCreatedIt() {
		PaymentOrder fee = PaymentOrder
			.create("PO2611230000000000000003", ReferenceType.DOSSIER_FEE, "PA08-HN-261123-0001", 200_000,
					"Lệ phí cấp hộ chiếu", new PaymentOrder.Payer("079192004567", null), "PA08-HCM", "passport-service", NOW)
			.order();
		assertThat(fee.succeeded("SBX2", NOW, "BL-261123-00000003").orElseThrow().requestedBy())
			.isEqualTo("passport-service");
		PaymentOrder expiring = PaymentOrder
			.create("PO2611230000000000000004", ReferenceType.DOSSIER_FEE, "PA08-HN-261123-0002", 200_000,
					"Lệ phí cấp hộ chiếu", new PaymentOrder.Payer("079192004567", null), "PA08-HCM", "passport-service", NOW)
			.order();
		assertThat(expiring.expired(NOW.plusSeconds(3600)).orElseThrow().requestedBy()).isEqualTo("passport-service");
	}

}
