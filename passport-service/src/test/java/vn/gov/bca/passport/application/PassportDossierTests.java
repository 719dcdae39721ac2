package vn.gov.bca.passport.application;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import vn.gov.bca.passport.passport.PassportBook;
import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.calendar.WorkingDays;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.PdfDocuments;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.ServiceStubs;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;
import vn.gov.bca.platform.testkit.TopicWriter;
import vn.gov.bca.platform.web.time.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Passport dossiers against real Kafka and MongoDB, with identity-service and fine-payment-service
 * stubbed (the journey with the real ones runs in the system tests).
 */
@IntegrationTest
class PassportDossierTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final ServiceStubs services = new ServiceStubs();

	private static final String AN = "001085012345";

	private static final String BICH = "079192004567";

	@Autowired
	private WebTestClient client;

	@Autowired
	private ProcedureCatalogue catalogue;

	@Autowired
	private PassportBook book;

	@Autowired
	private ReactiveMongoTemplate mongo;

	private final String officer = jwt.officer("001080001111", "PA08-HN", "01");

	@DynamicPropertySource
	static void otherServices(DynamicPropertyRegistry registry) {
		services.standIn(registry);
	}

	@AfterAll
	static void stopStubs() {
		services.close();
	}

	@Test
	void aCitizenSubmitsAndTheDossierGoesToTheResultWithItsEventsInOrder() {
		String holder = "001190123401";
		String dossier = submit(jwt.citizen(holder, 2), firstIssue(holder, "Lê Thị Hồng", "1990-03-03", "FEMALE"), null)
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String code = JsonPath.read(dossier, "$.code");
		LocalDate today = LocalDate.now(VietnamTime.ZONE);
		assertThat(code).matches("PA08-HN-[0-9]{6}-[0-9]{4}");
		assertThat((String) JsonPath.read(dossier, "$.appointmentDate"))
			.isEqualTo(WorkingDays.standard().plus(today, 8).toString());
		assertThat((Integer) JsonPath.read(dossier, "$.statusCode")).isEqualTo(1);

		act(code, "accept", this.officer).expectStatus().isOk();
		act(code, "payment-request", this.officer).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PAYMENT_REQUESTED")
			.jsonPath("$.fee.amount")
			.isEqualTo(feeToday());
		String orderId = "PO-TEST-" + services.feeOrders.size();
		assertThat(services.feeOrders.get(services.feeOrders.size() - 1)).contains(code)
			.contains(Long.toString(feeToday()));

		paymentSucceeded(orderId, code, feeToday());
		await().atMost(Duration.ofSeconds(20)).until(() -> "IN_PROGRESS".equals(status(code, jwt.citizen(holder, 2))));

		String approved = act(code, "approve", this.officer).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((String) JsonPath.read(approved, "$.passport.number")).matches("C[0-9]{7}");
		assertThat((String) JsonPath.read(approved, "$.passport.expiresOn")).isEqualTo(today.plusYears(10).toString());
		this.client.post()
			.uri("/api/passport/dossiers/" + code + "/return")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("method", "PICKED_UP"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.statusCode")
			.isEqualTo(10);

		List<ConsumerRecord<String, String>> events = TopicReader.await(
				TestInfrastructure.get().kafkaBootstrapServers(), "passport.events.v1",
				(record) -> code.equals(record.key()), 7, Duration.ofSeconds(20));
		assertThat(events).extracting((record) -> TopicReader.header(record, "ce_type").replace("vn.gov.bca.passport.", ""))
			.containsExactly("DossierSubmitted", "DossierAccepted", "PaymentRequested", "PaymentReceived",
					"DossierProcessed", "PassportIssued", "ResultReturned");
		EventSchemaAssertions.assertValid(events);

		// The passport book follows from PassportIssued (read back from the topic), moments after approval.
		String number = JsonPath.read(approved, "$.passport.number");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> this.client.get()
			.uri("/api/passport/me/passports")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(holder, 2)))
			.exchange()
			.expectBody()
			.jsonPath("$[0].number")
			.isEqualTo(number)
			.jsonPath("$[0].usable")
			.isEqualTo(true));
		submit(jwt.citizen(holder, 2), firstIssue(holder, "Lê Thị Hồng", "1990-03-03", "FEMALE"), null).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("hộ chiếu phổ thông còn giá trị"));
		this.client.post()
			.uri("/api/passport/me/passports/" + number + "/lost")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(BICH, 2)))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.post()
			.uri("/api/passport/me/passports/" + number + "/lost")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(holder, 2)))
			.exchange()
			.expectStatus()
			.isNoContent();
		String reissue = firstIssue(holder, "Lê Thị Hồng", "1990-03-03", "FEMALE")
			.replace("FIRST_ISSUE", "REISSUE_LOST_OR_DAMAGED")
			.replace("\"chip\": true", "\"chip\": true, \"previousPassportNumber\": \"" + number
					+ "\", \"lostOrDamaged\": \"LOST\"");
		submit(jwt.citizen(holder, 2), reissue, null).expectStatus().isCreated();
	}

	@Test
	void aReissueForALostPassportStrikesItOnlyOnceTheDossierExists() {
		String holder = "001190123439";
		LocalDate today = LocalDate.now(VietnamTime.ZONE);
		this.book.record(holder, new PassportBook.Entry("C9100001", today.minusYears(2), today.plusYears(8), true,
				"PA08-HN-240101-0001", false)).block();
		String reissue = firstIssue(holder, "Lê Thị Mất", "1990-05-05", "FEMALE")
			.replace("FIRST_ISSUE", "REISSUE_LOST_OR_DAMAGED")
			.replace("\"chip\": true", "\"chip\": true, \"previousPassportNumber\": \"C9100001\", \"lostOrDamaged\": \"LOST\"");
		services.unknownToRegistry.add(holder);
		submit(jwt.citizen(holder, 2), reissue, null).expectStatus().isEqualTo(422);
		// A refused submission wrote nothing: the passport is still usable.
		assertThat(this.book.usable(holder, today).collectList().block()).hasSize(1);

		services.unknownToRegistry.remove(holder);
		submit(jwt.citizen(holder, 2), reissue, null).expectStatus().isCreated();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.book.of(holder).collectList().block())
				.singleElement()
				.satisfies((entry) -> assertThat(entry.reportedLost()).isTrue()));
	}

	@Test
	void aDossierStoredBeforeTheFormWasTypedIsStillRead() {
		String holder = "001190123440";
		String code = code(submit(jwt.citizen(holder, 2), firstIssue(holder, "Lê Thị Cũ", "1990-06", "FEMALE"), null));
		// As the earlier version wrote it: the birth date as text.
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(code)),
				new Update().set("form.holderBirthDate", "1990-06"), "passport_dossiers").block();
		this.client.get()
			.uri("/api/passport/dossiers/" + code)
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(holder, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.form.holderBirthDate")
			.isEqualTo("1990-06");
	}

	@Test
	void theApiDescriptionShowsTheDossierViewWithThePassportsPart() {
		this.client.get()
			.uri("/api/passport/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.schemas.DossierView.properties.status")
			.exists()
			.jsonPath("$.components.schemas.DossierView.properties.procedure")
			.exists()
			.jsonPath("$.components.schemas.DossierView.properties.form")
			.exists()
			.jsonPath("$.components.schemas.DossierView.properties.passport")
			.exists()
			.jsonPath("$.components.schemas.DossierView.properties.details")
			.doesNotExist()
			.jsonPath("$.components.schemas.PassportForm.properties.holderBirthDate")
			.exists();
	}

	@Test
	void theNationalPortalSubmitsOnACitizensBehalfButAnotherServiceCannot() {
		String holder = "001190123412";
		String portal = jwt.token()
			.subject("service-account-national-portal")
			.clientId("national-portal")
			.roles("national-portal")
			.sign();
		String body = firstIssue(holder, "Lê Thị Nga", "1990-02-14", "FEMALE")
			.replace("\"procedure\"", "\"applicantPersonalId\": \"" + holder + "\", \"procedure\"");
		submit(jwt.service("seal-service"), body, null).expectStatus().isForbidden();
		submit(portal, body, null).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.channel")
			.isEqualTo("ONLINE");
		this.client.get()
			.uri("/api/passport/me/dossiers")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(holder, 2)))
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1);
	}

	@Test
	void aLevelOneCitizenIsRefused() {
		submit(jwt.citizen("001190123402", 1), firstIssue("001190123402", "Lê Thị Lan", "1990-04-04", "FEMALE"), null)
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dichvucong.bca.gov.vn/problems/identity-level-required");
	}

	@Test
	void anotherCitizenDoesNotSeeTheDossierAndAnOfficerOfAnotherProvinceCannotAct() {
		String holder = "001190123403";
		String code = code(submit(jwt.citizen(holder, 2), firstIssue(holder, "Lê Thị Ngọc", "1990-05-05", "FEMALE"),
				null));
		this.client.get()
			.uri("/api/passport/dossiers/" + code)
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(BICH, 2)))
			.exchange()
			.expectStatus()
			.isNotFound();
		act(code, "accept", jwt.officer("079187002222", "PA08-HCM", "79")).expectStatus().isForbidden();
		act(code, "approve", this.officer).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SUBMITTED")
			.jsonPath("$.action")
			.isEqualTo("process");
	}

	@Test
	void theSameSubmissionWithTheSameIdempotencyKeyMakesOneDossier() {
		String holder = "001190123404";
		String token = jwt.citizen(holder, 2);
		String body = firstIssue(holder, "Lê Thị Mai", "1990-06-06", "FEMALE");
		String first = code(submit(token, body, "tk01-" + holder));
		String second = code(submit(token, body, "tk01-" + holder));
		assertThat(second).isEqualTo(first);
		this.client.get()
			.uri("/api/passport/me/dossiers")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1);
	}

	@Test
	void anIdentityTheRegistryDoesNotConfirmIsRefusedAndNothingIsWritten() {
		String holder = "001190123405";
		services.unknownToRegistry.add(holder);
		submit(jwt.citizen(holder, 2), firstIssue(holder, "Lê Thị Thu", "1990-07-07", "FEMALE"), null).expectStatus()
			.isEqualTo(422);
		this.client.get()
			.uri("/api/passport/me/dossiers")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(holder, 2)))
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
	}

	@Test
	void anExitBanBlocksIssuance() {
		String holder = "001090123406";
		this.client.post()
			.uri("/api/passport/exit-bans")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("personalId", holder, "legalBasis", "Khoản 1 Điều 36 Luật Xuất cảnh, nhập cảnh",
					"reason", "Bị can trong vụ án hình sự"))
			.exchange()
			.expectStatus()
			.isCreated();
		submit(jwt.citizen(holder, 2), firstIssue(holder, "Lê Văn Hùng", "1990-08-08", "MALE"), null).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("tạm hoãn xuất cảnh"));
	}

	@Test
	void aParentFilesForAChildUnder14OnlyWhenTheRegistryConfirmsTheRelation() {
		String child = "001218123407";
		String childBorn = LocalDate.now().minusYears(8).toString();
		String body = """
				{"procedure": "CHILD_UNDER_14", "handlingProvince": "01", "applicantFullName": "Nguyễn Văn An",
				 "form": {"holderPersonalId": "%s", "holderFullName": "Nguyễn Minh Khôi", "holderBirthDate": "%s",
				          "sex": "MALE", "chip": true}}""".formatted(child, childBorn);
		submit(jwt.citizen(AN, 2), body, null).expectStatus().isEqualTo(422);

		services.parentChild.add(child + ">" + AN);
		String dossier = submit(jwt.citizen(AN, 2), body, null).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String code = JsonPath.read(dossier, "$.code");
		act(code, "accept", this.officer).expectStatus().isOk();
		String approved = act(code, "approve", this.officer).expectBody(String.class).returnResult().getResponseBody();
		assertThat((Boolean) JsonPath.read(approved, "$.passport.chip")).isFalse();
		assertThat((String) JsonPath.read(approved, "$.passport.expiresOn"))
			.isEqualTo(LocalDate.now(VietnamTime.ZONE).plusYears(5).toString());

		// The parent who asked gets the receipt and the notice of the child's passport; the notice is the child's.
		String documents = await().atMost(Duration.ofSeconds(20)).until(() -> this.client.get()
			.uri("/api/passport/documents?reference=" + code)
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(AN, 2)))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), (json) -> json.contains("PASSPORT_RESULT_NOTICE") && json.contains("DOSSIER_RECEIPT"));
		List<String> notices = JsonPath.read(documents, "$[?(@.type == 'PASSPORT_RESULT_NOTICE')].id");
		byte[] pdf = this.client.get()
			.uri("/api/passport/documents/" + notices.get(0) + "/pdf")
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(AN, 2)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		String number = JsonPath.read(approved, "$.passport.number");
		assertThat(PdfDocuments.flatText(pdf)).contains("THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ CẤP HỘ CHIẾU PHỔ THÔNG",
				"Họ và tên: Nguyễn Minh Khôi", "Số hộ chiếu: " + number, "Hộ chiếu phổ thông không gắn chíp điện tử",
				"CÔNG AN THÀNH PHỐ HÀ NỘI", "PHÒNG QUẢN LÝ XUẤT NHẬP CẢNH");
		this.client.get()
			.uri(PdfDocuments.qrPath(pdf))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result").isEqualTo("VALID")
			.jsonPath("$.holder").isEqualTo("N. M. K.")
			.jsonPath("$.facts[0].value").isEqualTo(number);
	}

	@Test
	void theApplicantWithdrawsBeforeProcessing() {
		String holder = "001190123408";
		String token = jwt.citizen(holder, 2);
		String code = code(submit(token, firstIssue(holder, "Lê Thị Yến", "1990-09-09", "FEMALE"), null));
		act(code, "withdraw", jwt.citizen(BICH, 2)).expectStatus().isNotFound();
		act(code, "withdraw", token).expectStatus().isOk().expectBody().jsonPath("$.statusCode").isEqualTo(7);
		act(code, "accept", this.officer).expectStatus().isEqualTo(409);
	}

	/** The first-issue fee of the catalogue for an online dossier received today. */
	private long feeToday() {
		return this.catalogue.require(PassportProcedure.FIRST_ISSUE.catalogueCode())
			.totalFeeOn(LocalDate.now(VietnamTime.ZONE), Channel.ONLINE);
	}

	@Test
	void filesAreAcceptedByTheirContentAndAnExecutableNamedPdfIsRefused() {
		String holder = "001190123409";
		String token = jwt.citizen(holder, 2);
		String code = code(submit(token, firstIssue(holder, "Lê Thị Vân", "1990-10-10", "FEMALE"), null));
		byte[] pdf = "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII);
		byte[] exe = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };

		String stored = upload(code, token, "to-khai.pdf", pdf).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		upload(code, token, "to-khai.pdf", exe).expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		upload(code, jwt.citizen(BICH, 2), "x.pdf", pdf).expectStatus().isNotFound();

		String id = JsonPath.read(stored, "$.id");
		this.client.get()
			.uri("/api/passport/dossiers/" + code + "/attachments/" + id)
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectBody(byte[].class)
			.isEqualTo(pdf);
		this.client.get()
			.uri("/api/passport/dossiers/" + code + "/attachments/" + id)
			.headers((headers) -> headers.setBearerAuth(jwt.citizen(BICH, 2)))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get()
			.uri("/api/passport/dossiers/" + code + "/attachments")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1);
	}

	@Test
	void aSecondDossierWhileOneIsOpenIsAConflict() {
		String holder = "001190123410";
		String token = jwt.citizen(holder, 2);
		code(submit(token, firstIssue(holder, "Lê Thị Xuân", "1990-11-11", "FEMALE"), null));
		submit(token, firstIssue(holder, "Lê Thị Xuân", "1990-11-11", "FEMALE"), null).expectStatus().isEqualTo(409);
	}

	@Test
	void ofConcurrentSubmissionsForOneHolderOneIsTakenAndTheOthersAreConflicts() {
		String holder = "001190123411";
		String token = jwt.citizen(holder, 2);
		String body = firstIssue(holder, "Lê Thị Hằng", "1990-12-12", "FEMALE");
		List<Integer> statuses = reactor.core.publisher.Flux.range(0, 6)
			.flatMap((i) -> reactor.core.publisher.Mono
				.fromCallable(() -> submit(token, body, "concurrent-" + i).returnResult(String.class).getStatus().value())
				.subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
			.collectList()
			.block();
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(5);
	}

	@Test
	void aHolderWhoseRegistryRecordHasOnlyABirthYearOrMonthFilesAndTheDateGoesToTheRegistryAsWritten() {
		String holder = "001050123420";
		String dossier = submit(jwt.citizen(holder, 2), firstIssue(holder, "Lê Văn Tám", "1950", "MALE"), null)
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((String) JsonPath.read(dossier, "$.form.holderBirthDate")).isEqualTo("1950");
		assertThat(services.verifications).anySatisfy((body) -> assertThat(body).contains(holder)
			.containsPattern("\"birthDate\"\\s*:\\s*\"1950\""));
		String month = "001050123421";
		submit(jwt.citizen(month, 2), firstIssue(month, "Lê Thị Ba", "1950-03", "FEMALE"), null).expectStatus()
			.isCreated();
		String invalid = "001050123422";
		submit(jwt.citizen(invalid, 2), firstIssue(invalid, "Lê Thị Tư", "1950-13", "FEMALE"), null).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("form.holderBirthDate");
		submit(jwt.citizen(invalid, 2), firstIssue(invalid, "Lê Thị Tư", "50", "FEMALE"), null).expectStatus()
			.isBadRequest();
	}

	@Test
	void anUnknownHandlingProvinceIsAProblemNotANewUnit() {
		String holder = "001190123430";
		submit(jwt.citizen(holder, 2),
				firstIssue(holder, "Lê Thị Hòa", "1990-01-30", "FEMALE").replace("\"handlingProvince\": \"01\"",
						"\"handlingProvince\": \"99\""),
				null)
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("handlingProvince");
		// A province of the master data with its own unit code (not made up from the number).
		String code = code(submit(jwt.citizen(holder, 2), firstIssue(holder, "Lê Thị Hòa", "1990-01-30", "FEMALE")
			.replace("\"handlingProvince\": \"01\"", "\"handlingProvince\": \"46\""), null));
		assertThat(code).matches("PA08-HUE-[0-9]{6}-[0-9]{4}");
	}

	@Test
	void anOfficerNeverHandlesADossierHeFiledForHimself() {
		String officerId = "001080001188";
		String self = jwt.officer(officerId, "PA08-HN", "01");
		String code = code(submit(self, firstIssue(officerId, "Lê Văn Cán", "1980-01-01", "MALE"), null));
		act(code, "accept", self).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("người đề nghị"));
		act(code, "claim", self).expectStatus().isForbidden();
		act(code, "accept", this.officer).expectStatus().isOk();
		act(code, "approve", self).expectStatus().isForbidden();
		this.client.post()
			.uri("/api/passport/dossiers/" + code + "/stop")
			.headers((headers) -> headers.setBearerAuth(self))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "x"))
			.exchange()
			.expectStatus()
			.isForbidden();
		// Nor receives it at the counter for himself.
		String other = "001080001189";
		submit(jwt.officer(other, "PA08-HN", "01"), firstIssue(other, "Lê Văn Quầy", "1980-02-02", "MALE")
			.replace("\"procedure\"", "\"applicantPersonalId\": \"" + other + "\", \"procedure\""), null)
			.expectStatus()
			.isForbidden();
		act(code, "approve", this.officer).expectStatus().isOk();
	}

	@Test
	void toACitizenAnOfficersActionOnAnotherDossierIsNotFoundAsForAMissingOne() {
		String holder = "001190123431";
		String token = jwt.citizen(holder, 2);
		String code = code(submit(token, firstIssue(holder, "Lê Thị Oanh", "1990-01-31", "FEMALE"), null));
		for (String action : List.of("accept", "claim", "approve", "payment-request")) {
			act(code, action, jwt.citizen(BICH, 2)).expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			act("PA08-HN-260101-9999", action, jwt.citizen(BICH, 2)).expectStatus().isNotFound();
		}
		// The applicant sees the dossier, so is told they may not act on it.
		act(code, "accept", token).expectStatus().isForbidden();
		this.client.get()
			.uri("/api/passport/dossiers/" + code)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SUBMITTED");
	}

	@Test
	void anAttachmentsKindIsOneOfTheProceduresDocumentsOrOther() {
		String holder = "001190123432";
		String token = jwt.citizen(holder, 2);
		String code = code(submit(token, firstIssue(holder, "Lê Thị Phúc", "1990-02-01", "FEMALE"), null));
		byte[] pdf = "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII);
		upload(code, token, "x.pdf", pdf, "A".repeat(3_000)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("kind");
		upload(code, token, "x.pdf", pdf, "BIRTH-CERTIFICATE").expectStatus().isEqualTo(422);
		upload(code, token, "x.pdf", pdf, "tk01<script>").expectStatus().isEqualTo(422);
		upload(code, token, "x.pdf", pdf, "PHOTO").expectStatus().isCreated();
		upload(code, token, "x.pdf", pdf, "OTHER").expectStatus().isCreated();
	}

	@Test
	void statisticsRefuseDaysOutsideTheAllowedRangeWithAProblem() {
		String supervisor = jwt.token()
			.subject("lead-hn")
			.personalId("001075003333")
			.identityLevel(2)
			.roles("officer", "supervisor")
			.claim("agency", "PA08-HN")
			.claim("province", "01")
			.sign();
		List<List<String>> periods = List.of(List.of("-999999999-01-01", "2026-12-31"),
				List.of("2026-01-01", "+999999999-12-31"), List.of("2026-12-31", "2026-01-01"),
				List.of("1999-12-31", "2026-01-01"));
		for (List<String> period : periods) {
			this.client.get()
				.uri("/api/passport/statistics?from={from}&to={to}", period.get(0), period.get(1))
				.headers((headers) -> headers.setBearerAuth(supervisor))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.exists();
		}
		this.client.get()
			.uri("/api/passport/statistics?from=2026-01-01&to=2026-12-31")
			.headers((headers) -> headers.setBearerAuth(supervisor))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aForgedPaymentSucceededIsNotAppliedAndTheRealOneIs() {
		String holder = "001190123433";
		String token = jwt.citizen(holder, 2);
		String code = code(submit(token, firstIssue(holder, "Lê Thị Quế", "1990-02-02", "FEMALE"), null));
		act(code, "accept", this.officer).expectStatus().isOk();
		act(code, "payment-request", this.officer).expectStatus().isOk();
		String orderId = "PO-TEST-" + services.feeOrders.size();
		// Keyed like the real order, so they arrive before it: 1 VND, then an order that does not exist.
		paymentSucceeded(orderId, orderId, code, 1, "BL-FORGED-1");
		paymentSucceeded(orderId, "PO-FORGED-" + orderId, code, feeToday(), "BL-FORGED-2");
		paymentSucceeded(orderId, orderId, "PA08-HN-260101-0000", feeToday(), "BL-FORGED-3");
		paymentSucceeded(orderId, orderId, code, feeToday(), "BL-261123-00000099");
		await().atMost(Duration.ofSeconds(20)).until(() -> "IN_PROGRESS".equals(status(code, token)));
		this.client.get()
			.uri("/api/passport/dossiers/" + code)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectBody()
			.jsonPath("$.fee.receiptNumber")
			.isEqualTo("BL-261123-00000099")
			.jsonPath("$.fee.amount")
			.isEqualTo(feeToday())
			.jsonPath("$.progress")
			.value((progress) -> assertThat(progress.toString()).doesNotContain("FORGED"));
	}

	@Test
	void anExitBanIsImposedAndLiftedOnlyInTheOfficersProvince() {
		String holder = "001090123434";
		String hcm = jwt.officer("079187002222", "PA08-HCM", "79");
		Map<String, Object> hanoiBan = Map.of("personalId", holder, "legalBasis", "Khoản 1 Điều 36", "reason",
				"Bị can", "province", "01");
		banRequest(hcm, hanoiBan).expectStatus().isForbidden();
		String ban = banRequest(hcm, Map.of("personalId", holder, "legalBasis", "Khoản 1 Điều 36", "reason", "Bị can"))
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((String) JsonPath.read(ban, "$.province")).isEqualTo("79");
		String banId = JsonPath.read(ban, "$.id");
		String hanoiLead = supervisor("001075003334", "PA08-HN", "01");
		String hcmLead = supervisor("079175003335", "PA08-HCM", "79");
		lift(holder, banId, hanoiLead).expectStatus().isForbidden();
		// Seen by every province: it blocks a passport everywhere.
		submit(jwt.citizen(holder, 2), firstIssue(holder, "Lê Văn Cấm", "1990-08-09", "MALE"), null).expectStatus()
			.isEqualTo(409);
		lift(holder, banId, hcmLead).expectStatus().isNoContent();
		submit(jwt.citizen(holder, 2), firstIssue(holder, "Lê Văn Cấm", "1990-08-09", "MALE"), null).expectStatus()
			.isCreated();
	}

	@Test
	void aParentAsksForTheReissueOfAChildsLostPassportAndItIsAChildsPassport() {
		String child = "001220123435";
		String born = LocalDate.now(VietnamTime.ZONE).minusYears(10).toString();
		services.parentChild.add(child + ">" + AN);
		String body = """
				{"procedure": "REISSUE_LOST_OR_DAMAGED", "handlingProvince": "01", "applicantFullName": "Nguyễn Văn An",
				 "form": {"holderPersonalId": "%s", "holderFullName": "Nguyễn Minh Châu", "holderBirthDate": "%s",
				          "sex": "FEMALE", "chip": true, "previousPassportNumber": "C0000001", "lostOrDamaged": "LOST"}}"""
			.formatted(child, born);
		String code = code(submit(jwt.citizen(AN, 2), body, null));
		act(code, "accept", this.officer).expectStatus().isOk();
		String approved = act(code, "approve", this.officer).expectBody(String.class).returnResult().getResponseBody();
		assertThat((Boolean) JsonPath.read(approved, "$.passport.chip")).isFalse();
		assertThat((String) JsonPath.read(approved, "$.passport.expiresOn"))
			.isEqualTo(LocalDate.now(VietnamTime.ZONE).plusYears(5).toString());
		// The child cannot file their own.
		String other = "001220123436";
		submit(jwt.citizen(other, 2), body.replace(child, other).replace("\"applicantFullName\": \"Nguyễn Văn An\", ", ""),
				null)
			.expectStatus()
			.isEqualTo(422);
	}

	@Test
	void aHolderAsksForANewPassportWithinTheRenewalWindowOfTheCatalogue() {
		LocalDate today = LocalDate.now(VietnamTime.ZONE);
		String soon = "001190123437";
		this.book.record(soon, new PassportBook.Entry("C9000001", today.minusYears(10).plusMonths(5), today.plusMonths(5),
				true, "PA08-HN-160101-0001", false)).block();
		submit(jwt.citizen(soon, 2), firstIssue(soon, "Lê Thị Sương", "1990-03-01", "FEMALE"), null).expectStatus()
			.isEqualTo(409);
		submit(jwt.citizen(soon, 2), firstIssue(soon, "Lê Thị Sương", "1990-03-01", "FEMALE")
			.replace("FIRST_ISSUE", "RENEWAL"), null).expectStatus().isCreated();

		String later = "001190123438";
		this.book.record(later, new PassportBook.Entry("C9000002", today.minusYears(8), today.plusYears(2), true,
				"PA08-HN-180101-0001", false)).block();
		submit(jwt.citizen(later, 2), firstIssue(later, "Lê Thị Tuyết", "1990-03-02", "FEMALE")
			.replace("FIRST_ISSUE", "RENEWAL"), null)
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("6 tháng"));
	}

	private WebTestClient.ResponseSpec banRequest(String token, Map<String, Object> body) {
		return this.client.post()
			.uri("/api/passport/exit-bans")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec lift(String personalId, String banId, String token) {
		return this.client.post()
			.uri("/api/passport/exit-bans/" + personalId + "/" + banId + "/lift")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	private static String supervisor(String personalId, String agency, String province) {
		return jwt.token()
			.subject(JwtIssuer.accountOf(personalId))
			.personalId(personalId)
			.identityLevel(2)
			.roles("officer", "supervisor")
			.claim("agency", agency)
			.claim("province", province)
			.sign();
	}

	private WebTestClient.ResponseSpec upload(String code, String token, String filename, byte[] content) {
		return upload(code, token, filename, content, "TK01");
	}

	private WebTestClient.ResponseSpec upload(String code, String token, String filename, byte[] content,
			String kind) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		}).contentType(MediaType.APPLICATION_PDF);
		parts.part("kind", kind);
		return this.client.post()
			.uri("/api/passport/dossiers/" + code + "/attachments")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange();
	}

	private static String firstIssue(String holder, String name, String born, String sex) {
		return """
				{"procedure": "FIRST_ISSUE", "handlingProvince": "01", "phone": "0912345678",
				 "form": {"holderPersonalId": "%s", "holderFullName": "%s", "holderBirthDate": "%s", "sex": "%s",
				          "chip": true, "occupation": "Kỹ sư"}}""".formatted(holder, name, born, sex);
	}

	private WebTestClient.ResponseSpec submit(String token, String body, String idempotencyKey) {
		return this.client.post()
			.uri("/api/passport/dossiers")
			.headers((headers) -> {
				headers.setBearerAuth(token);
				if (idempotencyKey != null) {
					headers.set("Idempotency-Key", idempotencyKey);
				}
			})
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
			.uri("/api/passport/dossiers/" + code + "/" + action)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	private String status(String code, String token) {
		return JsonPath.read(this.client.get()
			.uri("/api/passport/dossiers/" + code)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), "$.status");
	}

	/** fine-payment-service's event, as it publishes it (the amount of the order). */
	static void paymentSucceeded(String orderId, String dossierCode, long amount) {
		paymentSucceeded(orderId, orderId, dossierCode, amount, "BL-261123-00000001");
	}

	/** A PaymentSucceeded as anyone who can write to the topic could send it, keyed by {@code key}. */
	static void paymentSucceeded(String key, String orderId, String dossierCode, long amount, String receipt) {
		String data = """
				{"eventId": "%s", "occurredAt": "%s", "aggregateId": "%s", "referenceType": "DOSSIER_FEE",
				 "referenceId": "%s", "amount": %d, "receiptNumber": "%s",
				 "platformTransactionId": "SBX1"}""".formatted(UUID.randomUUID(), Instant.now(), orderId, dossierCode,
				amount, receipt);
		TopicWriter.send(TestInfrastructure.get().kafkaBootstrapServers(), "payment.events.v1", key,
				UUID.randomUUID().toString(), "vn.gov.bca.payment.PaymentSucceeded", "/fine-payment-service", data);
	}


}
