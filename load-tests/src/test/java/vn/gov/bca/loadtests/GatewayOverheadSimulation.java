package vn.gov.bca.loadtests;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The gateway's cost, measured in one run: the same authenticated GET (the signed-in session,
 * which validates the JWT in the service) straight to identity-service and through the gateway
 * (which validates the JWT too, rate-limits, adds the request context and routes), with the same
 * closed load on each, one after the other. The ratio of the two is the gateway's overhead.
 *
 * <p>Settings (system properties): {@code gateway} (http://localhost:8080), {@code direct}
 * (http://localhost:8081), {@code keycloak} (http://localhost:8180), {@code users} (concurrent
 * users, 32), {@code seconds} (per phase, 60). Start the stack with a per-account limit above the
 * offered load, e.g. {@code RATE_LIMIT_SUBJECT_CAPACITY=1000000 RATE_LIMIT_SUBJECT_RATE=1000000 ./run}.
 */
public class GatewayOverheadSimulation extends Simulation {

	private static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");

	private static final String DIRECT = System.getProperty("direct", "http://localhost:8081");

	private static final String KEYCLOAK = System.getProperty("keycloak", "http://localhost:8180");

	private static final int USERS = Integer.getInteger("users", 32);

	private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("seconds", 60));

	private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("warmUpSeconds", 20));

	private final String token = Tokens.password(KEYCLOAK, "nguyenvanan", "Vneid@2026");

	/** {@code USERS} users, each sending the next request as soon as the last one answered, for the phase. */
	private ScenarioBuilder sessionLookup(String name, String baseUrl, Duration phase) {
		return scenario(name).during(phase)
			.on(exec(http(name).get(baseUrl + "/api/identity/session")
				.header("Authorization", "Bearer " + this.token)
				.check(status().is(200))));
	}

	{
		HttpProtocolBuilder protocol = http.acceptHeader("application/json").shareConnections();
		// The JIT warms both paths first, so that neither measured phase pays for it.
		ScenarioBuilder warmUp = sessionLookup("warm-up through the gateway", GATEWAY, WARM_UP);
		ScenarioBuilder direct = sessionLookup("direct to identity-service", DIRECT, PHASE);
		ScenarioBuilder gateway = sessionLookup("through the gateway", GATEWAY, PHASE);
		setUp(warmUp.injectOpen(atOnceUsers(USERS))
			.andThen(direct.injectOpen(atOnceUsers(USERS)))
			.andThen(gateway.injectOpen(atOnceUsers(USERS))))
			.protocols(protocol)
			.maxDuration(WARM_UP.plus(PHASE.multipliedBy(2)).plusSeconds(30))
			.assertions(global().failedRequests().percent().lt(1.0));
	}

}
