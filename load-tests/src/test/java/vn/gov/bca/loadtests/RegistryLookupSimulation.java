package vn.gov.bca.loadtests;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import org.bson.Document;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Another service's lookup of a citizen by personal id through the gateway, against the whole
 * synthetic population: a service-account token from Keycloak, the gateway's JWT check, rate limit
 * and routing, identity-service's JWT check, a keyed read of the citizen and the append to that
 * citizen's access log (a write for every read), then the minimal answer.
 *
 * <p>The personal ids come from the registry's database (every citizen, drawn at random), after
 * waiting until the synthetic population's load has reached {@code population}. Settings (system properties): {@code gateway}
 * (http://localhost:8080), {@code keycloak} (http://localhost:8180), {@code mongo}
 * (mongodb://localhost:27017), {@code population} (1,000,000), {@code users} (32), {@code seconds}
 * (60), {@code warmUpSeconds} (30). Start the stack with
 * {@code IDENTITY_SYNTHETIC_POPULATION=1000000} and a per-client limit above the offered load.
 */
public class RegistryLookupSimulation extends Simulation {

	private static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");

	private static final String KEYCLOAK = System.getProperty("keycloak", "http://localhost:8180");

	private static final long POPULATION = Long.getLong("population", 1_000_000);

	private static final int USERS = Integer.getInteger("users", 32);

	private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("seconds", 60));

	private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("warmUpSeconds", 30));

	private final List<String> personalIds = loadedPersonalIds();

	private final String token = Tokens.service(KEYCLOAK, "passport-service");

	private static List<String> loadedPersonalIds() {
		return LoadedData.afterLoad("identity", "synthetic-population:20250701", POPULATION, "citizens",
				new Document(), (citizen) -> citizen.getString("_id"));
	}

	private Iterator<Map<String, Object>> randomCitizens() {
		return Stream.generate(() -> Map.<String, Object>of("personalId",
				this.personalIds.get(ThreadLocalRandom.current().nextInt(this.personalIds.size()))))
			.iterator();
	}

	private ScenarioBuilder lookups(String name, Duration phase) {
		return scenario(name).during(phase)
			.on(feed(randomCitizens()).exec(http(name).get(GATEWAY + "/api/identity/registry/citizens/#{personalId}")
				.header("Authorization", "Bearer " + this.token)
				.header("X-Purpose", "load test: passport application check")
				.check(status().is(200), jsonPath("$.personalId").isEL("#{personalId}"))));
	}

	{
		HttpProtocolBuilder protocol = http.acceptHeader("application/json").shareConnections();
		setUp(lookups("warm-up", WARM_UP).injectOpen(atOnceUsers(USERS))
			.andThen(lookups("registry lookup through the gateway", PHASE).injectOpen(atOnceUsers(USERS))))
			.protocols(protocol)
			.maxDuration(WARM_UP.plus(PHASE).plusSeconds(30))
			.assertions(global().failedRequests().percent().lt(1.0));
	}

}
