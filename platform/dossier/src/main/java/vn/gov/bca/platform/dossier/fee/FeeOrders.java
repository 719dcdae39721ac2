package vn.gov.bca.platform.dossier.fee;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.error.ApiException;

import vn.gov.bca.platform.web.client.ServiceClients;

/**
 * Fee orders in fine-payment-service: a dossier's fee is asked for with an order the applicant pays
 * later; fine-payment-service publishes {@link PaymentSucceeded} when it is paid. The records are the
 * contract; fine-payment-service's contract test reads them.
 */
public class FeeOrders {

	private final ServiceClients clients;

	public FeeOrders(ServiceClients clients) {
		this.clients = clients;
	}

	/**
	 * @param referenceId the dossier code
	 * @param collectingUnit the code of the unit that collects the fee (the dossier's handling unit),
	 * which signs its receipt
	 * @param payerName the applicant's name, printed on the receipt
	 */
	public record FeeOrderRequest(String referenceId, long amount, String payerPersonalId, String description,
			String collectingUnit, String payerName) {
	}

	/** The order as fine-payment-service answers it (its other fields are not read here). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record FeeOrder(String id, String referenceId, String status) {
	}

	/**
	 * Opens the order, or finds the one already open for that dossier (fine-payment-service keeps one
	 * per reference); the idempotency key makes a repeated request safe. A dossier whose fee was paid
	 * already is a 409; any other refusal is this service's request at fault, logged with the 503.
	 */
	public Mono<FeeOrder> request(FeeOrderRequest request, String idempotencyKey) {
		return this.clients.get("fine-payment-service")
			.post("/api/payment/fee-orders", request, FeeOrder.class,
					(headers) -> headers.set("Idempotency-Key", idempotencyKey))
			.onErrorMap(WebClientResponseException.class,
					(refused) -> (refused.getStatusCode().value() == 409) ? ApiException.conflict("fee.already-paid")
							: ApiException.unavailable("fine-payment-service", refused));
	}

}
