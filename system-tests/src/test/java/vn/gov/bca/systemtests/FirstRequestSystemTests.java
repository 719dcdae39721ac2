package vn.gov.bca.systemtests;

import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first request after a fresh start (issue 10, "right after start"): as soon as the stack as
 * {@code ./run} starts it says it is ready, a passport submitted through the gateway is accepted
 * (201, not a 503 from a service still fetching its service-account token or opening its pools),
 * and the officer's fee request leaves the dossier with its fee order from fine-payment-service.
 * It runs first of all system test classes ({@code @Order(1)}, junit-platform.properties): the stack
 * is started by the first class that uses it, so nothing has warmed the services up before.
 */
@Order(1)
class FirstRequestSystemTests {

	private static final String SUBMISSION = """
			{"procedure": "FIRST_ISSUE", "handlingProvince": "79", "phone": "0912345679",
			 "form": {"holderPersonalId": "079192004567", "holderFullName": "Trần Thị Bích",
			          "holderBirthDate": "1992-07-25", "sex": "FEMALE", "chip": true, "occupation": "Giáo viên"}}""";

	@Test
	void aPassportSubmittedRightAfterTheStartIsAcceptedAndItsFeeOrderIsOpened() {
		// Tokens come from Keycloak (ready before any service starts), so the first call to a service
		// of ours is the submission itself.
		String citizen = SystemStack.userToken("tranthibich");
		String officer = SystemStack.userToken("canbo.hcm");

		HttpResponse<String> submitted = SystemStack.post(SystemStack.gateway() + "/api/passport/dossiers",
				SUBMISSION, "Authorization", "Bearer " + citizen, "Idempotency-Key", "first-request-after-start");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		String code = JsonPath.read(submitted.body(), "$.code");

		HttpResponse<String> accepted = act(code, "accept", officer);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		HttpResponse<String> feeRequested = act(code, "payment-request", officer);
		assertThat(feeRequested.statusCode()).as(feeRequested.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(feeRequested.body(), "$.fee.paymentOrderId")).isNotBlank();

		HttpResponse<String> dossier = SystemStack.get(SystemStack.gateway() + "/api/passport/dossiers/" + code,
				"Authorization", "Bearer " + citizen);
		assertThat(dossier.statusCode()).as(dossier.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(dossier.body(), "$.fee.paymentOrderId"))
			.isEqualTo(JsonPath.read(feeRequested.body(), "$.fee.paymentOrderId"));
		assertThat((String) JsonPath.read(dossier.body(), "$.status")).isEqualTo("PAYMENT_REQUESTED");
	}

	private static HttpResponse<String> act(String code, String action, String token) {
		return SystemStack.post(SystemStack.gateway() + "/api/passport/dossiers/" + code + "/" + action, "",
				"Authorization", "Bearer " + token);
	}

}
