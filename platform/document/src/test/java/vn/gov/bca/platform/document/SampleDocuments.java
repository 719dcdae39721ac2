package vn.gov.bca.platform.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.gov.bca.platform.document.AdministrativeDocument.IssuingUnit;
import vn.gov.bca.platform.document.AdministrativeDocument.Row;

/** Object Mother: the fee receipt of a passport, as fine-payment-service will issue it. */
public final class SampleDocuments {

	public static final String RECEIPT_NUMBER = "000123/BL-XNC";
	public static final String VERIFICATION_URL = "https://dichvucong.bca.gov.vn/api/payment/public/documents/"
			+ "7f3c9a2e-4b1d-4e8a-9c55-0d2f6b8e1a47?c=K3Q9ZT2M";
	public static final long FEE = 200_000;

	private SampleDocuments() {
	}

	public static AdministrativeDocument feeReceipt() {
		return new AdministrativeDocument(
				new IssuingUnit("BỘ CÔNG AN", "CỤC QUẢN LÝ XUẤT NHẬP CẢNH"),
				RECEIPT_NUMBER,
				"Hà Nội",
				LocalDate.of(2026, 12, 1),
				"BIÊN LAI THU PHÍ, LỆ PHÍ",
				List.of(
						new Row("Họ và tên người nộp", "Nguyễn Văn An"),
						new Row("Số định danh cá nhân", "001085******"),
						new Row("Nội dung thu", "Lệ phí cấp hộ chiếu"),
						new Row("Mã hồ sơ", "G01.BCA.XNC-261201-000042"),
						new Row("Số tiền", VietnameseAmounts.inFigures(FEE)),
						new Row("Bằng chữ", VietnameseAmounts.inWords(FEE)),
						new Row("Hình thức thanh toán", "Chuyển khoản qua Cổng thanh toán quốc gia"),
						new Row("Thời điểm thanh toán", "10:42 " + VietnameseDates.numeric(LocalDate.of(2026, 12, 1)))),
				Optional.of(VERIFICATION_URL));
	}
}
