package vn.gov.bca.paymentsandbox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import vn.gov.bca.platform.sandbox.Html;

/**
 * The pages a citizen sees on the platform, in Vietnamese: the checkout with its three buttons, and
 * what is shown instead when there is nothing (left) to pay. Every value from a merchant is escaped.
 */
final class CheckoutPages {

	static final String TITLE = "Cổng thanh toán (môi trường thử nghiệm)";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy")
			.withZone(Ledger.VIETNAM);

	private static final String STYLE = """
			body{margin:0;background:#f2f4f7;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2939}
			main{max-width:30rem;margin:3rem auto;background:#fff;border-radius:.75rem;padding:2rem;box-shadow:0 1px 3px rgba(16,24,40,.15)}
			h1{font-size:1.25rem;margin:0 0 .25rem}
			.note{margin:0 0 1.5rem;color:#b54708;font-size:.875rem}
			dl{display:grid;grid-template-columns:auto 1fr;gap:.5rem 1rem;margin:0 0 1.5rem}
			dt{color:#667085}
			dd{margin:0;font-weight:500;overflow-wrap:anywhere}
			.amount{font-size:1.5rem;font-weight:700;color:#b42318}
			form{display:flex;flex-wrap:wrap;gap:.5rem}
			button{flex:1;padding:.75rem 1rem;border:0;border-radius:.5rem;font-size:1rem;cursor:pointer}
			.pay{background:#1570ef;color:#fff}
			.fail{background:#fef3f2;color:#b42318}
			.cancel{background:#f2f4f7;color:#344054}
			.status{font-size:1.125rem;font-weight:600}
			a{color:#1570ef}
			""";

	private CheckoutPages() {
	}

	static String checkout(Transaction transaction, String merchantId) {
		String checkoutId = transaction.checkoutId().orElseThrow();
		return page(TITLE, """
				<dl>
				<dt>Đơn vị thụ hưởng</dt><dd>%s</dd>
				<dt>Mã đơn hàng</dt><dd>%s</dd>
				<dt>Nội dung</dt><dd>%s</dd>
				<dt>Số tiền</dt><dd class="amount">%s</dd>
				<dt>Hết hạn lúc</dt><dd>%s</dd>
				</dl>
				<form method="post" action="/checkout/%s">
				<button type="submit" name="action" value="pay" class="pay">Thanh toán</button>
				<button type="submit" name="action" value="fail" class="fail">Giả lập thất bại</button>
				<button type="submit" name="action" value="cancel" class="cancel">Hủy</button>
				</form>
				""".formatted(Html.escape(merchantId), Html.escape(transaction.merchantOrderId()),
				Html.escape(transaction.description()), amount(transaction.amount()),
				transaction.expiresAt().map(CheckoutPages::time).orElse(""), Html.escape(checkoutId)));
	}

	/** A checkout that cannot be paid any more (paid, failed, cancelled, expired), or the result after a choice. */
	static String closed(Transaction transaction, String merchantId) {
		StringBuilder details = new StringBuilder();
		details.append("<p class=\"status\">").append(Html.escape(transaction.status().vietnamese())).append("</p>\n");
		details.append("<dl>\n");
		details.append("<dt>Đơn vị thụ hưởng</dt><dd>").append(Html.escape(merchantId)).append("</dd>\n");
		details.append("<dt>Mã đơn hàng</dt><dd>").append(Html.escape(transaction.merchantOrderId())).append("</dd>\n");
		details.append("<dt>Số tiền</dt><dd>").append(amount(transaction.amount())).append("</dd>\n");
		transaction.transactionId()
				.ifPresent(id -> details.append("<dt>Mã giao dịch</dt><dd>").append(Html.escape(id)).append("</dd>\n"));
		transaction.paidAt()
				.ifPresent(at -> details.append("<dt>Thời gian</dt><dd>").append(time(at)).append("</dd>\n"));
		details.append("</dl>\n");
		transaction.returnUrl()
				.ifPresent(url -> details.append("<p><a href=\"").append(Html.escape(url))
						.append("\">Quay lại trang của đơn vị thụ hưởng</a></p>\n"));
		return page(TITLE, details.toString());
	}

	static String notFound() {
		return page(TITLE, "<p class=\"status\">Không tìm thấy phiên thanh toán</p>\n"
				+ "<p>Đường dẫn không đúng hoặc phiên thanh toán không tồn tại.</p>\n");
	}

	static String badRequest(String message) {
		return page(TITLE, "<p class=\"status\">Yêu cầu không hợp lệ</p>\n<p>" + Html.escape(message) + "</p>\n");
	}

	/** {@code 1234000} → {@code 1.234.000 ₫}, as amounts are written in Vietnam. */
	static String amount(long vnd) {
		String digits = Long.toString(Math.abs(vnd));
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && (digits.length() - i) % 3 == 0) {
				grouped.append('.');
			}
			grouped.append(digits.charAt(i));
		}
		return (vnd < 0 ? "-" : "") + grouped + " ₫";
	}

	private static String time(Instant instant) {
		return TIME.format(instant) + " (giờ Việt Nam)";
	}

	private static String page(String title, String content) {
		return """
				<!DOCTYPE html>
				<html lang="vi">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<meta name="robots" content="noindex">
				<title>%s</title>
				<style>
				%s</style>
				</head>
				<body>
				<main>
				<h1>%s</h1>
				<p class="note">Môi trường thử nghiệm: không có tiền thật được chuyển.</p>
				%s</main>
				</body>
				</html>
				""".formatted(Html.escape(title), STYLE, Html.escape(title), content);
	}
}
