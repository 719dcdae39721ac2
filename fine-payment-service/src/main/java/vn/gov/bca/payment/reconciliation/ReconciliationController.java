package vn.gov.bca.payment.reconciliation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.payment.order.OrderService;
import vn.gov.bca.payment.order.PaymentOrder;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * What the finance staff (administrators) look at: the daily comparison with the platform (run
 * again on demand) and the orders flagged for review (amount mismatches, payments to refund).
 */
@RestController
@RequestMapping("/api/payment")
class ReconciliationController {

	private final Reconciliation reconciliation;

	private final OrderService orders;

	private final Clock clock;

	ReconciliationController(Reconciliation reconciliation, OrderService orders, Clock clock) {
		this.reconciliation = reconciliation;
		this.orders = orders;
		this.clock = clock;
	}

	/** A day the service can have paid on: from 2020 to today in Vietnam (far years overflow instants). */
	private LocalDate requirePlausible(LocalDate day) {
		if (day.getYear() < 2020 || day.isAfter(VietnamTime.today(this.clock))) {
			throw new ApiException(ProblemType.VALIDATION, "validation").withError("day",
					"reconciliation.day-out-of-range");
		}
		return day;
	}

	@GetMapping("/reconciliation/{day}")
	Mono<Reconciliation.Report> report(@PathVariable LocalDate day, Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return this.reconciliation.report(requirePlausible(day)).switchIfEmpty(Mono.error(() -> ApiException.notFound("report")));
	}

	/** Compares that day again now (the platform's list may have been late). */
	@PostMapping("/reconciliation/{day}")
	Mono<Reconciliation.Report> compare(@PathVariable LocalDate day, Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return this.reconciliation.compare(requirePlausible(day));
	}

	@GetMapping("/reviews")
	Mono<List<Review>> reviews(Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return this.orders.flagged().map(Review::of).collectList();
	}

	record Review(String orderId, String referenceType, String referenceId, long amount, String status, String reason,
			long reportedAmount, java.time.Instant flaggedAt) {

		static Review of(PaymentOrder order) {
			return new Review(order.id(), order.referenceType().name(), order.referenceId(), order.amount(),
					order.status().name(), order.review().reason(), order.review().reportedAmount(),
					order.review().flaggedAt());
		}

	}

}
