package vn.gov.bca.identity.residence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.gov.bca.identity.privacy.Pseudonyms;
import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.Household;
import vn.gov.bca.identity.registry.NewCitizens;
import vn.gov.bca.identity.registry.Sex;
import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;
import vn.gov.bca.platform.testkit.TopicWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The population registry follows the residence register over real Kafka, residence-service's
 * internal endpoint stood in by a local server: a temporary registration's event makes the citizen's
 * temporary address the register's; a permanent registration's, the permanent address and household;
 * the same event again changes nothing; a deletion clears the address; the events name no person
 * (the registry asks for the current residence with its service account) and the registry's own
 * change event carries the pseudonym, not the personal id.
 */
@IntegrationTest
class ResidenceUpdatesTests {

	private static final String PERSON = "001190012345";

	private static final String REFERENCE = "R00AA11BB22CC33DD44EE55F";

	private static final Map<String, String> residents = new ConcurrentHashMap<>();

	private static final List<String> authorizations = new CopyOnWriteArrayList<>();

	private static final HttpServer residence = start();

	@Autowired
	private CitizenRegistry registry;

	@Autowired
	private Pseudonyms pseudonyms;

	@DynamicPropertySource
	static void residenceService(DynamicPropertyRegistry properties) {
		properties.add("vneid.clients.residence-service.base-url",
				() -> "http://127.0.0.1:" + residence.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		residence.stop(0);
	}

	@Test
	void theRegistryFollowsRegistrationsAndDeletionsOnceEach() throws Exception {
		this.registry.register(NewCitizens.citizen(PERSON, "Phan Thu Trang", "1990-05-20", Sex.FEMALE).build()).block();

		residents.put(REFERENCE, """
				{"personalId": "%s", "permanent": null,
				 "temporary": {"address": {"provinceCode": "79", "commune": "Phường Bến Thành", "detail": "Số 12 đường Lê Lợi"},
				               "since": "2026-12-01", "until": "2027-11-30"}}""".formatted(PERSON));
		String first = UUID.randomUUID().toString();
		send(first, "TemporaryResidenceRegistered");
		Citizen moved = await((citizen) -> citizen.temporaryAddress() != null);
		assertThat(moved.temporaryAddress().commune()).isEqualTo("Phường Bến Thành");
		assertThat(moved.temporaryAddress().provinceCode()).isEqualTo("79");
		assertThat(moved.temporaryAddress().asRecorded()).isEqualTo("Số 12 đường Lê Lợi, Phường Bến Thành, TP HCM");
		// The permanent address is not what a temporary registration changes.
		assertThat(moved.permanentAddress().commune()).isEqualTo("Phường Hoàn Kiếm");
		assertThat(authorizations).isNotEmpty().allMatch((header) -> header.startsWith("Bearer "));

		// The same event again (Kafka delivers at least once) is not applied twice.
		long version = moved.version();
		send(first, "TemporaryResidenceRegistered");

		residents.put(REFERENCE, """
				{"personalId": "%s",
				 "permanent": {"address": {"provinceCode": "01", "commune": "Phường Ba Đình", "detail": "Số 18 phố Phan Đình Phùng"},
				               "household": {"householdId": "010000000042", "headPersonalId": "001085012345", "relationToHead": "OTHER"},
				               "since": "2026-12-02"},
				 "temporary": null}""".formatted(PERSON));
		send(UUID.randomUUID().toString(), "PermanentResidenceRegistered");
		Citizen registered = await((citizen) -> citizen.household() != null);
		assertThat(registered.version()).isEqualTo(version + 1);
		assertThat(registered.permanentAddress().commune()).isEqualTo("Phường Ba Đình");
		assertThat(registered.household())
			.isEqualTo(new Household("010000000042", "001085012345", Household.Relation.OTHER));
		// Only the kinds an event concerns are written: the temporary address waits for its own event.
		assertThat(registered.temporaryAddress()).isNotNull();

		send(UUID.randomUUID().toString(), "ResidenceDeleted");
		Citizen deleted = await((citizen) -> citizen.temporaryAddress() == null);
		assertThat(deleted.permanentAddress().commune()).isEqualTo("Phường Ba Đình");

		String pseudonym = this.pseudonyms.of(PERSON);
		var changes = TopicReader.await(TestInfrastructure.get().kafkaBootstrapServers(), "identity.events.v1",
				(record) -> pseudonym.equals(record.key()), 4, Duration.ofSeconds(20));
		assertThat(changes).extracting((record) -> TopicReader.header(record, "ce_type"))
			.containsExactly("vn.gov.bca.identity.CitizenRegistered", "vn.gov.bca.identity.CitizenChanged",
					"vn.gov.bca.identity.CitizenChanged", "vn.gov.bca.identity.CitizenChanged");
		EventSchemaAssertions.assertValid(changes);
		assertThat(changes).allSatisfy((record) -> assertThat(record.value()).doesNotContain(PERSON));
	}

	private static void send(String eventId, String type) {
		TopicWriter.send(TestInfrastructure.get().kafkaBootstrapServers(), "residence.events.v1", REFERENCE, eventId,
				"vn.gov.bca.residence." + type, "/residence-service", "{\"aggregateId\": \"" + REFERENCE + "\"}");
	}

	private Citizen await(java.util.function.Predicate<Citizen> done) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Citizen citizen = null;
		while (System.nanoTime() < deadline) {
			citizen = this.registry.find(PERSON).block();
			if (citizen != null && done.test(citizen)) {
				return citizen;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("The registry did not follow within 30 s: " + citizen);
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/internal/residence/residents/", ResidenceUpdatesTests::answer);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(HttpExchange exchange) throws IOException {
		authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		String reference = exchange.getRequestURI().getPath().substring("/internal/residence/residents/".length());
		String body = residents.get(reference);
		byte[] bytes = ((body != null) ? body : "{\"status\": 404}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders((body != null) ? 200 : 404, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
