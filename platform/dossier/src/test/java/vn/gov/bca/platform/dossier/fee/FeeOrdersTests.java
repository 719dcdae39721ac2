package vn.gov.bca.platform.dossier.fee;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;

/** What an officer is told when fine-payment-service refuses a dossier's fee order. */
class FeeOrdersTests {

	@Test
	void aFeeAlreadyPaidAndAPaymentUnderWayAreToldApart() {
		assertThat(FeeOrders.refusal(refused(409, "{\"status\":409,\"reason\":\"ALREADY_PAID\"}")).detailCode())
			.isEqualTo("fee.already-paid");
		assertThat(FeeOrders.refusal(refused(409, "{\"status\":409,\"reason\":\"IN_PROGRESS\"}")).detailCode())
			.isEqualTo("fee.in-progress");
		// A 409 without a reason (an older fine-payment-service) keeps the earlier meaning.
		assertThat(FeeOrders.refusal(refused(409, "not json")).detailCode()).isEqualTo("fee.already-paid");
	}

	@Test
	void anyOtherRefusalIsThisServicesRequestAtFaultAndAnswered503() {
		ApiException refusal = FeeOrders.refusal(refused(422, "{\"status\":422}"));
		assertThat(refusal.type()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
	}

	private static WebClientResponseException refused(int status, String body) {
		return WebClientResponseException.create(status, "refused", new HttpHeaders(),
				body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
	}

}
