package vn.gov.bca.passport.restriction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;
import vn.gov.bca.platform.testkit.dossier.Callers;

import static org.assertj.core.api.Assertions.assertThat;

/** The exit-ban API as it was before bans became an aggregate (same JSON), now with its events. */
@IntegrationTest
class ExitBanHttpTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private final String officer = jwt.officer("001080001111", "PA08-HN", "01");

	private final String lead = jwt.supervisor("001075003333", "PA08-HN", "01");

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private ExitBans exitBans;

	@Test
	void aBanIsShownWithTheFieldsItAlwaysHadAndItsEventsCarryNoPersonalId() {
		String holder = "001090123480";
		String ban = impose(this.officer, Map.of("personalId", holder, "legalBasis", "Khoản 2 Điều 36", "reason",
				"Chưa chấp hành bản án", "from", "2026-01-05", "until", "2026-06-30"))
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> fields = JsonPath.read(ban, "$");
		// The platform leaves null fields out: liftedAt appears once lifted.
		assertThat(fields).containsOnlyKeys("id", "personalId", "legalBasis", "reason", "from", "until", "decidedBy",
				"agency", "province", "recordedAt");
		assertThat(fields).containsEntry("personalId", holder)
			.containsEntry("from", "2026-01-05")
			.containsEntry("until", "2026-06-30")
			.containsEntry("decidedBy", JwtIssuer.accountOf("001080001111"))
			.containsEntry("agency", "PA08-HN")
			.containsEntry("province", "01");
		String banId = (String) fields.get("id");

		this.client.post()
			.uri("/api/passport/exit-bans/{personalId}/{banId}/lift", holder, banId)
			.headers((headers) -> headers.setBearerAuth(this.lead))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.client.get()
			.uri("/api/passport/exit-bans/{personalId}", holder)
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].id")
			.isEqualTo(banId)
			.jsonPath("$[0].liftedAt")
			.isNotEmpty();

		List<ConsumerRecord<String, String>> events = TopicReader.await(
				TestInfrastructure.get().kafkaBootstrapServers(), "passport.events.v1",
				(record) -> banId.equals(record.key()), 2, Duration.ofSeconds(20));
		assertThat(events).extracting((record) -> TopicReader.header(record, "ce_type"))
			.containsExactly("vn.gov.bca.passport.ExitBanImposed", "vn.gov.bca.passport.ExitBanLifted");
		EventSchemaAssertions.assertValid(events);
		assertThat(events).allSatisfy((record) -> assertThat(record.value()).doesNotContain(holder).contains("\"01\""));
	}

	@Test
	void aBanLiftedAgainIsAConflictAndAnotherPersonsBanIsNotFound() {
		String holder = "001090123481";
		String banId = JsonPath.read(impose(this.officer, Map.of("personalId", holder, "legalBasis", "Khoản 1 Điều 36",
				"reason", "Bị can")).expectBody(String.class).returnResult().getResponseBody(), "$.id");
		lift("001090123482", banId).expectStatus().isNotFound();
		lift(holder, "no-such-ban").expectStatus().isNotFound();
		lift(holder, banId).expectStatus().isNoContent();
		lift(holder, banId).expectStatus().isEqualTo(409).expectBody().jsonPath("$.action").isEqualTo("lift");
	}

	@Test
	void aCitizenNeitherImposesNorSeesNorLiftsBans() {
		String citizen = jwt.citizen("001085012345", 2);
		impose(citizen, Map.of("personalId", "001090123483", "legalBasis", "Khoản 1 Điều 36", "reason", "Bị can"))
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/api/passport/exit-bans/{personalId}", "001085012345")
			.headers((headers) -> headers.setBearerAuth(citizen))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.post()
			.uri("/api/passport/exit-bans/{personalId}/{banId}/lift", "001090123483", "any")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void manyPastBansAreListedUpToTheBoundAndTheCheckStillFindsTheActiveOneAfterThem() {
		String holder = "001090123484";
		LocalDate today = LocalDate.of(2026, 3, 2);
		Instant now = Instant.parse("2026-03-02T02:00:00Z");
		// Past bans (all ended yesterday) and one in force, written with ids that put it after every
		// other, on the check's last page; without their events, only the reads are under test.
		List<Document> bans = new ArrayList<>();
		for (int i = 0; i <= ExitBans.MAX_LISTED; i++) {
			bans.add(stored(holder, "past-%05d".formatted(i), today.minusDays(30), today.minusDays(1), now));
		}
		bans.add(stored(holder, "zz-in-force", today, null, now.plusSeconds(1)));
		this.mongo.insert(bans, "passport_exit_bans").blockLast();

		assertThat(this.exitBans.isBanned(holder, today).block()).isTrue();
		assertThat(this.exitBans.isBanned(holder, today.minusDays(31)).block()).isFalse();
		this.client.get()
			.uri("/api/passport/exit-bans/{personalId}", holder)
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(ExitBans.MAX_LISTED)
			.jsonPath("$[0].id")
			.isEqualTo("past-00000");
	}

	/** A ban as the store writes it, under the id given. */
	private Document stored(String holder, String id, LocalDate from, LocalDate until, Instant recordedAt) {
		ExitBan ban = ExitBan.impose(new ExitBans.BanRequest(holder, "Khoản 1 Điều 36", "Bị can", from, until, null),
				from, Callers.officer("001080001111", "PA08-HN", "01"), recordedAt).ban();
		Document document = new Document();
		this.mongo.getConverter().write(ban, document);
		document.put("_id", id);
		return document;
	}

	private WebTestClient.ResponseSpec impose(String token, Map<String, Object> body) {
		return this.client.post()
			.uri("/api/passport/exit-bans")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec lift(String personalId, String banId) {
		return this.client.post()
			.uri("/api/passport/exit-bans/{personalId}/{banId}/lift", personalId, banId)
			.headers((headers) -> headers.setBearerAuth(this.lead))
			.exchange();
	}

}
