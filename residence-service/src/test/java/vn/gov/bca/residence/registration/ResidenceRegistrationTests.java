package vn.gov.bca.residence.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.PdfDocuments;
import vn.gov.bca.platform.testkit.ServiceStubs;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;
import vn.gov.bca.platform.web.time.VietnamTime;
import vn.gov.bca.residence.register.DeletionProposals;
import vn.gov.bca.residence.register.ResidenceRegister;

/**
 * The residence registrations on the dossier workflow against real MongoDB and Kafka, with
 * identity-service's population registry stubbed: a temporary registration goes from the citizen's
 * submission through the officer's approval into the register, whose event names the file by its
 * reference only and whose internal endpoint answers the population registry alone; a permanent
 * registration into a household waits for the head's own consent, and a refused consent ends in a
 * written refusal with its reason; the law's conditions are refused at submission naming the part of
 * CT01 at fault; the confirmation of residence (CT07) states the register's facts with a QR code to
 * the public verification; a temporary residence whose period ended is proposed for deletion to the
 * officers of its province only, and confirming it deletes it with its legal ground.
 */
@IntegrationTest
class ResidenceRegistrationTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final ServiceStubs services = new ServiceStubs();

	private static final String EVENTS = "residence.events.v1";

	/** Lives permanently in TP HCM, registers a temporary residence in Hà Nội (and asks for CT07). */
	private static final String TAM = "079190200001";

	/** The head of a household in Phường Ba Đình, owner of its home. */
	private static final String HEAD = "001060200002";

	private static final String HEAD_HOUSEHOLD = "010000000123";

	/** The head's wife, joining his household. */
	private static final String WIFE = "004095200003";

	/** Owns a home in Hà Nội that he lets. */
	private static final String OWNER = "001070200004";

	/** Rents the owner's home and asks for a permanent registration there. */
	private static final String TENANT = "008092200005";

	/** Lives permanently in Phường Cầu Giấy. */
	private static final String CAU_GIAY = "001088200006";

	/** Lives permanently in TP HCM, registers a short temporary residence in Hà Nội that runs out. */
	private static final String SHORT_STAY = "079185200007";

	/** Lives permanently in Cao Bằng; asks in the wrong province or with a home too small. */
	private static final String OTHER = "004089200008";

	@Autowired
	private WebTestClient client;

	@Autowired
	private ResidenceRegister register;

	@Autowired
	private DeletionProposals proposals;

	private final String officer = jwt.officer("001080201111", "PC06-HN", "01");

	private final String hcmOfficer = jwt.officer("079180202222", "PC06-HCM", "79");

	@DynamicPropertySource
	static void registry(DynamicPropertyRegistry registry) {
		services.standIn(registry);
		services.register(TAM, "Trần Văn Tâm", "1990-01-15", "MALE")
			.livingAt(TAM, "79", "Phường Sài Gòn", "1 đường Lê Lợi");
		services.register(HEAD, "Nguyễn Văn Chủ", "1960-05-05", "MALE")
			.livingAt(HEAD, "01", "Phường Ba Đình", "5 phố Đội Cấn")
			.inHousehold(HEAD, HEAD_HOUSEHOLD, HEAD, "HEAD");
		services.register(WIFE, "Hoàng Thị Vợ", "1995-07-07", "FEMALE")
			.livingAt(WIFE, "04", "Phường Thục Phán", "3 phố Kim Đồng")
			.married(WIFE, HEAD);
		services.register(OWNER, "Lê Văn Nhà", "1970-02-02", "MALE")
			.livingAt(OWNER, "01", "Phường Hoàn Kiếm", "7 phố Hàng Gai");
		services.register(TENANT, "Phạm Thị Thuê", "1992-08-08", "FEMALE")
			.livingAt(TENANT, "08", "Phường Minh Xuân", "2 đường Tân Trào");
		services.register(CAU_GIAY, "Đỗ Văn Giấy", "1988-06-06", "MALE")
			.livingAt(CAU_GIAY, "01", "Phường Cầu Giấy", "9 phố Trần Thái Tông");
		services.register(SHORT_STAY, "Vũ Thị Ngắn", "1985-04-04", "FEMALE")
			.livingAt(SHORT_STAY, "79", "Phường Bến Thành", "4 đường Lê Thánh Tôn");
		services.register(OTHER, "Bùi Văn Khác", "1989-09-09", "MALE")
			.livingAt(OTHER, "04", "Phường Thục Phán", "8 phố Kim Đồng");
	}

	@AfterAll
	static void stopStubs() {
		services.close();
	}

	@Test
	void aTemporaryRegistrationGoesIntoTheRegisterAndItsEventNamesNobody() {
		LocalDate until = today().plusMonths(6);
		String dossier = submit(jwt.citizen(TAM, 2), temporary("12 phố Hàng Bạc", "Phường Hoàn Kiếm", until))
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String code = JsonPath.read(dossier, "$.code");
		assertThat(code).matches("PC06-HN-[0-9]{6}-[0-9]{4}");
		assertThat((String) JsonPath.read(dossier, "$.procedure")).isEqualTo("TEMPORARY_REGISTRATION");
		// A level-1 account may not register.
		submit(jwt.citizen(TAM, 1), temporary("12 phố Hàng Bạc", "Phường Hoàn Kiếm", until)).expectStatus()
			.isForbidden();

		act(code, "accept", this.officer).expectStatus().isOk();
		// Her own home is proven by a paper: without it, no approval.
		act(code, "approve", this.officer).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Chưa có giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (HOME-PROOF).");
		homeProof(code, jwt.citizen(TAM, 2));
		act(code, "approve", this.officer).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PROCESSED");

		String mine = await().atMost(Duration.ofSeconds(30)).until(() -> residence(TAM),
				(json) -> optional(json, "$.temporary") != null);
		assertThat((String) JsonPath.read(mine, "$.temporary.until")).isEqualTo(until.toString());
		assertThat((String) JsonPath.read(mine, "$.temporary.from")).isEqualTo(today().toString());
		assertThat((String) JsonPath.read(mine, "$.temporary.address.commune")).isEqualTo("Phường Hoàn Kiếm");
		assertThat((String) JsonPath.read(mine, "$.temporary.state")).isEqualTo("CURRENT");
		assertThat((String) JsonPath.read(mine, "$.temporary.dossierCode")).isEqualTo(code);

		// The event is keyed by the file's reference and says where and until when, not who.
		String reference = this.register.find(TAM).block().reference();
		List<ConsumerRecord<String, String>> events = TopicReader.await(
				TestInfrastructure.get().kafkaBootstrapServers(), EVENTS, (record) -> reference.equals(record.key()), 1,
				Duration.ofSeconds(20));
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(TopicReader.header(event, "ce_type"))
				.isEqualTo("vn.gov.bca.residence.TemporaryResidenceRegistered");
			assertThat((String) JsonPath.read(event.value(), "$.aggregateId")).isEqualTo(reference);
			assertThat((String) JsonPath.read(event.value(), "$.until")).isEqualTo(until.toString());
			assertThat((String) JsonPath.read(event.value(), "$.commune")).isEqualTo("Phường Hoàn Kiếm");
			assertThat(event.value()).doesNotContain(TAM, "Trần Văn Tâm", "Hàng Bạc");
		});
		EventSchemaAssertions.assertValid(events);

		// identity-service, with its service account, reads who and where; no one else does.
		this.client.get()
			.uri("/internal/residence/residents/" + reference)
			.headers((headers) -> headers.setBearerAuth(jwt.service("identity-service")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.personalId")
			.isEqualTo(TAM)
			.jsonPath("$.temporary.address.commune")
			.isEqualTo("Phường Hoàn Kiếm")
			.jsonPath("$.temporary.address.detail")
			.isEqualTo("12 phố Hàng Bạc")
			.jsonPath("$.temporary.until")
			.isEqualTo(until.toString())
			.jsonPath("$.permanent")
			.doesNotExist();
		this.client.get()
			.uri("/internal/residence/residents/" + reference)
			.headers((headers) -> headers.setBearerAuth(jwt.service("passport-service")))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/internal/residence/residents/" + reference)
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(TAM, 2)))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/internal/residence/residents/R000000000000000000000000")
			.headers((headers) -> headers.setBearerAuth(jwt.service("identity-service")))
			.exchange()
			.expectStatus()
			.isNotFound();

		// The confirmation of residence (CT07) states the temporary residence, with a QR code to its verification.
		String confirmation = this.client.post()
			.uri("/api/residence/me/residence/confirmation")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(TAM, 2)))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		byte[] pdf = pdf(JsonPath.read(confirmation, "$.pdf"), jwt.citizen(TAM, 2));
		assertThat(PdfDocuments.flatText(pdf)).contains("XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ", "Họ và tên: Trần Văn Tâm",
				"Phường Hoàn Kiếm", "12 phố Hàng Bạc", "CÔNG AN THÀNH PHỐ HÀ NỘI");
		String url = PdfDocuments.qrCode(pdf);
		assertThat(url).isEqualTo(JsonPath.read(confirmation, "$.verificationUrl"))
			.contains("/api/residence/public/documents/");
		this.client.get()
			.uri(PdfDocuments.qrPath(pdf))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result")
			.isEqualTo("VALID");
		// Another citizen may not read it.
		this.client.get()
			.uri((String) JsonPath.read(confirmation, "$.pdf"))
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(OWNER, 2)))
			.exchange()
			.expectStatus()
			.isNotFound();
		// Nothing registered, nothing to confirm.
		this.client.post()
			.uri("/api/residence/me/residence/confirmation")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(OWNER, 2)))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void joiningAHouseholdWaitsForTheHeadsOwnConsent() {
		String code = code(submit(jwt.citizen(WIFE, 2), """
				{"procedure": "PERMANENT_REGISTRATION", "handlingProvince": "01",
				 "form": {"address": {"provinceCode": "01", "commune": "Phường Ba Đình", "detail": "5 phố Đội Cấn"},
				          "grounds": "JOIN_RELATIVE", "ownerPersonalId": "%s",
				          "household": {"headPersonalId": "%s", "relationToHead": "SPOUSE"}}}""".formatted(HEAD,
				HEAD)));
		act(code, "accept", this.officer).expectStatus().isOk();
		act(code, "approve", this.officer).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Hồ sơ đang chờ ý kiến đồng ý.");

		// The head sees what he is asked, as head and owner at once, without the applicant's personal id.
		String asked = consentRequests(HEAD);
		assertThat(JsonPath.<List<String>>read(asked, "$[?(@.dossierCode == '" + code + "')].status"))
			.containsExactly("PENDING");
		assertThat(JsonPath.<List<List<String>>>read(asked, "$[?(@.dossierCode == '" + code + "')].roles").get(0))
			.containsExactlyInAnyOrder("HOUSEHOLD_HEAD", "OWNER");
		assertThat(JsonPath.<List<String>>read(asked, "$[?(@.dossierCode == '" + code + "')].applicantFullName"))
			.containsExactly("Hoàng Thị Vợ");
		assertThat(asked).doesNotContain(WIFE);
		// Someone not asked is told nothing exists: neither a request to see nor one to answer.
		assertThat(JsonPath.<List<?>>read(consentRequests(CAU_GIAY), "$")).isEmpty();
		consent(code, CAU_GIAY, true).expectStatus().isNotFound();
		consent("PC06-HN-260101-9999", HEAD, true).expectStatus().isNotFound();
		act(code, "approve", this.officer).expectStatus().isEqualTo(409);

		consent(code, HEAD, true).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("GIVEN");
		// Given once: a second answer is a conflict.
		consent(code, HEAD, false).expectStatus().isEqualTo(409);
		act(code, "approve", this.officer).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.householdId")
			.isEqualTo(HEAD_HOUSEHOLD)
			.jsonPath("$.consents[0].status")
			.isEqualTo("GIVEN");

		String mine = await().atMost(Duration.ofSeconds(30)).until(() -> residence(WIFE),
				(json) -> optional(json, "$.permanent") != null);
		assertThat((String) JsonPath.read(mine, "$.permanent.household.householdId")).isEqualTo(HEAD_HOUSEHOLD);
		assertThat((String) JsonPath.read(mine, "$.permanent.household.headPersonalId")).isEqualTo(HEAD);
		assertThat((String) JsonPath.read(mine, "$.permanent.household.relationToHead")).isEqualTo("SPOUSE");
		assertThat((String) JsonPath.read(mine, "$.permanent.address.commune")).isEqualTo("Phường Ba Đình");
		// The province's officers find her among the commune's residents.
		this.client.get()
			.uri("/api/residence/residents?province=01&commune=Phường Ba Đình")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.personalId == '" + WIFE + "')].residence.household.householdId")
			.isEqualTo(List.of(HEAD_HOUSEHOLD));
	}

	@Test
	void aRefusedConsentEndsInAWrittenRefusalWithItsReason() {
		// 45 m² for the tenant and the 2 living there: 15 m² each, Hà Nội's minimum, is enough.
		String code = code(submit(jwt.citizen(TENANT, 2), rented(OWNER, "45", 2)));
		act(code, "accept", this.officer).expectStatus().isOk();
		consent(code, OWNER, false).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REFUSED");
		act(code, "approve", this.officer).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Có người không đồng ý: không thể giải quyết đăng ký.");

		String reason = "Chủ sở hữu chỗ ở không đồng ý cho đăng ký thường trú tại chỗ ở thuê";
		this.client.post()
			.uri("/api/residence/dossiers/" + code + "/stop")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", reason))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("STOPPED");

		String documents = await().atMost(Duration.ofSeconds(30)).until(() -> this.client.get()
			.uri("/api/residence/documents?reference=" + code)
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(TENANT, 2)))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), (json) -> json.contains("RESIDENCE_REFUSAL"));
		List<String> refusals = JsonPath.read(documents, "$[?(@.type == 'RESIDENCE_REFUSAL')].pdf");
		assertThat(refusals).hasSize(1);
		String text = PdfDocuments.flatText(pdf(refusals.get(0), jwt.citizen(TENANT, 2)));
		assertThat(text).contains("TỪ CHỐI GIẢI QUYẾT HỒ SƠ ĐĂNG KÝ CƯ TRÚ", "Mã hồ sơ: " + code,
				"Họ và tên: Phạm Thị Thuê", "Lý do: " + reason);
		// Nothing was registered.
		assertThat(optional(residence(TENANT), "$.permanent")).isNull();
	}

	@Test
	void whatTheLawDoesNotAllowIsRefusedNamingThePartOfTheForm() {
		LocalDate until = today().plusMonths(3);
		// Temporary residence is outside the commune of one's permanent residence (Art. 27(1)), however spelt.
		submit(jwt.citizen(CAU_GIAY, 2), temporary("20 phố Duy Tân", "phường  cầu giấy", until)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("form.address.commune")
			.jsonPath("$.errors[0].code")
			.isEqualTo("residence.temporary-in-permanent-commune");

		// A part of CT01 the procedure does not use is refused, not ignored: a validation problem (400).
		submit(jwt.citizen(OTHER, 2), temporary("1 phố Huế", "Phường Hai Bà Trưng", until).replace("\"grounds\"",
				"\"absenceCase\": \"AWAY_TWELVE_MONTHS\", \"grounds\""))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("form.absenceCase")
			.jsonPath("$.errors[0].code")
			.isEqualTo("residence.part-not-used");
		submit(jwt.citizen(OTHER, 2), temporary("1 phố Huế", "Phường Hai Bà Trưng", until).replace("\"grounds\"",
				"\"floorArea\": 60, \"grounds\""))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("form.floorArea");

		// 44.99 m² for three people in Hà Nội: 14.99 m² each, under the province's 15.
		submit(jwt.citizen(OTHER, 2), rented(OWNER, "44.99", 2)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("form.floorArea")
			.jsonPath("$.errors[0].code")
			.isEqualTo("residence.floor-area-too-small");

		// The dossier goes to the province of the address.
		submit(jwt.citizen(OTHER, 2), temporary("1 phố Huế", "Phường Hai Bà Trưng", until)
			.replace("\"handlingProvince\": \"01\"", "\"handlingProvince\": \"79\""))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("handlingProvince");

		// Shorter than 30 days is a stay to notify, not a temporary residence.
		submit(jwt.citizen(OTHER, 2), temporary("1 phố Huế", "Phường Hai Bà Trưng", today().plusDays(29)))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("form.until");

		// None of these wrote a dossier.
		this.client.get()
			.uri("/api/residence/me/dossiers")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(OTHER, 2)))
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
	}

	@Test
	void aTemporaryResidenceWhosePeriodEndedIsProposedForDeletionToItsProvinceOnly() {
		LocalDate until = today().plusDays(30);
		String code = code(submit(jwt.citizen(SHORT_STAY, 2), temporary("3 phố Quảng An", "Phường Tây Hồ", until)));
		act(code, "accept", this.officer).expectStatus().isOk();
		homeProof(code, jwt.citizen(SHORT_STAY, 2));
		act(code, "approve", this.officer).expectStatus().isOk();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> optional(residence(SHORT_STAY), "$.temporary") != null);

		// The nightly check on the last day proposes nothing; on the day after, the case.
		this.proposals.check(until).block();
		assertThat(proposalsOf(SHORT_STAY, this.officer)).isEmpty();
		LocalDate dayAfter = until.plusDays(1);
		this.proposals.check(dayAfter).block();
		this.proposals.check(dayAfter.plusDays(1)).block();
		List<Map<String, Object>> found = proposalsOf(SHORT_STAY, this.officer);
		assertThat(found).singleElement().satisfies((proposal) -> {
			assertThat(proposal).containsEntry("reason", "TEMPORARY_PERIOD_ENDED")
				.containsEntry("kind", "TEMPORARY")
				.containsEntry("status", "OPEN")
				.containsEntry("commune", "Phường Tây Hồ")
				.containsEntry("appliesSince", dayAfter.toString())
				.containsEntry("proposedOn", dayAfter.toString());
		});
		String id = (String) found.get(0).get("id");

		// Another province's officers neither list nor decide it.
		this.client.get()
			.uri("/api/residence/deletion-proposals?province=01")
			.headers((headers) -> headers.setBearerAuth(this.hcmOfficer))
			.exchange()
			.expectStatus()
			.isForbidden();
		decide(id, "confirmation", this.hcmOfficer).expectStatus().isNotFound();
		decide(id, "confirmation", jwt.citizen(SHORT_STAY, 2)).expectStatus().isForbidden();

		decide(id, "confirmation", this.officer).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CONFIRMED");
		decide(id, "confirmation", this.officer).expectStatus().isEqualTo(409);

		String file = this.client.get()
			.uri("/api/residence/residents/" + SHORT_STAY)
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(optional(file, "$.temporary")).isNull();
		assertThat((String) JsonPath.read(file, "$.history[0].state")).isEqualTo("DELETED");
		assertThat((String) JsonPath.read(file, "$.history[0].endReason"))
			.isEqualTo(DeletionProposals.Case.TEMPORARY_PERIOD_ENDED.ground());
		assertThat((String) JsonPath.read(file, "$.history[0].endedOn")).isEqualTo(today().toString());
		assertThat((String) JsonPath.read(file, "$.history[0].dossierCode")).isEqualTo(code);
		// Another province's officer does not see the file at all.
		this.client.get()
			.uri("/api/residence/residents/" + SHORT_STAY)
			.headers((headers) -> headers.setBearerAuth(this.hcmOfficer))
			.exchange()
			.expectStatus()
			.isNotFound();

		String reference = this.register.find(SHORT_STAY).block().reference();
		List<ConsumerRecord<String, String>> deleted = TopicReader.await(
				TestInfrastructure.get().kafkaBootstrapServers(), EVENTS,
				(record) -> reference.equals(record.key())
						&& "vn.gov.bca.residence.ResidenceDeleted".equals(TopicReader.header(record, "ce_type")),
				1, Duration.ofSeconds(20));
		assertThat(deleted).singleElement().satisfies((event) -> {
			assertThat((String) JsonPath.read(event.value(), "$.kind")).isEqualTo("TEMPORARY");
			assertThat((String) JsonPath.read(event.value(), "$.province")).isEqualTo("01");
			assertThat((String) JsonPath.read(event.value(), "$.ground"))
				.isEqualTo(DeletionProposals.Case.TEMPORARY_PERIOD_ENDED.ground());
			assertThat(event.value()).doesNotContain(SHORT_STAY, "Vũ Thị Ngắn");
		});
		EventSchemaAssertions.assertValid(deleted);

		// She gets the signed notice of the deletion, with its ground.
		String notices = this.client.get()
			.uri("/api/residence/me/documents")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(SHORT_STAY, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<String> pdfs = JsonPath.read(notices, "$[?(@.type == 'RESIDENCE_DELETION_NOTICE')].pdf");
		assertThat(pdfs).hasSize(1);
		assertThat(PdfDocuments.flatText(pdf(pdfs.get(0), jwt.citizen(SHORT_STAY, 2)))).contains(
				"THÔNG BÁO VỀ VIỆC XÓA ĐĂNG KÝ CƯ TRÚ", "Xóa đăng ký tạm trú tại 3 phố Quảng An, Phường Tây Hồ",
				"Căn cứ: " + DeletionProposals.Case.TEMPORARY_PERIOD_ENDED.ground());

		// Once deleted, the next night's check proposes it no more.
		this.proposals.check(dayAfter.plusDays(2)).block();
		assertThat(proposalsOf(SHORT_STAY, this.officer)).isEmpty();
	}

	/** The value at the path, or null where the view leaves it out (a residence there is none of). */
	private static Object optional(String json, String path) {
		return JsonPath.using(Configuration.defaultConfiguration().addOptions(Option.SUPPRESS_EXCEPTIONS))
			.parse(json)
			.read(path);
	}

	private static LocalDate today() {
		return LocalDate.now(VietnamTime.ZONE);
	}

	private static String temporary(String detail, String commune, LocalDate until) {
		return """
				{"procedure": "TEMPORARY_REGISTRATION", "handlingProvince": "01",
				 "form": {"address": {"provinceCode": "01", "commune": "%s", "detail": "%s"},
				          "grounds": "OWN_HOME", "until": "%s"}}""".formatted(commune, detail, until);
	}

	private static String rented(String owner, String floorArea, int occupants) {
		return """
				{"procedure": "PERMANENT_REGISTRATION", "handlingProvince": "01",
				 "form": {"address": {"provinceCode": "01", "commune": "Phường Hoàn Kiếm", "detail": "7 phố Hàng Gai"},
				          "grounds": "RENT_OR_BORROW", "ownerPersonalId": "%s", "floorArea": %s, "occupants": %d}}"""
			.formatted(owner, floorArea, occupants);
	}

	/** The applicant's proof of the lawful home, a PDF of kind HOME-PROOF. */
	private void homeProof(String code, String token) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource("%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII)) {
			@Override
			public String getFilename() {
				return "hop-dong-mua-ban-nha.pdf";
			}
		}).contentType(MediaType.APPLICATION_PDF);
		parts.part("kind", "HOME-PROOF");
		this.client.post()
			.uri("/api/residence/dossiers/" + code + "/attachments")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private WebTestClient.ResponseSpec submit(String token, String body) {
		return this.client.post()
			.uri("/api/residence/dossiers")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static String code(WebTestClient.ResponseSpec created) {
		return JsonPath.read(created.expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody(),
				"$.code");
	}

	private WebTestClient.ResponseSpec act(String code, String action, String token) {
		return this.client.post()
			.uri("/api/residence/dossiers/" + code + "/" + action)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	private WebTestClient.ResponseSpec consent(String code, String personalId, boolean given) {
		return this.client.post()
			.uri("/api/residence/consent-requests/" + code)
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(personalId, 2)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("consent", given, "note", given ? "Đồng ý" : "Không đồng ý"))
			.exchange();
	}

	private String consentRequests(String personalId) {
		return this.client.get()
			.uri("/api/residence/me/consent-requests")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(personalId, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private String residence(String personalId) {
		return this.client.get()
			.uri("/api/residence/me/residence")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(personalId, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private byte[] pdf(String path, String token) {
		return this.client.get()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private List<Map<String, Object>> proposalsOf(String personalId, String token) {
		String body = this.client.get()
			.uri("/api/residence/deletion-proposals?province=01")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JsonPath.read(body, "$[?(@.personalId == '" + personalId + "')]");
	}

	private WebTestClient.ResponseSpec decide(String id, String decision, String token) {
		return this.client.post()
			.uri("/api/residence/deletion-proposals/{id}/" + decision, id)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

}
