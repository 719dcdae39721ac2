package vn.gov.bca.systemtests;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.testkit.PdfDocuments;
import vn.gov.bca.platform.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first passport from submission to the result, through the gateway with the realm's accounts
 * and every real service: the registry verifies the applicant, the fee is paid at the payment
 * sandbox, fine-payment-service's event moves the dossier on, the officer of Hà Nội approves and
 * returns it, and the dossier's events reach Kafka in order. On the way: a level-1 account is
 * refused, another citizen does not see the dossier, an officer of another province cannot act, a
 * retried submission is one dossier, and a program disguised as a PDF is refused.
 */
class PassportSystemTests {

	private static final String SUBMISSION = """
			{"procedure": "FIRST_ISSUE", "handlingProvince": "01", "phone": "0912345678",
			 "form": {"holderPersonalId": "%s", "holderFullName": "%s", "holderBirthDate": "%s", "sex": "%s",
			          "chip": true, "occupation": "Kỹ sư"}}""";

	@Test
	void aLevelTwoCitizenGetsAPassportFromSubmissionToTheResult() throws Exception {
		String gateway = SystemStack.gateway();
		String an = SystemStack.userToken("nguyenvanan");
		String officer = SystemStack.userToken("canbo.hanoi");

		HttpResponse<String> levelOne = SystemStack.post(gateway + "/api/passport/dossiers",
				SUBMISSION.formatted("048201000321", "Lê Hoàng Minh", "2001-01-01", "MALE"), "Authorization",
				"Bearer " + SystemStack.userToken("lehoangminh"));
		assertThat(levelOne.statusCode()).as(levelOne.body()).isEqualTo(403);

		String body = SUBMISSION.formatted("001085012345", "Nguyễn Văn An", "1985-03-12", "MALE");
		HttpResponse<String> submitted = SystemStack.post(gateway + "/api/passport/dossiers", body, "Authorization",
				"Bearer " + an, "Idempotency-Key", "passport-an-first");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		String code = JsonPath.read(submitted.body(), "$.code");
		assertThat(code).matches("PA08-HN-[0-9]{6}-[0-9]{4}");
		HttpResponse<String> retried = SystemStack.post(gateway + "/api/passport/dossiers", body, "Authorization",
				"Bearer " + an, "Idempotency-Key", "passport-an-first");
		assertThat((String) JsonPath.read(retried.body(), "$.code")).isEqualTo(code);

		assertThat(SystemStack.get(gateway + "/api/passport/dossiers/" + code, "Authorization",
				"Bearer " + SystemStack.userToken("tranthibich")).statusCode()).isEqualTo(404);
		assertThat(SystemStack.post(gateway + "/api/passport/dossiers/" + code + "/accept", "", "Authorization",
				"Bearer " + SystemStack.userToken("canbo.hcm")).statusCode()).isEqualTo(403);
		assertThat(SystemStack.upload(gateway + "/api/passport/dossiers/" + code + "/attachments", an, "TK01", "to-khai.pdf",
				new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 }).statusCode()).isEqualTo(415);
		assertThat(SystemStack.upload(gateway + "/api/passport/dossiers/" + code + "/attachments", an, "TK01", "to-khai.pdf",
				"%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(201);

		assertThat(act(code, "accept", officer).statusCode()).isEqualTo(200);
		HttpResponse<String> paymentRequested = act(code, "payment-request", officer);
		assertThat(paymentRequested.statusCode()).as(paymentRequested.body()).isEqualTo(200);
		String orderId = JsonPath.read(paymentRequested.body(), "$.fee.paymentOrderId");

		SystemStack.payFeeOrder(orderId, an);

		String status = null;
		for (int i = 0; i < 60 && !"IN_PROGRESS".equals(status); i++) {
			Thread.sleep(250);
			status = JsonPath.read(SystemStack.get(gateway + "/api/passport/dossiers/" + code, "Authorization",
					"Bearer " + an).body(), "$.status");
		}
		assertThat(status).isEqualTo("IN_PROGRESS");

		HttpResponse<String> approved = act(code, "approve", officer);
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(approved.body(), "$.passport.number")).matches("C[0-9]{7}");
		HttpResponse<String> returned = SystemStack.post(gateway + "/api/passport/dossiers/" + code + "/return",
				"{\"method\": \"PICKED_UP\"}", "Authorization", "Bearer " + officer);
		assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(returned.body(), "$.statusCode")).isEqualTo(10);

