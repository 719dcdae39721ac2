package vn.gov.bca.payment.order;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

import vn.gov.bca.payment.platform.PaymentPlatform;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

/**
 * What the payment platform sends us (no token: it signs instead), and where the citizen's browser
 * lands after the checkout. A callback is trusted only with a valid, fresh signature; anything else
 * is refused with 401 and changes nothing.
 */
@RestController
@RequestMapping("/api/payment/public")
class PlatformCallbackController {

	private static final Logger log = LoggerFactory.getLogger(PlatformCallbackController.class);

	private final PaymentPlatform platform;

	private final OrderService orders;

	PlatformCallbackController(PaymentPlatform platform, OrderService orders) {
		this.platform = platform;
		this.orders = orders;
	}

	@PostMapping(path = "/platform-callbacks", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<Map<String, Object>> callback(@RequestHeader(value = "X-Merchant-Id", required = false) String merchantId,
			@RequestHeader(value = "X-Timestamp", required = false) String timestamp,
			@RequestHeader(value = "X-Signature", required = false) String signature, @RequestBody String body) {
		PaymentPlatform.Transaction transaction;
		try {
			transaction = this.platform.verifyCallback(merchantId, timestamp, signature, body);
		}
		catch (PaymentPlatform.InvalidCallbackException ex) {
			log.warn("Payment callback refused: {}", ex.getMessage());
			throw new ApiException(ProblemType.UNAUTHENTICATED, "payment.callback-signature");
		}
		return this.orders.settle(transaction)
			.map((order) -> Map.<String, Object>of("received", true, "orderId", order.id(), "status", order.status()));
	}

	/** The page the citizen's browser returns to: the order's state, nothing personal. */
	@GetMapping(path = "/checkout-return", produces = MediaType.TEXT_HTML_VALUE)
	Mono<String> checkoutReturn(@RequestParam(required = false) String merchantOrderId) {
		return Mono.justOrEmpty(merchantOrderId)
			.flatMap(this.orders::find)
			.map((order) -> page(switch (order.status()) {
				case SUCCEEDED -> "Thanh toán thành công. Số biên lai: " + order.receiptNumber();
				case FAILED -> "Thanh toán không thành công.";
				case EXPIRED -> "Giao dịch đã hết hạn.";
				default -> "Đang chờ xác nhận từ cổng thanh toán. Vui lòng kiểm tra lại sau ít phút.";
			}))
			.defaultIfEmpty(page("Không tìm thấy giao dịch."));
	}

	private static String page(String message) {
		return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Kết quả thanh toán</title></head>"
				+ "<body><h1>Kết quả thanh toán</h1><p>" + HtmlUtils.htmlEscape(message) + "</p></body></html>";
	}

}
