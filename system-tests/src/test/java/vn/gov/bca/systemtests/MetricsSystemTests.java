package vn.gov.bca.systemtests;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.runner.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Prometheus scrapes (deploy/prometheus/prometheus.yml): each service's metrics on its
 * management port, with the circuit breakers of the services it calls and of the payment platform,
 * and not through the gateway.
 */
class MetricsSystemTests {

	@Test
	void theBreakersAreMetricsOnTheManagementPortAndNotThroughTheGateway() {
		HttpResponse<String> passport = SystemStack
			.get(SystemStack.get().managementUrl(Service.PASSPORT) + "/prometheus");
		assertThat(passport.statusCode()).isEqualTo(200);
		assertThat(passport.body()).containsPattern(
				"resilience4j_circuitbreaker_state\\{[^}]*name=\"identity-service\"[^}]*state=\"closed\"[^}]*\\} 1\\.0");
		HttpResponse<String> payment = SystemStack
			.get(SystemStack.get().managementUrl(Service.FINE_PAYMENT) + "/prometheus");
		assertThat(payment.body())
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"payment-platform\"[^}]*state=\"closed\"");
		assertThat(SystemStack.get(SystemStack.gateway() + "/actuator/prometheus").statusCode()).isIn(401, 403, 404);
		assertThat(SystemStack.get(SystemStack.gateway() + "/api/passport/actuator/prometheus").statusCode())
			.isIn(401, 403, 404);
	}

}
