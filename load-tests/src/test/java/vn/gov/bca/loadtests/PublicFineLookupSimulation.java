package vn.gov.bca.loadtests;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.mongodb.client.model.Filters;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The public fine lookup by plate and vehicle type (no login) through the gateway against a
 * million synthetic penalty decisions: the gateway's per-address rate limit, routing, then the
 * vehicle's keyed lookup document and each of its decisions read, the unpaid ones answered with the
 * violator masked and the amount due today computed.
 *
 * <p>Plates come from the service's lookup keys after its synthetic load reached {@code decisions}.
 * Settings: {@code gateway}, {@code mongo}, {@code decisions} (1,000,000), {@code users} (32),
 * {@code seconds} (60), {@code warmUpSeconds} (30). Start the stack with
 * {@code PAYMENT_SYNTHETIC_DECISIONS=1000000} and a per-address limit above the offered load (all
 * requests come from one address here).
 */
public class PublicFineLookupSimulation extends Simulation {

	private static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");

	private static final long DECISIONS = Long.getLong("decisions", 1_000_000);

	private static final int USERS = Integer.getInteger("users", 32);

	private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("seconds", 60));

	private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("warmUpSeconds", 30));

	/** {@code plate:<plate>:<type>} keys, as [plate, type]. */
	private final List<String> vehicles = LoadedData.afterLoad("payment", "synthetic-decisions:20261101", DECISIONS,
			"decision_keys", Filters.regex("_id", "^plate:"), (key) -> key.getString("_id"));

	private Iterator<Map<String, Object>> randomVehicles() {
		return Stream.generate(() -> {
			String[] key = this.vehicles.get(ThreadLocalRandom.current().nextInt(this.vehicles.size())).split(":");
			return Map.<String, Object>of("plate", key[1], "vehicleType", key[2]);
		}).iterator();
	}

	private ScenarioBuilder lookups(String name, Duration phase) {
		return scenario(name).during(phase)
			.on(feed(randomVehicles())
				.exec(http(name).get(GATEWAY + "/api/payment/public/fines?plate=#{plate}&vehicleType=#{vehicleType}")
					.check(status().is(200), jsonPath("$.plate").isEL("#{plate}"))));
	}

	{
		HttpProtocolBuilder protocol = http.acceptHeader("application/json").shareConnections();
		setUp(lookups("warm-up", WARM_UP).injectOpen(atOnceUsers(USERS))
			.andThen(lookups("public fine lookup through the gateway", PHASE).injectOpen(atOnceUsers(USERS))))
			.protocols(protocol)
			.maxDuration(WARM_UP.plus(PHASE).plusSeconds(30))
			.assertions(global().failedRequests().percent().lt(1.0));
	}

}
