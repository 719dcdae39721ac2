package vn.gov.bca.payment.order;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;

/**
 * Payment orders: a citizen pays a fine (the order opens the platform's checkout at once); another
 * service asks for a dossier fee, which its payer then pays; payers follow their orders and fetch
 * their receipts. Creation takes an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/payment")
class OrderController {

	private final OrderService orders;

	OrderController(OrderService orders) {
		this.orders = orders;
	}

	@PostMapping("/orders")
	Mono<ResponseEntity<OrderView>> payFine(@Valid @RequestBody FineOrderRequest request, Caller caller) {
		caller.requireAnyRole(Caller.CITIZEN);
		String payer = requirePersonalId(caller);
		return this.orders.payFine(request.decisionId(), payer, caller.subject())
			.map((order) -> ResponseEntity.created(URI.create("/api/payment/orders/" + order.id()))
				.body(OrderView.of(order)));
	}

	@PostMapping("/fee-orders")
	Mono<ResponseEntity<OrderView>> requestFee(@Valid @RequestBody FeeOrderRequest request, Caller caller) {
		caller.requireAnyRole(Caller.SERVICE);
		return this.orders
			.requestFee(request.referenceId(), request.amount(), request.description(),
					new PaymentOrder.Payer(request.payerPersonalId(), request.payerName()), request.collectingUnit(),
					caller.clientId())
			.map((order) -> ResponseEntity.created(URI.create("/api/payment/orders/" + order.id()))
				.body(OrderView.of(order)));
	}

	@PostMapping("/orders/{orderId}/checkout")
	Mono<OrderView> checkout(@PathVariable String orderId, Caller caller) {
		return this.orders.startCheckout(orderId, requirePersonalId(caller)).map(OrderView::of);
	}

	/** The payer's order; a service sees the orders it created. */
	@GetMapping("/orders/{orderId}")
	Mono<OrderView> order(@PathVariable String orderId, Caller caller) {
		if (caller.isService()) {
			return this.orders.find(orderId)
				.filter((order) -> order.createdBy().equals(caller.clientId()))
				.map(OrderView::of)
				.switchIfEmpty(Mono.error(() -> ApiException.notFound("payment-order")));
		}
		return this.orders.findFor(orderId, requirePersonalId(caller)).map(OrderView::of);
	}

	@GetMapping("/me/orders")
	Mono<List<OrderView>> myOrders(Caller caller) {
		return this.orders.ofPayer(requirePersonalId(caller)).map(OrderView::of).collectList();
	}

	private static String requirePersonalId(Caller caller) {
		if (caller.personalId() == null) {
			throw ApiException.notFound("payment-order");
		}
		return caller.personalId();
	}

	record FineOrderRequest(@NotBlank @Size(max = 100) String decisionId) {
	}

	/**
	 * {@code amount} boxed: a missing one is a field error, not zero.
	 *
	 * @param collectingUnit the code of the unit that collects the fee and signs its receipt (the
	 * dossier's handling unit)
	 * @param payerName the payer's name as the dossier gives it, printed on the receipt
	 */
	record FeeOrderRequest(@NotBlank @Size(max = 100) String referenceId,
			@NotNull @Min(1) @Max(100_000_000) Long amount,
			@NotBlank @Pattern(regexp = "[0-9]{12}") String payerPersonalId,
			@NotBlank @Size(max = 300) String description, @NotBlank @Size(max = 40) String collectingUnit,
			@Size(max = 200) String payerName) {
	}

	record OrderView(String id, ReferenceType referenceType, String referenceId, long amount, String description,
			PaymentOrder.Status status, Instant createdAt, Instant expiresAt, String checkoutUrl, String receiptNumber,
			Instant paidAt, String failureReason) {

		static OrderView of(PaymentOrder order) {
			boolean open = order.status() == PaymentOrder.Status.CREATED || order.status() == PaymentOrder.Status.PENDING;
			return new OrderView(order.id(), order.referenceType(), order.referenceId(), order.amount(),
					order.description(), order.status(), order.createdAt(), order.expiresAt(),
					open ? order.checkoutUrl() : null, order.receiptNumber(), order.paidAt(), order.failureReason());
		}

	}

}
