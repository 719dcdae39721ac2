package vn.gov.bca.platform.dossier;

/**
 * The national portal's dossier statuses, with their codes. Final statuses accept no further
 * action.
 */
public enum DossierStatus {

	/** Mới tiếp nhận / mới nộp. */
	SUBMITTED(1),
	/** Đã tiếp nhận. */
	ACCEPTED(2),
	/** Không tiếp nhận. */
	NOT_ACCEPTED(3),
	/** Đang xử lý. */
	IN_PROGRESS(4),
	/** Yêu cầu bổ sung hồ sơ. */
	SUPPLEMENT_REQUESTED(5),
	/** Yêu cầu thanh toán. */
	PAYMENT_REQUESTED(6),
	/** Công dân rút hồ sơ. */
	WITHDRAWN(7),
	/** Dừng xử lý. */
	STOPPED(8),
	/** Đã xử lý xong. */
	PROCESSED(9),
	/** Đã trả kết quả. */
	RESULT_RETURNED(10);

	private final int code;

	DossierStatus(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

	public boolean isFinal() {
		return this == NOT_ACCEPTED || this == WITHDRAWN || this == STOPPED || this == RESULT_RETURNED;
	}

}