		List<ConsumerRecord<String, String>> events = TopicReader.await(SystemStack.get().kafkaBootstrapServers(),
				"passport.events.v1", (record) -> code.equals(record.key()), 7, Duration.ofSeconds(30));
		assertThat(events).extracting((record) -> TopicReader.header(record, "ce_type"))
			.containsExactly("vn.gov.bca.passport.DossierSubmitted", "vn.gov.bca.passport.DossierAccepted",
					"vn.gov.bca.passport.PaymentRequested", "vn.gov.bca.passport.PaymentReceived",
					"vn.gov.bca.passport.DossierProcessed", "vn.gov.bca.passport.PassportIssued",
					"vn.gov.bca.passport.ResultReturned");

		// What the citizen takes away: the receipt and appointment slip, the notice of the result, the fee's receipt.
		String documents = null;
		for (int i = 0; i < 80 && (documents == null || !documents.contains("PASSPORT_RESULT_NOTICE")); i++) {
			Thread.sleep(250);
			documents = SystemStack.get(gateway + "/api/passport/documents?reference=" + code, "Authorization",
					"Bearer " + an).body();
		}
		List<String> slips = JsonPath.read(documents, "$[?(@.type == 'DOSSIER_RECEIPT')].pdf");
		List<String> notices = JsonPath.read(documents, "$[?(@.type == 'PASSPORT_RESULT_NOTICE')].pdf");
		assertThat(slips).hasSize(1);
		assertThat(notices).hasSize(1);
		byte[] slip = SystemStack.getBytes(gateway + slips.get(0), "Authorization", "Bearer " + an).body();
		assertThat(PdfDocuments.flatText(slip)).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: " + code,
				"Tiếp nhận hồ sơ của: Nguyễn Văn An", "CÔNG AN THÀNH PHỐ HÀ NỘI", "PHÒNG QUẢN LÝ XUẤT NHẬP CẢNH");
		byte[] notice = SystemStack.getBytes(gateway + notices.get(0), "Authorization", "Bearer " + an)
			.body();
		String number = JsonPath.read(approved.body(), "$.passport.number");
		assertThat(PdfDocuments.flatText(notice)).contains("THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ CẤP HỘ CHIẾU PHỔ THÔNG",
				"Số hộ chiếu: " + number, "Hộ chiếu phổ thông có gắn chíp điện tử");
		HttpResponse<String> verified = SystemStack.get(PdfDocuments.qrCode(notice));
		assertThat((String) JsonPath.read(verified.body(), "$.result")).isEqualTo("VALID");
		assertThat((String) JsonPath.read(verified.body(), "$.holder")).isEqualTo("N. V. A.");
		assertThat(SystemStack.getBytes(gateway + notices.get(0), "Authorization",
				"Bearer " + SystemStack.userToken("tranthibich")).statusCode()).isEqualTo(404);

		byte[] feeReceipt = SystemStack.getBytes(gateway + "/api/payment/orders/" + orderId + "/receipt/pdf",
				"Authorization", "Bearer " + an).body();
		assertThat(PdfDocuments.flatText(feeReceipt)).contains("BIÊN LAI THU PHÍ, LỆ PHÍ", "Mã hồ sơ: " + code,
				"Người nộp: Nguyễn Văn An", "PHÒNG QUẢN LÝ XUẤT NHẬP CẢNH");
		assertThat((String) JsonPath.read(SystemStack.get(PdfDocuments.qrCode(feeReceipt)).body(), "$.result"))
			.isEqualTo("VALID");
	}

	private static HttpResponse<String> act(String code, String action, String token) {
		return SystemStack.post(SystemStack.gateway() + "/api/passport/dossiers/" + code + "/" + action, "",
				"Authorization", "Bearer " + token);
	}


}
