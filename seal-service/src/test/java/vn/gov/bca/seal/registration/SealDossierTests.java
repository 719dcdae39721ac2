package vn.gov.bca.seal.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
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

import vn.gov.bca.platform.document.signature.DevelopmentCa;
import vn.gov.bca.platform.document.signature.DocumentSigner;
import vn.gov.bca.platform.testkit.CallerClaims;
import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.PdfDocuments;
import vn.gov.bca.platform.testkit.ServiceStubs;
import vn.gov.bca.platform.testkit.TestFiles;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;
import vn.gov.bca.platform.testkit.TopicWriter;

/**
 * The seal procedures on the dossier workflow against real MongoDB and Kafka (fine-payment-service
 * stubbed): an organisation recorded by its unit files a new seal specimen through its
 * representative with signed PDFs (an unsigned or altered one refused saying why), pays, is approved,
 * and gets the certificate with the specimen and a QR code to the public verification; the public
 * lookup shows the seal; a re-registration replaces it and supersedes its certificate; an exchange is
 * free and supersedes the certificate; the law's conditions are refused with their reason; a central
 * body's dossier goes to C06 and only C06's officers handle it.
 */
@IntegrationTest
class SealDossierTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final ServiceStubs services = new ServiceStubs();

	private static final String EVENTS = "seal.events.v1";

	private static final String RECTOR = "001075300001";

	private static final String CLERK = "001090300002";

	private static final String CHAIR = "001068300003";

	private static final String MINISTRY_HEAD = "001065300004";

	private static final String STRANGER = "079190300005";

	@Autowired
	private WebTestClient client;

	@Autowired
	private DocumentSigner signer;

	private final String officer = jwt.officer("001080301111", "PC06-HN", "01");

	private final String centralOfficer = jwt.officer("001080302222", "C06", "00");

	@DynamicPropertySource
	static void stubs(DynamicPropertyRegistry registry) {
		services.standIn(registry);
	}

	@AfterAll
	static void stopStubs() {
		services.close();
	}

	@Test
	void aNewSealFiledWithSignedPdfsIsRegisteredAndItsCertificateVerifies() throws Exception {
		String college = organisation(this.officer, "Trường Cao đẳng Kỹ thuật Hà Nội", "PEOPLES_COMMITTEE_AGENCIES",
				"PROVINCIAL", "01", true, RECTOR);
		String rector = representative(RECTOR);
		String code = code(submit(rector, "NEW_SEAL", """
				{"organisationId": "%s", "inscription": "TRƯỜNG CAO ĐẲNG KỸ THUẬT HÀ NỘI"}""".formatted(college)));
		assertThat(code).matches("PC06-HN-[0-9]{6}-[0-9]{4}");

		// Online, the documents the law wants signed are refused unsigned, altered or appended to.
		byte[] unsigned = TestFiles.blankPdf();
		attach(code, "APPLICATION", unsigned, rector).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("attachment.signature-missing")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("chữ ký số"));
		byte[] signed = sign(unsigned);
		// One byte of the signed range changed: the page's width, 612 read as 712.
		attach(code, "APPLICATION", PdfDocuments.withOneByteChanged(signed, TestFiles.indexOf(signed, "612")), rector).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("attachment.signature-broken");
		attach(code, "APPLICATION", signed, rector).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.signature.signer")
			.value((signerName) -> assertThat((String) signerName).contains("CN=" + DevelopmentCa.TEST_SIGNER));
		attach(code, "FOUNDING-DOCUMENT", sign(TestFiles.blankPdf()), rector).expectStatus().isCreated();
		attach(code, "SPECIMEN", TestFiles.sealSpecimen(), rector).expectStatus().isCreated();

		// Another organisation's representative learns nothing of the dossier.
		organisation(this.officer, "Hội Cựu chiến binh phường Ba Đình", "ASSOCIATIONS_RELIGIONS_FUNDS_NGOS", "PROVINCIAL",
				"01", false, CHAIR);
		get("/api/seal/dossiers/" + code, representative(CHAIR)).expectStatus().isNotFound();

		act(code, "accept", this.officer).expectStatus().isOk();
		act(code, "approve", this.officer).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("50.000").doesNotContain("{0}"));
		pay(code);
		String approved = body(act(code, "approve", this.officer).expectStatus().isOk());
		String sealNumber = JsonPath.read(approved, "$.sealNumber");
		String certificateNumber = JsonPath.read(approved, "$.certificateNumber");
		assertThat(sealNumber).matches("PC06-HN-MD-[0-9]{4}-[0-9]{6}");
		assertThat(certificateNumber).matches("PC06-HN-GCN-[0-9]{4}-[0-9]{6}");
		assertThat((String) JsonPath.read(approved, "$.organisationName")).isEqualTo("Trường Cao đẳng Kỹ thuật Hà Nội");

		String lookup = awaitCertificate(certificateNumber, "IN_FORCE");
		assertThat((String) JsonPath.read(lookup, "$.sealStatus")).isEqualTo("ACTIVE");
		assertThat((Boolean) JsonPath.read(lookup, "$.active")).isTrue();
		assertThat((String) JsonPath.read(lookup, "$.kind")).isEqualTo("ORDINARY");
		assertThat(lookup).doesNotContain(RECTOR);
		byte[] image = this.client.get()
			.uri((String) JsonPath.read(lookup, "$.specimenUrl"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(image).isEqualTo(TestFiles.sealSpecimen());

		// The certificate: signed, with the seal's facts, the specimen and a QR code that verifies.
		byte[] certificate = certificateOf(code, rector);
		String text = PdfDocuments.flatText(certificate);
		assertThat(text).contains("GIẤY CHỨNG NHẬN ĐĂNG KÝ MẪU CON DẤU", "Trường Cao đẳng Kỹ thuật Hà Nội", sealNumber,
				"Số: " + certificateNumber, "Mẫu con dấu", "TRƯỜNG CAO ĐẲNG KỸ THUẬT HÀ NỘI");
		try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(certificate)) {
			assertThat(document.getPage(0).getResources().getXObjectNames()).hasSize(2);
		}
		String verification = get(PdfDocuments.qrPath(certificate), null).expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody();
		assertThat((String) JsonPath.read(verification, "$.result")).isEqualTo("VALID");
		assertThat((Boolean) JsonPath.read(verification, "$.signature.trusted")).isTrue();

		List<ConsumerRecord<String, String>> events = TopicReader.await(TestInfrastructure.get().kafkaBootstrapServers(),
				EVENTS, (record) -> sealNumber.equals(record.key()), 2, Duration.ofSeconds(20));
		assertThat(events).extracting((event) -> TopicReader.header(event, "ce_type"))
			.contains("vn.gov.bca.seal.SealRegistered", "vn.gov.bca.seal.CertificateIssued");
		EventSchemaAssertions.assertValid(events);
		assertThat(events).allSatisfy((event) -> assertThat(event.value()).doesNotContain(RECTOR));

		// A second new seal of the same kind is refused while this one is active.
		submit(rector, "NEW_SEAL", """
				{"organisationId": "%s", "inscription": "TRƯỜNG CAO ĐẲNG KỸ THUẬT HÀ NỘI"}""".formatted(college))
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void aReRegistrationReplacesTheOldSealAndSupersedesItsCertificate() throws Exception {
		String school = organisation(this.officer, "Trường Trung cấp Nghề Sóc Sơn", "PEOPLES_COMMITTEE_AGENCIES",
				"PROVINCIAL", "01", true, CLERK);
		String token = representative(CLERK);
		String[] first = approvedNewSeal(school, token);
		String code = code(submit(token, "RE_REGISTRATION", """
				{"organisationId": "%s", "inscription": "TRƯỜNG TRUNG CẤP NGHỀ SÓC SƠN", "sealNumber": "%s",
				 "reRegistrationGround": "DAMAGED"}""".formatted(school, first[0])));
		attach(code, "APPLICATION", sign(TestFiles.blankPdf()), token).expectStatus().isCreated();
		attach(code, "SPECIMEN", TestFiles.sealSpecimen(), token).expectStatus().isCreated();
		act(code, "accept", this.officer).expectStatus().isOk();
		pay(code);
		String approved = body(act(code, "approve", this.officer).expectStatus().isOk());
		String newSeal = JsonPath.read(approved, "$.sealNumber");
		String newCertificate = JsonPath.read(approved, "$.certificateNumber");
		assertThat(newSeal).isNotEqualTo(first[0]);

		awaitCertificate(newCertificate, "IN_FORCE");
		String old = awaitCertificate(first[1], "SUPERSEDED");
		assertThat((String) JsonPath.read(old, "$.sealStatus")).isEqualTo("REPLACED");
		assertThat((String) JsonPath.read(old, "$.replacedBy")).isEqualTo(newSeal);
		assertThat((Boolean) JsonPath.read(old, "$.active")).isFalse();
		// The old certificate's QR code now says it was replaced.
		String oldVerification = get(PdfDocuments.qrPath(certificateOf(first[2], token)), null).expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat((String) JsonPath.read(oldVerification, "$.result")).isEqualTo("SUPERSEDED");
		// Whoever acts for the organisation downloads the certificate in force of each of its seals.
		byte[] inForce = get("/api/seal/organisations/" + school + "/seals/" + newSeal + "/certificate", token)
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(PdfDocuments.flatText(inForce)).contains("Số: " + newCertificate);
		get("/api/seal/organisations/" + school + "/seals/" + first[0] + "/certificate", token).expectStatus()
			.isNotFound();
		String seals = body(get("/api/seal/organisations/" + school + "/seals", token).expectStatus().isOk());
		assertThat(JsonPath.<List<String>>read(seals, "$[*].status")).containsExactlyInAnyOrder("ACTIVE", "REPLACED");
	}

	@Test
	void anExchangeIsFreeAndSupersedesTheCertificateInForce() throws Exception {
		String office = organisation(this.officer, "Trung tâm Dạy nghề Đông Anh", "PEOPLES_COMMITTEE_AGENCIES",
				"PROVINCIAL", "01", false, "001072300006");
		String token = representative("001072300006");
		String[] first = approvedNewSeal(office, token);
		String code = code(submit(token, "CERTIFICATE_EXCHANGE", """
				{"organisationId": "%s", "sealNumber": "%s", "certificateGround": "LOST"}""".formatted(office, first[0])));
		attach(code, "APPLICATION", sign(TestFiles.blankPdf()), token).expectStatus().isCreated();
		act(code, "accept", this.officer).expectStatus().isOk();
		String approved = body(act(code, "approve", this.officer).expectStatus().isOk());
		assertThat((String) JsonPath.read(approved, "$.sealNumber")).isEqualTo(first[0]);
		String certificate = JsonPath.read(approved, "$.certificateNumber");
		awaitCertificate(certificate, "IN_FORCE");
		String old = awaitCertificate(first[1], "SUPERSEDED");
		assertThat((String) JsonPath.read(old, "$.sealStatus")).isEqualTo("ACTIVE");
		assertThat(PdfDocuments.flatText(certificateOf(code, token))).contains("Cấp lại giấy chứng nhận bị mất");
	}

	@Test
	void aSpecialSealNeedsTheRightAndTheRefusalSaysWhy() throws Exception {
		String association = organisation(this.officer, "Hội Người cao tuổi phường Tây Hồ",
				"ASSOCIATIONS_RELIGIONS_FUNDS_NGOS", "PROVINCIAL", "01", false, "001060300007");
		submit(representative("001060300007"), "SPECIAL_SEAL", """
				{"organisationId": "%s", "sealKind": "EMBOSSED", "inscription": "HỘI NGƯỜI CAO TUỔI"}""".formatted(association))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("form.sealKind")
			.jsonPath("$.errors[0].code")
			.isEqualTo("seal.special-not-entitled")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("văn bằng, chứng chỉ"));
		String college = organisation(this.officer, "Trường Cao đẳng Y tế Hà Đông", "PEOPLES_COMMITTEE_AGENCIES",
				"PROVINCIAL", "01", true, "001061300008");
		String code = code(submit(representative("001061300008"), "SPECIAL_SEAL", """
				{"organisationId": "%s", "sealKind": "EMBOSSED", "inscription": "TRƯỜNG CAO ĐẲNG Y TẾ HÀ ĐÔNG"}""".formatted(college)));
		// A specimen of a few kilobytes claiming 4,000 x 4,000 pixels would be decoded into the certificate: refused.
		java.awt.image.BufferedImage huge = new java.awt.image.BufferedImage(4000, 4000,
				java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
		java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(huge, "png", png);
		String token = representative("001061300008");
		attach(code, "APPLICATION", sign(TestFiles.blankPdf()), token).expectStatus().isCreated();
		attach(code, "ENTITLEMENT-DOCUMENT", sign(TestFiles.blankPdf()), token).expectStatus().isCreated();
		attach(code, "SPECIMEN", png.toByteArray(), token).expectStatus().isCreated();
		act(code, "accept", this.officer).expectStatus().isOk();
		pay(code);
		act(code, "approve", this.officer).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("2.000 điểm ảnh"));
		submit(representative("001061300008"), "SPECIAL_SEAL", """
				{"organisationId": "%s", "sealKind": "ORDINARY", "inscription": "X"}""".formatted(college))
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void onlyThoseActingForTheOrganisationFileAndThePartsAreThoseOfTheProcedure() {
		String committee = organisation(this.officer, "Văn phòng Ủy ban nhân dân phường Long Biên",
				"PEOPLES_COMMITTEE_AGENCIES", "PROVINCIAL", "01", false, "001066300009");
		String body = """
				{"organisationId": "%s", "inscription": "VĂN PHÒNG UBND PHƯỜNG LONG BIÊN"}""".formatted(committee);
		// A representative of nothing here, a citizen without the role, an unknown organisation.
		submit(representative(STRANGER), "NEW_SEAL", body).expectStatus().isNotFound();
		submit(jwt.citizen("001066300009", 2), "NEW_SEAL", body).expectStatus().isForbidden();
		submit(representative("001066300009"), "NEW_SEAL", body.replace(committee, "TC-000000000000")).expectStatus()
			.isNotFound();
		// A part another procedure uses is refused, not ignored.
		submit(representative("001066300009"), "NEW_SEAL", """
				{"organisationId": "%s", "inscription": "X", "sealNumber": "PC06-HN-MD-2026-000001"}""".formatted(committee))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("form.sealNumber");

		// A mandate recorded by the unit lets the clerk file; its revocation ends it.
		String mandate = body(this.client.post()
			.uri("/api/seal/organisations/" + committee + "/mandates")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("personalId", STRANGER, "fullName", "Ngô Văn Cử", "document", "Giấy giới thiệu 12/GGT",
					"from", java.time.LocalDate.now().minusDays(1).toString()))
			.exchange()
			.expectStatus()
			.isCreated());
		String mandateId = JsonPath.read(mandate, "$.mandates[0].id");
		String filed = code(submit(representative(STRANGER), "NEW_SEAL", body));
		// The head follows the organisation's dossiers, whoever filed them; another organisation's head does not.
		assertThat(JsonPath.<List<String>>read(body(get("/api/seal/organisations/" + committee + "/dossiers",
				representative("001066300009")).expectStatus().isOk()), "$[*].code")).containsExactly(filed);
		get("/api/seal/organisations/" + committee + "/dossiers", representative(CHAIR)).expectStatus().isNotFound();
		// The clerk sees the organisation, not the personal ids of those acting for it; the unit's officer does.
		String seen = body(get("/api/seal/organisations/" + committee, representative(STRANGER)).expectStatus().isOk());
		assertThat(seen).doesNotContain("001066300009", STRANGER).contains("Ngô Văn Cử");
		assertThat(body(get("/api/seal/organisations/" + committee, this.officer).expectStatus().isOk()))
			.contains("001066300009", STRANGER);
		this.client.post()
			.uri("/api/seal/organisations/" + committee + "/mandates/" + mandateId + "/revocation")
			.headers((headers) -> headers.setBearerAuth(jwt.officer("079180303333", "PC06-HCM", "79")))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.post()
			.uri("/api/seal/organisations/" + committee + "/mandates/" + mandateId + "/revocation")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.exchange()
			.expectStatus()
			.isOk();
		get("/api/seal/organisations/" + committee, representative(STRANGER)).expectStatus().isNotFound();
		// At the counter the officer names who acts for the organisation.
		this.client.post()
			.uri("/api/seal/dossiers")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"procedure": "ADDITIONAL_SEAL", "applicantPersonalId": "%s",
					 "form": {"organisationId": "%s", "inscription": "X", "reason": "Chi nhánh"}}""".formatted(STRANGER, committee))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("seal.not-representative");
	}

	@Test
	void aCentralBodysDossierGoesToC06OnlyItsOfficersHandleItAndARefusalSaysWhy() {
		this.client.post()
			.uri("/api/seal/organisations")
			.headers((headers) -> headers.setBearerAuth(this.officer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(organisationBody("Cục Thống kê", "GOVERNMENT_MINISTRIES", "CENTRAL", "01", false, MINISTRY_HEAD))
			.exchange()
			.expectStatus()
			.isForbidden();
		String office = organisation(this.centralOfficer, "Cục Thống kê", "GOVERNMENT_MINISTRIES", "CENTRAL", "01", false,
				MINISTRY_HEAD);
		String created = body(submit(representative(MINISTRY_HEAD), "NEW_SEAL", """
				{"organisationId": "%s", "inscription": "CỤC THỐNG KÊ"}""".formatted(office)).expectStatus().isCreated());
		String code = JsonPath.read(created, "$.code");
		assertThat(code).startsWith("C06-");
		assertThat((String) JsonPath.read(created, "$.procedureCode")).isEqualTo("1.997001");
		act(code, "accept", this.officer).expectStatus().isForbidden();
		act(code, "accept", this.centralOfficer).expectStatus().isOk();

		// Stopped with its reason: the representative gets the signed refusal saying why.
		String reason = "Quyết định thành lập đã hết hiệu lực, cơ quan đã được tổ chức lại";
		this.client.post()
			.uri("/api/seal/dossiers/" + code + "/stop")
			.headers((headers) -> headers.setBearerAuth(this.centralOfficer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", reason))
			.exchange()
			.expectStatus()
			.isOk();
		String token = representative(MINISTRY_HEAD);
		String[] id = new String[1];
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			List<String> ids = JsonPath.read(body(get("/api/seal/documents?reference=" + code, token)),
					"$[?(@.type == 'SEAL_REFUSAL')].id");
			id[0] = ids.isEmpty() ? null : ids.get(0);
			return id[0] != null;
		});
		byte[] refusal = get("/api/seal/documents/" + id[0] + "/pdf", token).expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(PdfDocuments.flatText(refusal)).contains("TỪ CHỐI GIẢI QUYẾT HỒ SƠ ĐĂNG KÝ MẪU CON DẤU",
				"Mã hồ sơ: " + code, "Lý do: " + reason, "CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI");
	}

	/** A new seal filed, paid and approved; its seal number, certificate number and dossier code. */
	private String[] approvedNewSeal(String organisation, String token) throws Exception {
		String code = code(submit(token, "NEW_SEAL", """
				{"organisationId": "%s", "inscription": "CON DẤU"}""".formatted(organisation)));
		attach(code, "APPLICATION", sign(TestFiles.blankPdf()), token).expectStatus().isCreated();
		attach(code, "FOUNDING-DOCUMENT", sign(TestFiles.blankPdf()), token).expectStatus().isCreated();
		attach(code, "SPECIMEN", TestFiles.sealSpecimen(), token).expectStatus().isCreated();
		act(code, "accept", this.officer).expectStatus().isOk();
		pay(code);
		String approved = body(act(code, "approve", this.officer).expectStatus().isOk());
		String certificate = JsonPath.read(approved, "$.certificateNumber");
		awaitCertificate(certificate, "IN_FORCE");
		return new String[] { JsonPath.read(approved, "$.sealNumber"), certificate, code };
	}

	private void pay(String code) {
		act(code, "payment-request", this.officer).expectStatus().isOk();
		String orderId = "PO-TEST-" + services.feeOrders.size();
		String data = """
				{"eventId": "%s", "occurredAt": "%s", "aggregateId": "%s", "referenceType": "DOSSIER_FEE",
				 "referenceId": "%s", "amount": 50000, "receiptNumber": "BL-261201-00000001",
				 "platformTransactionId": "SBX1"}""".formatted(UUID.randomUUID(), Instant.now(), orderId, code);
		TopicWriter.send(TestInfrastructure.get().kafkaBootstrapServers(), "payment.events.v1", orderId,
				UUID.randomUUID().toString(), "vn.gov.bca.payment.PaymentSucceeded", "/fine-payment-service", data);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "IN_PROGRESS".equals(JsonPath.read(body(get("/api/seal/dossiers/" + code, this.officer)), "$.status")));
	}

	private String awaitCertificate(String number, String status) {
		String[] found = new String[1];
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			WebTestClient.ResponseSpec response = get("/api/seal/public/certificates/" + number, null);
			found[0] = response.expectBody(String.class).returnResult().getResponseBody();
			return found[0] != null && found[0].contains("\"certificateStatus\":\"" + status + "\"");
		});
		return found[0];
	}

	private byte[] certificateOf(String code, String token) {
		String[] id = new String[1];
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			List<String> ids = JsonPath.read(body(get("/api/seal/documents?reference=" + code, token)),
					"$[?(@.type == 'SEAL_CERTIFICATE')].id");
			id[0] = ids.isEmpty() ? null : ids.get(0);
			return id[0] != null;
		});
		return get("/api/seal/documents/" + id[0] + "/pdf", token).expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private String organisation(String token, String name, String category, String level, String province,
			boolean special, String head) {
		return JsonPath.read(body(this.client.post()
			.uri("/api/seal/organisations")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(organisationBody(name, category, level, province, special, head))
			.exchange()
			.expectStatus()
			.isCreated()), "$.id");
	}

	private static String organisationBody(String name, String category, String level, String province,
			boolean special, String head) {
		return """
				{"name": "%s", "category": "%s", "level": "%s",
				 "foundingDocument": {"number": "100/QĐ-UBND", "date": "2020-01-15", "issuer": "Ủy ban nhân dân thành phố Hà Nội"},
				 "headOffice": {"provinceCode": "%s", "commune": "Phường Cầu Giấy", "detail": "Số 1 phố Duy Tân"},
				 "specialSealsAllowed": %s, "specialSealsBasis": %s,
				 "headPersonalId": "%s", "headFullName": "Người Đứng Đầu"}""".formatted(name, category, level, province,
				special, special ? "\"Quyết định cho phép cấp văn bằng\"" : "null", head);
	}

	private static String representative(String personalId) {
		return jwt.token()
			.claims(CallerClaims.citizen(personalId, 2))
			.roles("citizen", "organisation-representative")
			.sign();
	}

	private WebTestClient.ResponseSpec submit(String token, String procedure, String form) {
		return this.client.post()
			.uri("/api/seal/dossiers")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"procedure\": \"" + procedure + "\", \"form\": " + form + "}")
			.exchange();
	}

	private static String code(WebTestClient.ResponseSpec created) {
		return JsonPath.read(body(created.expectStatus().isCreated()), "$.code");
	}

	private WebTestClient.ResponseSpec act(String code, String action, String token) {
		return this.client.post()
			.uri("/api/seal/dossiers/" + code + "/" + action)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange();
	}

	private WebTestClient.ResponseSpec get(String path, String token) {
		return this.client.get().uri(path).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).exchange();
	}

	private WebTestClient.ResponseSpec attach(String code, String kind, byte[] content, String token) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return kind.toLowerCase() + (content[0] == '%' ? ".pdf" : ".png");
			}
		});
		parts.part("kind", kind);
		return this.client.post()
			.uri("/api/seal/dossiers/" + code + "/attachments")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange();
	}

	private static String body(WebTestClient.ResponseSpec response) {
		return response.expectBody(String.class).returnResult().getResponseBody();
	}

	private byte[] sign(byte[] pdf) {
		return this.signer.sign(pdf, DevelopmentCa.TEST_SIGNER, Instant.now());
	}

}
