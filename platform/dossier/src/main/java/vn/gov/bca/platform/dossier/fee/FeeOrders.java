package vn.gov.bca.platform.dossier.fee;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.web.client.ServiceClients;
import vn.gov.bca.platform.web.error.ApiException;

/**
 * Fee orders in fine-payment-service: a dossier's fee is asked for with an order the applicant pays
 * later; fine-payment-service publishes {@link PaymentSucceeded} when it is paid. The records are the
 * contract; fine-payment-service's contract test reads them.
 */
public class FeeOrders {

	private static final String IN_PROGRESS = "IN_PROGRESS";

	private static final JsonMapper JSON = JsonMapper.builder().build();

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

	/** Why fine-payment-service refused an order with a 409 (its problem's {@code reason}). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Refusal(String reason) {
	}

	/**
	 * Opens the order, or finds the one already open for that dossier (fine-payment-service keeps one
	 * per reference); the idempotency key makes a repeated request safe. A dossier whose fee was paid
	 * already is a 409, and so is one with another payment of it under way (another payer's or
	 * amount's order still open); any other refusal is this service's request at fault, logged with
	 * the 503.
	 */
	public Mono<FeeOrder> request(FeeOrderRequest request, String idempotencyKey) {
		return this.clients.get("fine-payment-service")
			.post("/api/payment/fee-orders", request, FeeOrder.class,
					(headers) -> headers.set("Idempotency-Key", idempotencyKey))
			.onErrorMap(WebClientResponseException.class, FeeOrders::refusal);
	}

	static ApiException refusal(WebClientResponseException refused) {
		if (refused.getStatusCode().value() != 409) {
			return ApiException.unavailable("fine-payment-service", refused);
		}
		return IN_PROGRESS.equals(reasonOf(refused)) ? ApiException.conflict("fee.in-progress")
				: ApiException.conflict("fee.already-paid");
	}

	private static String reasonOf(WebClientResponseException refused) {
		try {
			return JSON.readValue(refused.getResponseBodyAsByteArray(), Refusal.class).reason();
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
