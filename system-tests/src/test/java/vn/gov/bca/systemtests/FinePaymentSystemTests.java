package vn.gov.bca.systemtests;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.document.signature.SignatureCheck;
import vn.gov.bca.platform.document.signature.UnitKeys;
import vn.gov.bca.platform.testkit.PdfDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A camera-detected fine from the violation system to the receipt, through the gateway with real
 * Keycloak tokens and the payment sandbox as the platform: the public finds it by plate without
 * logging in, the citizen pays it at the sandbox's checkout, the platform's signed callback comes
 * back through the gateway, the public lookup says paid and the citizen gets the receipt.
 */
class FinePaymentSystemTests {

	private static final HttpClient BROWSER = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void aCitizenFindsAFineByPlatePaysItAtTheCheckoutAndGetsTheReceipt() throws Exception {
		String number = (System.nanoTime() % 1_000_000) + "/QĐ-XPHC";
		LocalDate received = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(12);
		String decision = """
				{"decisionNumber": "%s", "decisionDate": "%s", "issuingUnit": "PC08-HN",
				 "issuingUnitName": "Phòng Cảnh sát giao thông Công an thành phố Hà Nội",
				 "violator": {"personalId": "001085012345", "name": "Nguyễn Văn An"},
				 "vehicle": {"plate": "30K-246.80", "type": "CAR"},
				 "violation": {"legalReference": "Điểm a khoản 5 Điều 7 Nghị định 168/2024/NĐ-CP",
				   "description": "Chạy quá tốc độ quy định từ 10 km/h đến 20 km/h",
				   "place": "Đại lộ Thăng Long, Hà Nội", "occurredAt": "%s"},
				 "fineAmount": 4000000, "receivedOn": "%s", "cameraDetected": true}"""
			.formatted(number, received.minusDays(1), Instant.now().minus(Duration.ofDays(14)), received);
		HttpResponse<String> sent = SystemStack.post(SystemStack.gateway() + "/api/payment/decisions", decision,
				"Authorization", "Bearer " + SystemStack.serviceToken("traffic-violation-system"));
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

		HttpResponse<String> lookup = SystemStack.get(SystemStack.gateway()
				+ "/api/payment/public/fines?plate=30K-246.80&vehicleType=CAR");
		assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
		String found = "$.unpaid[?(@.decisionNumber == '" + number + "')]";
		assertThat(lookup.body()).doesNotContain("Nguyễn Văn An").doesNotContain("001085012345");
		assertThat(JsonPath.<java.util.List<Integer>>read(lookup.body(), found + ".amountDue.total"))
			// Received 12 days ago, last day to pay 2 days ago: one late day, yesterday (Circular
			// 18/2023/TT-BTC Art. 5(1): from the day after the last day up to the day before payment).
			.containsExactly(4_002_000);

		String citizen = SystemStack.userToken("nguyenvanan");
		HttpResponse<String> order = SystemStack.post(SystemStack.gateway() + "/api/payment/orders",
				"{\"decisionId\": \"PC08-HN|" + number + "\"}", "Authorization", "Bearer " + citizen,
				"Idempotency-Key", "pay-" + number.hashCode());
		assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
		String orderId = JsonPath.read(order.body(), "$.id");
		String checkoutUrl = JsonPath.read(order.body(), "$.checkoutUrl");
		assertThat(checkoutUrl).startsWith(SystemStack.get().paymentSandboxUrl());

		HttpResponse<String> page = SystemStack.get(checkoutUrl);
		assertThat(page.body()).contains("4.002.000");
		HttpResponse<String> paid = BROWSER.send(HttpRequest.newBuilder(URI.create(checkoutUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("action=pay"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(paid.statusCode()).isEqualTo(303);
		assertThat(paid.headers().firstValue("Location")).get().asString().startsWith(SystemStack.gateway());

		String status = null;
		for (int i = 0; i < 40 && !"SUCCEEDED".equals(status); i++) {
			Thread.sleep(250);
			status = JsonPath.read(SystemStack.get(SystemStack.gateway() + "/api/payment/orders/" + orderId,
					"Authorization", "Bearer " + citizen)
				.body(), "$.status");
		}
		assertThat(status).isEqualTo("SUCCEEDED");

		HttpResponse<String> publicResult = SystemStack.get(SystemStack.gateway()
				+ "/api/payment/public/decisions?issuingUnit=PC08-HN&number="
				+ URLEncoder.encode(number, StandardCharsets.UTF_8));
		assertThat((String) JsonPath.read(publicResult.body(), "$.result")).isEqualTo("PAID");

		HttpResponse<String> receipt = SystemStack.get(
				SystemStack.gateway() + "/api/payment/orders/" + orderId + "/receipt", "Authorization",
				"Bearer " + citizen);
		assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(receipt.body(), "$.receiptNumber")).matches("BL-[0-9]{6}-[0-9]{8}");
		assertThat((Integer) JsonPath.read(receipt.body(), "$.amount")).isEqualTo(4_002_000);

		HttpResponse<String> someoneElse = SystemStack.get(
				SystemStack.gateway() + "/api/payment/orders/" + orderId + "/receipt", "Authorization",
				"Bearer " + SystemStack.userToken("tranthibich"));
		assertThat(someoneElse.statusCode()).isEqualTo(404);

		electronicReceipt(orderId, JsonPath.read(receipt.body(), "$.receiptNumber"), number, citizen);
	}

	/**
	 * The signed PDF receipt as the citizen downloads it: its text (PDFBox) states the number and the
	 * amount in figures and in words; its QR code, read from the rendered page, is a URL anyone can
	 * open through the gateway, which says VALID with the same number; the signature verifies against
	 * the development CA of this run; the same file changed by one byte is not genuine; once an
	 * officer of the province revokes it, its URL says REVOKED.
	 */
	private static void electronicReceipt(String orderId, String receiptNumber, String decisionNumber, String citizen)
			throws Exception {
		HttpResponse<byte[]> download = SystemStack.getBytes(
				SystemStack.gateway() + "/api/payment/orders/" + orderId + "/receipt/pdf", "Authorization",
				"Bearer " + citizen);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		byte[] pdf = download.body();
		assertThat(pdf.length).isLessThan(100 * 1024);
		assertThat(PdfDocuments.flatText(pdf)).contains("BIÊN LAI THU TIỀN PHẠT VI PHẠM HÀNH CHÍNH",
				"Số: " + receiptNumber, "CÔNG AN THÀNH PHỐ HÀ NỘI", "PHÒNG CẢNH SÁT GIAO THÔNG",
				"Số tiền: 4.002.000 đồng", "Bằng chữ: Bốn triệu không trăm linh hai nghìn đồng",
				"Quyết định xử phạt: Số " + decisionNumber, "Cộng hòa xã hội chủ nghĩa Việt Nam".toUpperCase(java.util.Locale.forLanguageTag("vi")),
				"Độc lập - Tự do - Hạnh phúc");

		String url = PdfDocuments.qrCode(pdf);
		assertThat(url).startsWith(SystemStack.gateway() + "/api/payment/public/documents/");
		HttpResponse<String> verified = SystemStack.get(url);
		assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(verified.body(), "$.result")).isEqualTo("VALID");
		assertThat((String) JsonPath.read(verified.body(), "$.number")).isEqualTo(receiptNumber);
		assertThat((Boolean) JsonPath.read(verified.body(), "$.signature.intact")).isTrue();
		assertThat((Boolean) JsonPath.read(verified.body(), "$.signature.trusted")).isTrue();
		assertThat(verified.body()).doesNotContain(JsonPath.<String>read(SystemStack.claims(citizen), "$.personal_id"));
		// What a phone shows after scanning the code: the page as Chromium renders it.
		Path browser = SystemStack.get().options().logDir().resolve("browser");
		String shown = PdfDocuments.flatText(HeadlessChromium.printToPdf(url, browser, "receipt-valid"));
		assertThat(shown).contains("Kiểm tra văn bản điện tử", "Văn bản hợp lệ, đang có hiệu lực", receiptNumber,
				"BIÊN LAI THU TIỀN PHẠT VI PHẠM HÀNH CHÍNH", "Phòng Cảnh sát giao thông Công an thành phố Hà Nội",
				"Toàn vẹn, của cơ quan được tin cậy", "4.002.000 đồng");

		// The signature of the downloaded file, checked here against the CA this run generated.
		Path data = SystemStack.get().options().dataDir().resolve("documents");
		char[] password = Files.readString(data.resolve("keystore-password")).strip().toCharArray();
		SignatureCheck check = new SignatureCheck(
				UnitKeys.load(data.resolve("fine-payment-service.p12"), password).trustedCertificates(), Clock.systemUTC());
		SignatureCheck.Result signature = check.verify(pdf);
		assertThat(signature.valid()).isTrue();
		assertThat(signature.signerSubject()).get().asString().contains("PC08-HN");

		byte[] changed = PdfDocuments.withOneByteChanged(pdf, pdf.length / 3);
		assertThat(check.verify(changed).intact()).isFalse();
		HttpResponse<String> byHash = SystemStack.get(SystemStack.gateway() + "/api/payment/public/documents?sha256="
				+ HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(changed)));
		assertThat((String) JsonPath.read(byHash.body(), "$.result")).isEqualTo("NOT_GENUINE");
		HttpResponse<String> original = SystemStack.get(SystemStack.gateway() + "/api/payment/public/documents?sha256="
				+ HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
		assertThat((String) JsonPath.read(original.body(), "$.result")).isEqualTo("VALID");

		String documentId = JsonPath.read(verified.body(), "$.id");
		String revocation = SystemStack.gateway() + "/api/payment/documents/" + documentId + "/revocation";
		assertThat(SystemStack.post(revocation, "{\"reason\": \"Thu sai\"}", "Authorization", "Bearer " + citizen)
			.statusCode()).isEqualTo(403);
		assertThat(SystemStack.post(revocation, "{\"reason\": \"Thu sai\"}", "Authorization",
				"Bearer " + SystemStack.userToken("canbo.hcm")).statusCode()).isEqualTo(403);
		HttpResponse<String> revoked = SystemStack.post(revocation, "{\"reason\": \"Lập nhầm biên lai\"}",
				"Authorization", "Bearer " + SystemStack.userToken("canbo.hanoi"));
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
		HttpResponse<String> afterwards = SystemStack.get(url);
		assertThat((String) JsonPath.read(afterwards.body(), "$.result")).isEqualTo("REVOKED");
		assertThat((String) JsonPath.read(afterwards.body(), "$.revocation.reason")).isEqualTo("Lập nhầm biên lai");
		assertThat(PdfDocuments.flatText(HeadlessChromium.printToPdf(url, browser, "receipt-revoked")))
			.contains("Văn bản đã bị thu hồi", "Lập nhầm biên lai")
			.doesNotContain("Văn bản hợp lệ");
	}

}
