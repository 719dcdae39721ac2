package vn.gov.bca.loadtests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The demo hotel's operator ({@code khachsan.hoguom}, establishment {@code CSLT-DEMO-HN-0001}, which
 * {@code ./run} registers) through the gateway: foreigners' declarations in lists of {@code list}
 * guests (50), each guest with its own passport number, then stay notifications of one Vietnamese
 * guest each, by passport number. (A guest by personal id adds one registry verification in
 * identity-service, measured on its own by {@code RegistryLookupSimulation}; querying the synthetic
 * population for 50,000 guests here ran the local MongoDB server, 256 MB of heap, out of memory.) In residence-service each declaration is checked row by row and written as one
 * document with its event; each notification is one document with its event.
 *
 * <p>Settings: {@code gateway}, {@code keycloak}, {@code users} (16), {@code list} (50),
 * {@code seconds} (60 per phase), {@code warmUpSeconds} (20). Start the stack with a per-account
 * limit above the offered load: one account sends everything.
 */
public class ResidenceDeclarationSimulation extends Simulation {

	private static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");

	private static final String KEYCLOAK = System.getProperty("keycloak", "http://localhost:8180");

	private static final int USERS = Integer.getInteger("users", 16);

	private static final int LIST = Integer.getInteger("list", 50);

	private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("seconds", 60));

	private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("warmUpSeconds", 20));

	private static final String HOTEL = "CSLT-DEMO-HN-0001";

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final String token = Tokens.password(KEYCLOAK, "khachsan.hoguom", "Vneid@2026");

	/** Passport numbers never used twice in a run (a run's start time, then a counter). */
	private final AtomicLong passports = new AtomicLong((System.currentTimeMillis() / 1000) % 100_000 * 10_000_000L);

	private Iterator<Map<String, Object>> declarations() {
		return Stream.generate(() -> {
			Instant arrived = Instant.now().minus(Duration.ofHours(1));
			LocalDate day = LocalDate.ofInstant(arrived, VIETNAM);
			StringBuilder guests = new StringBuilder();
			for (int i = 0; i < LIST; i++) {
				guests.append((i > 0) ? "," : "").append("""
						{"passportNumber": "L%012d", "nationality": "KR", "fullName": "LEE JI EUN", "birthDate": "1991-02-03",
						 "sex": "FEMALE", "entryDate": "%s", "room": "%d", "arrivedAt": "%s", "plannedDeparture": "%s"}"""
					.formatted(this.passports.incrementAndGet(), day.minusDays(1), 100 + i, arrived, day.plusDays(3)));
			}
			return Map.<String, Object>of("body",
					"{\"establishmentId\": \"" + HOTEL + "\", \"guests\": [" + guests + "]}");
		}).iterator();
	}

	/** Vietnamese guests who give their passport number (no registry call), each notified once. */
	private Iterator<Map<String, Object>> stays() {
		return Stream.generate(() -> {
			Instant arrives = Instant.now().plus(Duration.ofHours(2));
			return Map.<String, Object>of("body", """
					{"establishmentId": "%s", "reason": "Du lịch", "arrivedAt": "%s", "departsOn": "%s",
					 "guests": [{"passportNumber": "C%07d", "fullName": "Nguyễn Thị Hoa", "birthDate": "1990-05-05"}]}"""
				.formatted(HOTEL, arrives, LocalDate.ofInstant(arrives, VIETNAM).plusDays(2),
						this.passports.incrementAndGet() % 10_000_000));
		}).iterator();
	}

	/** The POST of one JSON body from the feeder, as the hotel's operator. */
	private HttpRequestActionBuilder request(String name, String path) {
		return http(name).post(GATEWAY + path)
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.body(StringBody("#{body}"));
	}

	private ScenarioBuilder declare(String name, Duration phase) {
		return scenario(name).during(phase)
			.on(feed(declarations()).exec(request(name, "/api/residence/foreign-guests")
				.check(status().is(201), jsonPath("$.accepted").is(Integer.toString(LIST)))));
	}

	private ScenarioBuilder notifyStays(String name, Duration phase) {
		return scenario(name).during(phase)
			.on(feed(stays()).exec(request(name, "/api/residence/stays").check(status().is(201))));
	}

	{
		HttpProtocolBuilder protocol = http.acceptHeader("application/json").shareConnections();
		setUp(declare("warm-up", WARM_UP).injectOpen(atOnceUsers(USERS))
			.andThen(declare("foreigners' declarations of " + LIST, PHASE).injectOpen(atOnceUsers(USERS)))
			.andThen(notifyStays("stay notifications", PHASE).injectOpen(atOnceUsers(USERS))))
			.protocols(protocol)
			.maxDuration(WARM_UP.plus(PHASE.multipliedBy(2)).plusSeconds(30))
			.assertions(global().failedRequests().percent().lt(1.0));
	}

}
