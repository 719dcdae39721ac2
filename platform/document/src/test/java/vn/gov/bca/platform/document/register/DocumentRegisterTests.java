package vn.gov.bca.platform.document.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.document.AdministrativeDocument;
import vn.gov.bca.platform.document.AdministrativeDocument.Row;
import vn.gov.bca.platform.document.DocumentRenderer;
import vn.gov.bca.platform.document.PoliceUnits;
import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.PdfDocuments;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;

/**
 * The register of a service (real MongoDB with GridFS, real Kafka): a document is issued once per
 * key and is the same bytes every time; its QR code's URL verifies it, a wrong check value or a
 * changed byte does not; the holder and the unit's officers download it; an officer revokes it;
 * a newer document supersedes it.
 */
@IntegrationTest
class DocumentRegisterTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final String UNIT = "Phòng Quản lý xuất nhập cảnh Công an thành phố Hà Nội";

	@Autowired
	private DocumentRegister register;

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void service(DynamicPropertyRegistry registry) {
		registry.add("spring.application.name", () -> "permit-service");
		registry.add("vneid.documents.public-url", () -> "https://dichvucong.bca.gov.vn");
	}

	private static DocumentRequest request(String key, String holder) {
		AdministrativeDocument content = new AdministrativeDocument(PoliceUnits.header(UNIT), "000042/BL",
				PoliceUnits.place(UNIT), LocalDate.of(2026, 12, 1), "BIÊN LAI THU LỆ PHÍ",
				List.of(new Row("Người nộp", "Nguyễn Văn An"), new Row("Số tiền", "200.000 đồng")), Optional.empty());
		return new DocumentRequest(key, "FEE_RECEIPT", "DOSSIER-" + key, IssuedDocument.Holder.person(holder, "Nguyễn Văn An"),
				new IssuedDocument.Issuer("PA08-HN", UNIT, "01"), DocumentRenderer.ADMINISTRATIVE_DOCUMENT, content,
				List.of(new Row("Số tiền", "200.000 đồng")), null);
	}

	private static String key() {
		return "FEE_RECEIPT:" + UUID.randomUUID();
	}

	@Test
	void aDocumentIsIssuedOncePerKeyAndIsTheSameBytesEveryTime() {
		String key = key();
		List<IssuedDocument> twoAtOnce = Mono.zip(this.register.issue(request(key, "001090000001")),
				this.register.issue(request(key, "001090000001")), List::of).block();
		assertThat(twoAtOnce.get(0).id()).isEqualTo(twoAtOnce.get(1).id());
		IssuedDocument again = this.register.issue(request(key, "001090000001")).block();
		assertThat(again.id()).isEqualTo(twoAtOnce.get(0).id());

		byte[] first = this.register.pdf(again).block();
		byte[] second = download(again.id(), jwt.citizen("001090000001", 2));
		assertThat(second).isEqualTo(first);
		assertThat(sha256(first)).isEqualTo(again.sha256());
		assertThat(PdfDocuments.flatText(first)).contains("CÔNG AN THÀNH PHỐ HÀ NỘI", "PHÒNG QUẢN LÝ XUẤT NHẬP CẢNH",
				"Hà Nội, ngày 01 tháng 12 năm 2026", "Số: 000042/BL", "200.000 đồng");
		assertThat(PdfDocuments.qrCode(first)).isEqualTo(this.register.verificationUrl(again))
			.startsWith("https://dichvucong.bca.gov.vn/api/permit/public/documents/" + again.id() + "?c=");

		var issued = TopicReader.await(TestInfrastructure.get().kafkaBootstrapServers(), "permit.events.v1",
				(record) -> key.equals(record.key()), 1, Duration.ofSeconds(20));
		assertThat(issued).hasSize(1);
		EventSchemaAssertions.assertValid(issued);
		assertThat(TopicReader.header(issued.get(0), "ce_type")).isEqualTo("vn.gov.bca.permit.DocumentIssued");
		assertThat(issued.get(0).value()).contains(again.id(), again.sha256())
			.doesNotContain("001090000001", "Nguyễn Văn An", again.check());
	}

	@Test
	void theQrCodesUrlVerifiesTheDocumentWithOnlyMaskedDataAndAWrongCheckValueFindsNothing() {
		IssuedDocument document = this.register.issue(request(key(), "001090000002")).block();
		String url = this.register.verificationUrl(document);
		String path = url.substring("https://dichvucong.bca.gov.vn".length());

		String json = this.client.get().uri(path).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat((String) JsonPath.read(json, "$.result")).isEqualTo("VALID");
		assertThat((String) JsonPath.read(json, "$.number")).isEqualTo("000042/BL");
		assertThat((String) JsonPath.read(json, "$.holder")).isEqualTo("N. V. A.");
		assertThat((String) JsonPath.read(json, "$.holderId")).isEqualTo("001*****0002");
		assertThat((Boolean) JsonPath.read(json, "$.signature.intact")).isTrue();
		assertThat((Boolean) JsonPath.read(json, "$.signature.trusted")).isTrue();
		assertThat(json).doesNotContain("001090000002", "Nguyễn Văn An");

		String page = this.client.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectHeader().valueMatches("Content-Security-Policy", "default-src 'none'.*")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("Văn bản hợp lệ, đang có hiệu lực", "000042/BL", "N. V. A.");

		String wrongCheck = path.substring(0, path.indexOf("?c=")) + "?c=AAAAAAAA";
		this.client.get().uri(wrongCheck).exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get().uri(path.substring(0, path.indexOf("?c="))).exchange().expectStatus().isNotFound();
		this.client.get().uri(wrongCheck).accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound()
			.expectBody(String.class).value((body) -> assertThat(body).contains("Không tìm thấy văn bản"));
	}

	@Test
	void aFileChangedByOneByteIsNotGenuine() {
		IssuedDocument document = this.register.issue(request(key(), "001090000003")).block();
		byte[] pdf = this.register.pdf(document).block();

		assertThat(byHash(sha256(pdf))).contains("\"result\":\"VALID\"", document.id());
		byte[] changed = PdfDocuments.withOneByteChanged(pdf, pdf.length / 3);
		assertThat(byHash(sha256(changed))).contains("\"result\":\"NOT_GENUINE\"").doesNotContain(document.id());
		this.client.get().uri("/api/permit/public/documents?sha256=xyz").exchange().expectStatus().isBadRequest();
	}

	@Test
	void theHolderAndTheUnitsOfficersDownloadItOthersDoNot() {
		IssuedDocument document = this.register.issue(request(key(), "001090000004")).block();

		download(document.id(), jwt.officer("001080000001", "PA08-HN", "01"));
		pdf(document.id(), jwt.citizen("001090000099", 2)).expectStatus().isNotFound();
		pdf(document.id(), jwt.officer("001080000002", "PA08-HCM", "79")).expectStatus().isForbidden();
		pdf(document.id(), null).expectStatus().isUnauthorized();
		this.client.get().uri("/api/permit/me/documents").headers((h) -> h.setBearerAuth(jwt.citizen("001090000004", 2)))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$[0].id").isEqualTo(document.id())
			.jsonPath("$[0].pdf").isEqualTo("/api/permit/documents/" + document.id() + "/pdf")
			.jsonPath("$.length()").isEqualTo(1);
	}

	@Test
	void anOfficerOfTheUnitsProvinceRevokesItWithAReasonOnce() {
		IssuedDocument document = this.register.issue(request(key(), "001090000005")).block();
		String path = this.register.verificationUrl(document).substring("https://dichvucong.bca.gov.vn".length());

		revoke(document.id(), jwt.citizen("001090000005", 2)).expectStatus().isForbidden();
		revoke(document.id(), jwt.officer("001080000002", "PA08-HCM", "79")).expectStatus().isForbidden();
		revoke(document.id(), jwt.officer("001080000001", "PA08-HN", "01")).expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("REVOKED");
		revoke(document.id(), jwt.officer("001080000001", "PA08-HN", "01")).expectStatus().isEqualTo(409);

		this.client.get().uri(path).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.result").isEqualTo("REVOKED")
			.jsonPath("$.revocation.reason").isEqualTo("Cấp nhầm người nộp");
		this.client.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectBody(String.class)
			.value((page) -> assertThat(page).contains("Văn bản đã bị thu hồi", "Cấp nhầm người nộp"));
	}

	@Test
	void aNewerDocumentSupersedesTheOlder() {
		String first = key();
		IssuedDocument older = this.register.issue(request(first, "001090000006")).block();
		IssuedDocument newer = this.register.issue(request(key(), "001090000006").superseding(first)).block();

		String path = this.register.verificationUrl(older).substring("https://dichvucong.bca.gov.vn".length());
		this.client.get().uri(path).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.result").isEqualTo("SUPERSEDED")
			.jsonPath("$.supersededBy").isEqualTo(newer.id());
		assertThat(this.register.find(newer.id()).block().status()).isEqualTo(IssuedDocument.Status.VALID);
	}

	private byte[] download(String id, String token) {
		return pdf(id, token).expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
			.expectBody(byte[].class).returnResult().getResponseBody();
	}

	private WebTestClient.ResponseSpec pdf(String id, String token) {
		return this.client.get().uri("/api/permit/documents/" + id + "/pdf")
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.exchange();
	}

	private WebTestClient.ResponseSpec revoke(String id, String token) {
		return this.client.post().uri("/api/permit/documents/" + id + "/revocation")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"reason\": \"Cấp nhầm người nộp\"}")
			.exchange();
	}

	private String byHash(String sha256) {
		return this.client.get().uri("/api/permit/public/documents?sha256=" + sha256).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
