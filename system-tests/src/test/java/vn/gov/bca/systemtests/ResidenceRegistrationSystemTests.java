package vn.gov.bca.systemtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.testkit.PdfDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residence registration through the gateway with the realm's tokens, the real registry and the
 * real Kafka between residence-service and identity-service: a temporary registration approved by
 * the Hà Nội officer, after which the population registry shows the new temporary address; a
 * permanent registration that waits for the household head's consent, given with the head's own
 * token, after which the registry has the new permanent address and household; a consent refused
 * by the owner, the dossier refused with its reasons and the refusal in a signed document.
 */
class ResidenceRegistrationSystemTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Test
	void aTemporaryRegistrationApprovedIsTheRegistrysTemporaryAddress() throws Exception {
		String gateway = SystemStack.gateway();
		String citizen = SystemStack.userToken("daidien.truonghoc");
		String officer = SystemStack.userToken("canbo.hanoi");
		LocalDate until = LocalDate.now(VIETNAM).plusMonths(12);

		HttpResponse<String> submitted = SystemStack.post(gateway + "/api/residence/dossiers", """
				{"procedure": "TEMPORARY_REGISTRATION", "handlingProvince": "01",
				 "form": {"address": {"provinceCode": "01", "commune": "Phường Cầu Giấy", "detail": "Căn hộ 1203, tòa A, số 1 phố Trần Thái Tông"},
				          "grounds": "OWN_HOME", "until": "%s", "reason": "Làm việc tại Hà Nội"}}""".formatted(until),
				"Authorization", "Bearer " + citizen);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		String code = JsonPath.read(submitted.body(), "$.code");
		assertThat(code).startsWith("PC06-HN-");

		assertThat(act(code, "accept", officer).statusCode()).isEqualTo(200);
		assertThat(homeProof(code, citizen).statusCode()).isEqualTo(201);
		HttpResponse<String> approved = act(code, "approve", officer);
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(SystemStack.post(gateway + "/api/residence/dossiers/" + code + "/return",
				"{\"method\": \"ELECTRONIC\"}", "Authorization", "Bearer " + officer).statusCode()).isEqualTo(200);

		String me = awaitBody(gateway + "/api/identity/me", citizen,
				(body) -> body.contains("Phường Cầu Giấy"));
		assertThat((String) JsonPath.read(me, "$.temporaryAddress.commune")).isEqualTo("Phường Cầu Giấy");
		assertThat((String) JsonPath.read(me, "$.temporaryAddress.provinceCode")).isEqualTo("01");
		assertThat((String) JsonPath.read(me, "$.temporaryAddress.asRecorded")).contains("Căn hộ 1203", "Hà Nội");
		// The permanent residence stays where it was.
		assertThat((String) JsonPath.read(me, "$.permanentAddress.commune")).isEqualTo("Phường Nam Định");

		HttpResponse<String> register = SystemStack.get(gateway + "/api/residence/me/residence", "Authorization",
				"Bearer " + citizen);
		assertThat((String) JsonPath.read(register.body(), "$.temporary.until")).isEqualTo(until.toString());
		assertThat((String) JsonPath.read(register.body(), "$.temporary.dossierCode")).isEqualTo(code);

		String documents = awaitBody(gateway + "/api/residence/me/documents", citizen,
				(body) -> body.contains("RESIDENCE_RESULT_NOTICE"));
		List<String> notices = JsonPath.read(documents, "$[?(@.type == 'RESIDENCE_RESULT_NOTICE')].pdf");
		byte[] notice = SystemStack.getBytes(gateway + notices.get(0), "Authorization", "Bearer " + citizen).body();
		assertThat(PdfDocuments.flatText(notice)).contains("THÔNG BÁO VỀ KẾT QUẢ GIẢI QUYẾT ĐĂNG KÝ CƯ TRÚ",
				"Mã hồ sơ: " + code, "Phường Cầu Giấy", "CÔNG AN THÀNH PHỐ HÀ NỘI");
		assertThat((String) JsonPath.read(SystemStack.get(PdfDocuments.qrCode(notice)).body(), "$.result"))
			.isEqualTo("VALID");

		// The confirmation of residence (CT07) states both residences, signed, verifiable by anyone.
		HttpResponse<String> confirmation = SystemStack.post(gateway + "/api/residence/me/residence/confirmation", "",
				"Authorization", "Bearer " + citizen);
		assertThat(confirmation.statusCode()).as(confirmation.body()).isEqualTo(201);
		byte[] ct07 = SystemStack.getBytes(gateway + JsonPath.read(confirmation.body(), "$.pdf"), "Authorization",
				"Bearer " + citizen).body();
		assertThat(PdfDocuments.flatText(ct07)).contains("XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ", "Đặng Văn Trường",
				"Phường Cầu Giấy");
		assertThat((String) JsonPath.read(SystemStack.get(PdfDocuments.qrCode(ct07)).body(), "$.result"))
			.isEqualTo("VALID");
	}

	@Test
	void aPermanentRegistrationWaitsForTheHouseholdHeadsConsentGivenWithTheHeadsToken() throws Exception {
		String gateway = SystemStack.gateway();
		String applicant = SystemStack.userToken("tranthibich");
		String head = SystemStack.userToken("nguyenvanan");
		String officer = SystemStack.userToken("canbo.hanoi");

		HttpResponse<String> submitted = SystemStack.post(gateway + "/api/residence/dossiers", """
				{"procedure": "PERMANENT_REGISTRATION", "handlingProvince": "01",
				 "form": {"address": {"provinceCode": "01", "commune": "Phường Ba Đình", "detail": "Số 18 phố Phan Đình Phùng"},
				          "grounds": "RENT_OR_BORROW", "ownerPersonalId": "001085012345", "floorArea": 96.5, "occupants": 3,
				          "household": {"headPersonalId": "001085012345", "relationToHead": "OTHER"}}}""",
				"Authorization", "Bearer " + applicant);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		String code = JsonPath.read(submitted.body(), "$.code");
		assertThat(JsonPath.<List<String>>read(submitted.body(), "$.consents[0].roles"))
			.containsExactlyInAnyOrder("HOUSEHOLD_HEAD", "OWNER");
		assertThat(act(code, "accept", officer).statusCode()).isEqualTo(200);

		HttpResponse<String> tooEarly = act(code, "approve", officer);
		assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
		assertThat((String) JsonPath.read(tooEarly.body(), "$.detail")).isEqualTo("Hồ sơ đang chờ ý kiến đồng ý.");

		// A stranger is not asked: to them the request does not exist.
		assertThat(SystemStack.post(gateway + "/api/residence/consent-requests/" + code, "{\"consent\": true}",
				"Authorization", "Bearer " + SystemStack.userToken("daidien.truonghoc")).statusCode()).isEqualTo(404);

		HttpResponse<String> asked = SystemStack.get(gateway + "/api/residence/me/consent-requests", "Authorization",
				"Bearer " + head);
		assertThat(JsonPath.<List<String>>read(asked.body(), "$[?(@.dossierCode == '" + code + "')].applicantFullName"))
			.containsExactly("Trần Thị Bích");
		HttpResponse<String> given = SystemStack.post(gateway + "/api/residence/consent-requests/" + code,
				"{\"consent\": true, \"note\": \"Đồng ý cho ở nhờ và nhập hộ\"}", "Authorization", "Bearer " + head);
		assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(given.body(), "$.status")).isEqualTo("GIVEN");

		// The consent given, the rented room is still to be proven by a paper.
		HttpResponse<String> unproven = act(code, "approve", officer);
		assertThat(unproven.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(unproven.body(), "$.detail"))
			.isEqualTo("Chưa có giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (HOME-PROOF).");
		assertThat(homeProof(code, applicant).statusCode()).isEqualTo(201);
		HttpResponse<String> approved = act(code, "approve", officer);
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(approved.body(), "$.householdId")).isEqualTo("DEMO-0001");
		assertThat(SystemStack.post(gateway + "/api/residence/dossiers/" + code + "/return",
				"{\"method\": \"ELECTRONIC\"}", "Authorization", "Bearer " + officer).statusCode()).isEqualTo(200);

		String me = awaitBody(gateway + "/api/identity/me", applicant, (body) -> body.contains("Phường Ba Đình"));
		assertThat((String) JsonPath.read(me, "$.permanentAddress.commune")).isEqualTo("Phường Ba Đình");
		assertThat((String) JsonPath.read(me, "$.household.householdId")).isEqualTo("DEMO-0001");
		assertThat((String) JsonPath.read(me, "$.household.headPersonalId")).isEqualTo("001085012345");
		assertThat((String) JsonPath.read(me, "$.household.relationToHead")).isEqualTo("OTHER");
		HttpResponse<String> household = SystemStack.get(gateway + "/api/identity/me/household", "Authorization",
				"Bearer " + head);
		assertThat(JsonPath.<List<String>>read(household.body(), "$.members[*].fullName")).contains("Trần Thị Bích");
	}

	@Test
	void aRefusedConsentEndsInARefusalWithItsReasonsInWriting() throws Exception {
		String gateway = SystemStack.gateway();
		String applicant = SystemStack.userToken("canbo.hcm");
		String owner = SystemStack.userToken("nguyenvanan");
		String officer = SystemStack.userToken("canbo.hanoi");

		HttpResponse<String> submitted = SystemStack.post(gateway + "/api/residence/dossiers", """
				{"procedure": "TEMPORARY_REGISTRATION", "handlingProvince": "01",
				 "form": {"address": {"provinceCode": "01", "commune": "Phường Ba Đình", "detail": "Số 18 phố Phan Đình Phùng"},
				          "grounds": "RENT_OR_BORROW", "ownerPersonalId": "001085012345", "until": "%s"}}"""
			.formatted(LocalDate.now(VIETNAM).plusMonths(6)), "Authorization", "Bearer " + applicant);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		String code = JsonPath.read(submitted.body(), "$.code");
		assertThat(act(code, "accept", officer).statusCode()).isEqualTo(200);

		HttpResponse<String> refused = SystemStack.post(gateway + "/api/residence/consent-requests/" + code,
				"{\"consent\": false, \"note\": \"Không cho thuê\"}", "Authorization", "Bearer " + owner);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
		HttpResponse<String> notApproved = act(code, "approve", officer);
		assertThat(notApproved.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(notApproved.body(), "$.detail"))
			.isEqualTo("Có người không đồng ý: không thể giải quyết đăng ký.");

		String reason = "Chủ sở hữu chỗ ở không đồng ý cho đăng ký tạm trú (khoản 1 Điều 28 Luật Cư trú)";
		HttpResponse<String> stopped = SystemStack.post(gateway + "/api/residence/dossiers/" + code + "/stop",
				"{\"reason\": \"" + reason + "\"}", "Authorization", "Bearer " + officer);
		assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(stopped.body(), "$.status")).isEqualTo("STOPPED");

		HttpResponse<String> seen = SystemStack.get(gateway + "/api/residence/dossiers/" + code, "Authorization",
				"Bearer " + applicant);
		assertThat(seen.body()).contains(reason);
		String documents = awaitBody(gateway + "/api/residence/documents?reference=" + code, applicant,
				(body) -> body.contains("RESIDENCE_REFUSAL"));
		List<String> refusals = JsonPath.read(documents, "$[?(@.type == 'RESIDENCE_REFUSAL')].pdf");
		byte[] refusal = SystemStack.getBytes(gateway + refusals.get(0), "Authorization", "Bearer " + applicant).body();
		assertThat(PdfDocuments.flatText(refusal)).contains("TỪ CHỐI GIẢI QUYẾT", "Mã hồ sơ: " + code,
				"Lý do: " + reason);
		// Nothing was registered: the registry keeps no temporary address in Hà Nội for her.
		assertThat(SystemStack.get(gateway + "/api/identity/me", "Authorization", "Bearer " + applicant).body())
			.doesNotContain("Số 18 phố Phan Đình Phùng");
	}

	/** The applicant's proof of the lawful home (a contract, a title), uploaded to the dossier. */
	private static HttpResponse<String> homeProof(String code, String token) {
		return SystemStack.upload(SystemStack.gateway() + "/api/residence/dossiers/" + code + "/attachments", token,
				"HOME-PROOF", "hop-dong.pdf", "%PDF-1.7\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}

	private static HttpResponse<String> act(String code, String action, String token) {
		return SystemStack.post(SystemStack.gateway() + "/api/residence/dossiers/" + code + "/" + action, "",
				"Authorization", "Bearer " + token);
	}

	/** The body once it shows what is awaited (the registry follows the register's events within seconds). */
	private static String awaitBody(String url, String token, Predicate<String> done) throws InterruptedException {
		String body = null;
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		while (System.nanoTime() < deadline) {
			body = SystemStack.get(url, "Authorization", "Bearer " + token).body();
			if (done.test(body)) {
				return body;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("Not seen within 40 s at " + url + ": " + body);
	}

}
