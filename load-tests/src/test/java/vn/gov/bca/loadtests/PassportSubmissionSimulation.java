package vn.gov.bca.loadtests;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import com.mongodb.client.model.Filters;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import org.bson.Document;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Passport dossiers submitted through the gateway by the national portal on behalf of citizens of
 * the synthetic population, each citizen once: the gateway's JWT check, rate limit and routing; in
 * passport-service the JWT check, the registry's verification of the holder (a service-to-service
 * call to identity-service with a client-credentials token), the eligibility checks (exit bans,
 * passports held, one open dossier), a dossier code from the unit's daily counter, the MongoDB
 * write of the dossier with its {@code DossierSubmitted} event, and the event's relay to Kafka.
 *
 * <p>Settings: {@code gateway}, {@code keycloak}, {@code mongo}, {@code population} (50,000: the
 * load {@code ./run} does by default), {@code users} (16), {@code seconds} (60),
 * {@code warmUpSeconds} (20). Start the stack with a per-account limit above the offered load (one
 * service account submits everything).
 */
public class PassportSubmissionSimulation extends Simulation {

	private static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");

	private static final String KEYCLOAK = System.getProperty("keycloak", "http://localhost:8180");

	private static final long POPULATION = Long.getLong("population", 50_000);

	private static final int USERS = Integer.getInteger("users", 16);

	private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("seconds", 60));

	private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("warmUpSeconds", 20));

	/** Adults with a full date of birth, as JSON submissions; each used once. */
	private final ConcurrentLinkedQueue<String> submissions = new ConcurrentLinkedQueue<>(LoadedData.afterLoad(
			"identity", "synthetic-population:20250701", POPULATION, "citizens",
			Filters.and(Filters.exists("birthDate.day"), Filters.lte("birthDate.year", 2008)),
			PassportSubmissionSimulation::submission));

	private final String token = Tokens.service(KEYCLOAK, "national-portal");

	private static String submission(Document citizen) {
		Document born = citizen.get("birthDate", Document.class);
		return """
				{"procedure": "FIRST_ISSUE", "handlingProvince": "01", "applicantPersonalId": "%s",
				 "form": {"holderPersonalId": "%s", "holderFullName": "%s", "holderBirthDate": "%04d-%02d-%02d",
				          "sex": "%s", "chip": true}}"""
			.formatted(citizen.getString("_id"), citizen.getString("_id"), citizen.getString("fullName"),
					born.getInteger("year"), born.getInteger("month"), born.getInteger("day"), citizen.getString("sex"));
	}

	private Iterator<Map<String, Object>> nextCitizen() {
		return Stream.generate(() -> {
			String body = this.submissions.poll();
			if (body == null) {
				throw new IllegalStateException("No citizen left to submit for: load a larger population");
			}
			return Map.<String, Object>of("body", body);
		}).iterator();
	}

	private ScenarioBuilder submit(String name, Duration phase) {
		return scenario(name).during(phase)
			.on(feed(nextCitizen()).exec(http(name).post(GATEWAY + "/api/passport/dossiers")
				.header("Authorization", "Bearer " + this.token)
				.header("Content-Type", "application/json")
				.body(StringBody("#{body}"))
				.check(status().is(201), jsonPath("$.code").exists())));
	}

	{
		HttpProtocolBuilder protocol = http.acceptHeader("application/json").shareConnections();
		setUp(submit("warm-up", WARM_UP).injectOpen(atOnceUsers(USERS))
			.andThen(submit("passport submission through the gateway", PHASE).injectOpen(atOnceUsers(USERS))))
			.protocols(protocol)
			.maxDuration(WARM_UP.plus(PHASE).plusSeconds(30))
			.assertions(global().failedRequests().percent().lt(1.0));
	}

}
