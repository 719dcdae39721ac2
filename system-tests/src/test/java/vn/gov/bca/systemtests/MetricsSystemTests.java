package vn.gov.bca.systemtests;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.runner.RepoRoot;
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
		// Each consumer's lag, from the Kafka client (the ConsumerFallingBehind alert).
		assertThat(passport.body()).containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*\\} [0-9]");
		HttpResponse<String> payment = SystemStack
			.get(SystemStack.get().managementUrl(Service.FINE_PAYMENT) + "/prometheus");
		assertThat(payment.body())
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"payment-platform\"[^}]*state=\"closed\"");
		assertThat(SystemStack.get(SystemStack.gateway() + "/actuator/prometheus").statusCode()).isIn(401, 403, 404);
		assertThat(SystemStack.get(SystemStack.gateway() + "/api/passport/actuator/prometheus").statusCode())
			.isIn(401, 403, 404);
	}

	/** What an operator reads to know which build runs: the jar's artifact and the commit it came from. */
	@Test
	void eachServiceSaysWhichBuildAndCommitItRuns() throws Exception {
		String head = new String(new ProcessBuilder("git", "rev-parse", "HEAD").directory(RepoRoot.find().toFile())
			.start()
			.getInputStream()
			.readAllBytes()).trim();
		for (Service service : List.of(Service.GATEWAY, Service.PASSPORT, Service.IDENTITY)) {
			HttpResponse<String> info = SystemStack.get(SystemStack.get().managementUrl(service) + "/info");
			assertThat(info.statusCode()).isEqualTo(200);
			assertThat((String) JsonPath.read(info.body(), "$.build.artifact")).isEqualTo(service.module());
			// Boot's simple git mode: the abbreviated commit id.
			String commit = JsonPath.read(info.body(), "$.git.commit.id");
			assertThat(commit).as(info.body()).hasSizeGreaterThanOrEqualTo(7);
			assertThat(head).startsWith(commit);
		}
		assertThat(SystemStack.get(SystemStack.gateway() + "/actuator/info").statusCode()).isIn(401, 403, 404);
	}

}
