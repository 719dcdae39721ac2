package vn.gov.bca.identity.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.NewCitizens;
import vn.gov.bca.identity.registry.Sex;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.SettableClock;
import vn.gov.bca.platform.web.time.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-step VNeID registration (security review, finding 1) through the API, with the
 * development notification sink in a temporary directory and an in-process Keycloak admin API:
 * the start answers the same to a right and a wrong guess, the code goes only to the contact on
 * record, and only that code creates the account; codes expire and allow 5 tries; starts are
 * limited per personal id and per address; someone else's pending registration blocks nobody.
 */
@IntegrationTest
class TwoStepRegistrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final FakeKeycloakAdmin keycloak = new FakeKeycloakAdmin();

	@TempDir
	static Path sink;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("vneid.notifications.dev-sink-dir", () -> sink.toString());
		registry.add("vneid.clients.keycloak-admin.base-url", keycloak::baseUrl);
	}

	@TestConfiguration
	static class Time {

		@Bean
		SettableClock clock() {
			return SettableClock.at(LocalDateTime.of(2026, 11, 23, 9, 0), VietnamTime.ZONE);
		}

	}

	@AfterAll
	static void stopKeycloak() {
		keycloak.close();
	}

	@Autowired
	private WebTestClient client;

	@Autowired
	private CitizenRegistry registry;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private SettableClock clock;

	@BeforeEach
	void enterCitizens() {
		enter("001196001101", "Lê Thị Hạ", "1996-02-02", Sex.FEMALE, "0912110101", "ha@example.vn");
		enter("001196001102", "Ngô Thị Ngọc", "1996-03-03", Sex.FEMALE, "0912110202", null);
		enter("001196001103", "Phan Thị Bảy", "1996-04-04", Sex.FEMALE, "0912110303", null);
		enter("001196001104", "Tạ Thị Tư", "1996-05-05", Sex.FEMALE, "0912110404", null);
		enter("001196001105", "Hà Thị Năm", "1996-06-06", Sex.FEMALE, null, "nam@example.vn");
		enter("001196001106", "Vũ Thị Sáu", "1996-07-07", Sex.FEMALE, "0912110606", null);
	}

	@Test
	void theStartAnswersTheSameToARightAndAWrongGuessAndOnlyTheRightOneSendsACode() {
		String right = start("001196001101", "Lê Thị Hạ", "1996-02-02", "198.51.100.1").expectStatus()
			.isAccepted()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		// A wrong diacritic, a wrong birth date, an unknown number: the same status and shape.
		for (String[] guess : List.of(new String[] { "001196001101", "Lê Thị Hà", "1996-02-02" },
				new String[] { "001196001101", "Lê Thị Hạ", "1996-02-03" },
				new String[] { "001196009999", "Lê Thị Hạ", "1996-02-02" })) {
			String wrong = start(guess[0], guess[1], guess[2], "198.51.100.2").expectStatus()
				.isAccepted()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(fields(wrong)).isEqualTo(fields(right));
		}
		assertThat(right).doesNotContain("0912").doesNotContain("example.vn");

		List<Map<String, Object>> messages = awaitMessages(sink, "0912110101", 1);
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0)).containsEntry("channel", "SMS")
			.containsEntry("kind", "ACCOUNT_REGISTRATION_CODE")
			.containsKeys("id", "createdAt", "expiresAt", "text");
		assertThat((String) messages.get(0).get("code")).matches("[0-9]{6}");
		assertThat((String) messages.get(0).get("text")).contains((String) messages.get(0).get("code"));
		sleep(500);
		assertThat(awaitMessages(sink, "0912110101", 1)).as("nothing sent for a wrong guess").hasSize(1);
	}

	@Test
	void onlyTheCodeSentToTheContactOnRecordCreatesTheAccount() {
		String registrationId = registrationId(start("001196001102", "NGÔ THỊ NGỌC", "1996-03-03", "198.51.100.3"));
		String code = awaitCode(sink, "0912110202");
		String wrongCode = code.equals("000000") ? "000001" : "000000";

		String refused = confirm(registrationId, wrongCode).expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String unknown = confirm("7d5b3a0e-5f0a-4c1e-9a55-0e8d3f1b2c4d", code).expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(detail(unknown)).isEqualTo(detail(refused));

		confirm(registrationId, code).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.identityLevel")
			.isEqualTo(1)
			.jsonPath("$.phone")
			.isEqualTo("091****202");
		assertThat(keycloak.createdUsers).anySatisfy((user) -> assertThat(user).contains("001196001102")
			.contains("0912110202"));
		// Used once: the same code again is refused like any other.
		confirm(registrationId, code).expectStatus().isEqualTo(422);

		// A new start for a number that has an account: the same answer, a warning to the contact, no code.
		String again = registrationId(start("001196001102", "Ngô Thị Ngọc", "1996-03-03", "198.51.100.3"));
		assertThat(awaitMessages(sink, "0912110202", 2)).anySatisfy(
				(message) -> assertThat(message).containsEntry("kind", "ACCOUNT_ALREADY_EXISTS").doesNotContainKey("code"));
		confirm(again, code).expectStatus().isEqualTo(422);
	}

	@Test
	void aCodeAllowsFiveTriesAndExpiresAfterFiveMinutes() {
		String tried = registrationId(start("001196001103", "Phan Thị Bảy", "1996-04-04", "198.51.100.4"));
		String code = awaitCode(sink, "0912110303");
		String wrongCode = code.equals("111111") ? "222222" : "111111";
		for (int i = 0; i < 5; i++) {
			confirm(tried, wrongCode).expectStatus().isEqualTo(422);
		}
		confirm(tried, code).expectStatus().isEqualTo(422);

		String late = registrationId(start("001196001104", "Tạ Thị Tư", "1996-05-05", "198.51.100.4"));
		String lateCode = awaitCode(sink, "0912110404");
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		confirm(late, lateCode).expectStatus().isEqualTo(422);
		this.clock.advance(Duration.ofMinutes(-5).minusSeconds(1));
	}

	@Test
	void aPendingRegistrationOfSomeoneElseBlocksNobodyAndTheOwnersConfirmationVoidsIt() {
		// Someone who knows the public data starts first, but never gets the code (it goes to her e-mail).
		String strangers = registrationId(start("001196001105", "Hà Thị Năm", "1996-06-06", "198.51.100.5"));
		this.clock.advance(Duration.ofSeconds(1));
		String owners = registrationId(start("001196001105", "Hà Thị Năm", "1996-06-06", "198.51.100.6"));
		List<Map<String, Object>> messages = awaitMessages(sink, "nam@example.vn", 2);
		// Only an e-mail is on record: the code goes there although SMS is the default.
		assertThat(messages).hasSize(2).allSatisfy((message) -> assertThat(message).containsEntry("channel", "EMAIL"));
		String strangersCode = (String) messages.get(0).get("code");
		String ownersCode = (String) messages.get(1).get("code");

		confirm(owners, ownersCode).expectStatus().isCreated();
		assertThat(this.mongo
			.count(Query.query(Criteria.where("personalId").is("001196001105")), RegistrationService.COLLECTION)
			.block()).isZero();
		confirm(strangers, strangersCode).expectStatus().isEqualTo(422);
	}

	@Test
	void startsAreLimitedPerPersonalIdAndPerAddress() {
		for (int i = 0; i < 3; i++) {
			start("001196001106", "Vũ Thị Sáu", "1996-07-07", "198.51.100." + (10 + i)).expectStatus().isAccepted();
		}
		start("001196001106", "Vũ Thị Sáu", "1996-07-07", "198.51.100.13").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		// Wrong guesses count alike, so the limit tells nothing either.
		for (int i = 0; i < 10; i++) {
			start("0011960020" + (10 + i), "Không Có Ai", "1996-01-01", "198.51.100.20").expectStatus().isAccepted();
		}
		start("001196002099", "Không Có Ai", "1996-01-01", "198.51.100.20").expectStatus().isEqualTo(429);
		// The address is the one the gateway appended (the last entry), not one the client wrote before it.
		start("001196002098", "Không Có Ai", "1996-01-01", "10.0.0.1, 198.51.100.20").expectStatus().isEqualTo(429);
		start("001196002097", "Không Có Ai", "1996-01-01", "198.51.100.21").expectStatus().isAccepted();
	}

	@Test
	void malformedStartsAreRefusedFieldByField() {
		this.client.post()
			.uri("/api/identity/public/account-registrations")
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"personalId": "00119500080", "fullName": "", "birthDate": "1995-02-30x"}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(3);
		this.client.post()
			.uri("/api/identity/public/account-registrations/not-a-registration/confirmation")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"code": "12345", "password": "short"}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(2);
	}

	private WebTestClient.ResponseSpec start(String personalId, String name, String birthDate, String address) {
		return this.client.post()
			.uri("/api/identity/public/account-registrations")
			.header("X-Forwarded-For", address)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"personalId": "%s", "fullName": "%s", "birthDate": "%s"}""".formatted(personalId, name, birthDate))
			.exchange();
	}

	private WebTestClient.ResponseSpec confirm(String registrationId, String code) {
		return this.client.post()
			.uri("/api/identity/public/account-registrations/" + registrationId + "/confirmation")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"code": "%s", "password": "Vneid@2026!"}""".formatted(code))
			.exchange();
	}

	private static String registrationId(WebTestClient.ResponseSpec started) {
		return started.expectStatus()
			.isAccepted()
			.expectBody(RegistrationService.Started.class)
			.returnResult()
			.getResponseBody()
			.registrationId();
	}

	private void enter(String personalId, String name, String birth, Sex sex, String phone, String email) {
		if (this.registry.find(personalId).block() == null) {
			this.registry.register(NewCitizens.citizen(personalId, name, birth, sex).contact(phone, email).build())
				.block();
		}
	}

	private static java.util.Set<String> fields(String json) {
		return JSON.readValue(json, Map.class).keySet();
	}

	private static Object detail(String json) {
		return JSON.readValue(json, Map.class).get("detail");
	}

	/** Every message in the sink, oldest first (the file names start with the time). */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> allMessages(Path sink) {
		try (Stream<Path> files = Files.list(sink)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json"))
				.sorted()
				.map((file) -> (Map<String, Object>) JSON.readValue(file.toFile(), Map.class))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits (up to 10 s) for at least that many messages to that contact. */
	static List<Map<String, Object>> awaitMessages(Path sink, String to, int count) {
		Instant deadline = Instant.now().plusSeconds(10);
		while (true) {
			List<Map<String, Object>> found = allMessages(sink).stream().filter((m) -> to.equals(m.get("to"))).toList();
			if (found.size() >= count || Instant.now().isAfter(deadline)) {
				return found;
			}
			sleep(100);
		}
	}

	/** The code of the latest message to that contact. */
	static String awaitCode(Path sink, String to) {
		List<Map<String, Object>> found = awaitMessages(sink, to, 1);
		assertThat(found).as("a code sent to %s", to).isNotEmpty();
		return (String) found.get(found.size() - 1).get("code");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
