package vn.gov.bca.loadtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
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
 * <p>The personal ids come from the registry's database (every citizen, in random order), after
 * waiting until it holds {@code population} citizens. Settings (system properties): {@code gateway}
 * (http://localhost:8080), {@code keycloak} (http://localhost:8180), {@code mongo}
 * (mongodb://localhost:27017), {@code population} (1,000,000), {@code users} (32), {@code seconds}
 * (60), {@code warmUpSeconds} (30). Start the stack with
 * {@code IDENTITY_SYNTHETIC_POPULATION=1000000} and a per-client limit above the offered load.
 */
public class RegistryLookupSimulation extends Simulation {

	private static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");

	private static final String KEYCLOAK = System.getProperty("keycloak", "http://localhost:8180");

	private static final String MONGO = System.getProperty("mongo", "mongodb://localhost:27017");

	private static final long POPULATION = Long.getLong("population", 1_000_000);

	private static final int USERS = Integer.getInteger("users", 32);

	private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("seconds", 60));

	private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("warmUpSeconds", 30));

	private final List<String> personalIds = loadedPersonalIds();

	private final String token = Tokens.service(KEYCLOAK, "passport-service");

	private static List<String> loadedPersonalIds() {
		try (MongoClient mongo = MongoClients.create(MONGO)) {
			MongoCollection<Document> citizens = mongo.getDatabase("identity").getCollection("citizens");
			long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
			long count;
			while ((count = citizens.estimatedDocumentCount()) < POPULATION) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The registry holds " + count + " citizens, not " + POPULATION);
				}
				System.out.printf("Waiting for the population: %,d of %,d citizens%n", count, POPULATION);
				sleep(Duration.ofSeconds(10));
			}
			List<String> ids = new ArrayList<>((int) count);
			for (Document citizen : citizens.find().projection(Projections.include("_id"))) {
				ids.add(citizen.getString("_id"));
			}
			System.out.printf("Looking up among %,d citizens%n", ids.size());
			return ids;
		}
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

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
