package vn.gov.bca.paymentsandbox;

/** Where a checkout stands on the platform's side. Only {@link #PENDING} can still change. */
public enum TransactionStatus {

	PENDING,
	SUCCEEDED,
	FAILED,
	CANCELLED,
	/** Shown once a pending checkout's 30 minutes are over; never written down, always derived from the clock. */
	EXPIRED;

	/** The words the checkout and result pages use. */
	String vietnamese() {
		return switch (this) {
			case PENDING -> "Đang chờ thanh toán";
			case SUCCEEDED -> "Thanh toán thành công";
			case FAILED -> "Thanh toán thất bại";
			case CANCELLED -> "Giao dịch đã bị hủy";
			case EXPIRED -> "Phiên thanh toán đã hết hạn";
		};
	}
}
