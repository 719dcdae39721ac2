package vn.gov.bca.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.testkit.PdfDocuments;

/**
 * The identity-card procedures through the gateway with the realm's tokens and every real service:
 * Phạm Thu Trang, turning 25, pre-registers the exchange of her card on VNeID and books the counter
 * day; the Hà Nội officer takes her biometrics, approves, produces the card and hands it over; the
 * registry's history, as {@code /api/identity/me} shows it, has the new card valid to her 40th
 * birthday and the old one replaced; the exchange at that age owes nothing; the receipt and the
 * notice of the result are signed documents. Nguyễn Văn An files for his 5-year-old son, with no
 * biometrics. Lý Thị Hoa reports her card lost: the registry's verification refuses it at once; her
 * re-issue's 70,000 VND is paid through fine-payment-service at the payment sandbox, and the new card
 * verifies. A 14-year-old with a level-1 account gets her first card at the counter, and the check in
 * person raises her account to level 2.
 */
class IdentityCardSystemTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final String TRANG = "001302007777";

	/** Lý Thị Hoa (daidien.hoi): no other system test changes her registry record or cards. */
	private static final String HOA = "001175008888";

	@Test
	void aCitizenTurningTwentyFiveExchangesHerCardAndTheRegistryShowsTheNewOne() throws Exception {
		String officer = SystemStack.userToken("canbo.hanoi");
		String citizen = SystemStack.userToken("phamthutrang");
		// Her card, issued at 14, is valid until her 25th birthday (20 Jan 2027).
		HttpResponse<String> old = SystemStack.post(SystemStack.gateway() + "/api/identity/citizens/" + TRANG
				+ "/identity-cards", "{\"issuedOn\": \"2016-03-15\"}", "Authorization", "Bearer " + officer);
		assertThat(old.statusCode()).as(old.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(old.body(), "$.expiresOn")).isEqualTo("2027-01-20");

		String created = submitWithCounterDay(citizen, "EXCHANGE", TRANG, "EXCHANGE_AGE", "COUNTER");
		String code = JsonPath.read(created, "$.code");
		assertThat(code).startsWith("PC06-HN-");
		assertThat((Boolean) JsonPath.read(created, "$.feeExempt")).isTrue();

		assertThat(act(code, "accept", officer).statusCode()).isEqualTo(200);
		HttpResponse<String> noFee = act(code, "payment-request", officer);
		assertThat(noFee.statusCode()).as(noFee.body()).isEqualTo(409);
		HttpResponse<String> captured = biometrics(code, officer);
		assertThat(captured.statusCode()).as(captured.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(captured.body(), "$.biometrics.fingersCaptured")).isEqualTo(10);
		HttpResponse<String> approved = act(code, "approve", officer);
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(approved.body(), "$.status")).isEqualTo("PROCESSED");
		HttpResponse<String> produced = act(code, "card-production", officer);
		assertThat(produced.statusCode()).as(produced.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(produced.body(), "$.card.expiresOn")).isEqualTo("2042-01-20");
		HttpResponse<String> handedOver = handOver(code, "PICKED_UP", officer);
		assertThat(handedOver.statusCode()).as(handedOver.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(handedOver.body(), "$.status")).isEqualTo("RESULT_RETURNED");

		String today = LocalDate.now(VIETNAM).toString();
		String me = await(SystemStack.gateway() + "/api/identity/me", citizen,
				(body) -> body.contains(code));
		List<String> expiries = JsonPath.read(me, "$.identityCards[*].expiresOn");
		assertThat(expiries).containsExactly("2027-01-20", "2042-01-20");
		assertThat((String) JsonPath.read(me, "$.identityCards[0].replacedOn")).isEqualTo(today);
		assertThat((String) JsonPath.read(me, "$.identityCards[1].issuedOn")).isEqualTo(today);

		byte[] result = document(code, "ID_CARD_RESULT", citizen);
		assertThat(PdfDocuments.flatText(result)).contains("THÔNG BÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC VỀ THẺ CĂN CƯỚC",
				"Phạm Thu Trang", "20/01/2042", "Đổi thẻ khi đủ tuổi");
		assertThat((String) JsonPath.read(SystemStack.get(PdfDocuments.qrCode(result)).body(), "$.result"))
			.isEqualTo("VALID");
		assertThat(PdfDocuments.flatText(document(code, "DOSSIER_RECEIPT", citizen))).contains(code);
	}

	@Test
	void aParentFilesForHisFiveYearOldSonWithoutBiometrics() throws Exception {
		String officer = SystemStack.userToken("canbo.hanoi");
		String father = SystemStack.userToken("nguyenvanan");
		LocalDate born = LocalDate.now(VIETNAM).minusYears(5).minusDays(30);
		String son = "001" + "2" + String.format("%02d", born.getYear() % 100) + "5" + String.format("%05d",
				Math.floorMod(System.nanoTime(), 100_000));
		HttpResponse<String> entered = SystemStack.post(SystemStack.gateway() + "/api/identity/citizens", """
				{"personalId": "%s", "fullName": "Nguyễn Minh Nhật", "birthDate": "%s", "sex": "MALE",
				 "nationality": "VN",
				 "permanentAddress": {"asRecorded": "Số 18 phố Phan Đình Phùng, Hà Nội", "provinceCode": "01",
				                      "commune": "Phường Ba Đình", "detail": "Số 18 phố Phan Đình Phùng"},
				 "father": {"personalId": "001085012345", "fullName": "Nguyễn Văn An"}}""".formatted(son, born),
				"Authorization", "Bearer " + officer);
		assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);

		// Another citizen may not file for him, and learns nothing about him.
		HttpResponse<String> stranger = submit(SystemStack.userToken("tranthibich"), "ISSUE",
				form(son, "FIRST_ISSUE", null, "COUNTER"));
		assertThat(stranger.statusCode()).as(stranger.body()).isEqualTo(422);
		assertThat((String) JsonPath.read(stranger.body(), "$.errors[0].code"))
			.isEqualTo("identity-card.holder-not-confirmed");

		HttpResponse<String> created = submit(father, "ISSUE", form(son, "FIRST_ISSUE", null, "COUNTER"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String code = JsonPath.read(created.body(), "$.code");
		assertThat(act(code, "accept", officer).statusCode()).isEqualTo(200);
		HttpResponse<String> noBiometrics = biometrics(code, officer);
		assertThat(noBiometrics.statusCode()).as(noBiometrics.body()).isEqualTo(409);
		assertThat(act(code, "approve", officer).statusCode()).isEqualTo(200);
		HttpResponse<String> produced = act(code, "card-production", officer);
		assertThat(produced.statusCode()).as(produced.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(produced.body(), "$.card.expiresOn")).isEqualTo(born.plusYears(14).toString());
		assertThat(handOver(code, "PICKED_UP", officer).statusCode()).isEqualTo(200);
		// The father, who filed, reads the dossier and downloads his son's notice.
		assertThat(PdfDocuments.flatText(document(code, "ID_CARD_RESULT", father))).contains("Nguyễn Minh Nhật");
	}

	@Test
	void aCardReportedLostIsRefusedAtOnceAndItsReissueIsPaidThroughFinePayment() throws Exception {
		String officer = SystemStack.userToken("canbo.hanoi");
		String citizen = SystemStack.userToken("daidien.hoi");
		String passportService = SystemStack.serviceToken("passport-service");
		String issuedOn = LocalDate.now(VIETNAM).minusYears(3).toString();
		HttpResponse<String> card = SystemStack.post(SystemStack.gateway() + "/api/identity/citizens/" + HOA
				+ "/identity-cards", "{\"issuedOn\": \"" + issuedOn + "\"}", "Authorization", "Bearer " + officer);
		assertThat(card.statusCode()).as(card.body()).isEqualTo(201);
		assertThat(verifies(passportService, issuedOn)).isTrue();

		HttpResponse<String> lost = SystemStack.post(SystemStack.gateway() + "/api/identity/me/identity-card/loss-report",
				"", "Authorization", "Bearer " + citizen);
		assertThat(lost.statusCode()).as(lost.body()).isEqualTo(200);
		assertThat(verifies(passportService, issuedOn)).isFalse();

		String code = JsonPath.read(submitWithCounterDay(citizen, "REISSUE", HOA, "LOST", "COUNTER"), "$.code");
		assertThat(code).startsWith("PC06-HN-");
		assertThat(act(code, "accept", officer).statusCode()).isEqualTo(200);
		assertThat(biometrics(code, officer).statusCode()).isEqualTo(200);
		HttpResponse<String> unpaid = act(code, "approve", officer);
		assertThat(unpaid.statusCode()).as(unpaid.body()).isEqualTo(409);
		assertThat((String) JsonPath.read(unpaid.body(), "$.detail")).contains("70.000");
		HttpResponse<String> requested = act(code, "payment-request", officer);
		assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(requested.body(), "$.fee.amount")).isEqualTo(70000);
		SystemStack.payFeeOrder(JsonPath.read(requested.body(), "$.fee.paymentOrderId"), citizen);
		await(SystemStack.gateway() + "/api/identity/dossiers/" + code, citizen,
				(body) -> body.contains("\"status\":\"IN_PROGRESS\""));
		assertThat(act(code, "approve", officer).statusCode()).isEqualTo(200);
		assertThat(act(code, "card-production", officer).statusCode()).isEqualTo(200);
		assertThat(handOver(code, "PICKED_UP", officer).statusCode()).isEqualTo(200);

		String today = LocalDate.now(VIETNAM).toString();
		await(SystemStack.gateway() + "/api/identity/me", citizen, (body) -> body.contains(code));
		assertThat(verifies(passportService, today)).isTrue();
		assertThat(verifies(passportService, issuedOn)).isFalse();
	}

	@Test
	void aFourteenYearOldsFirstCardAtTheCounterRaisesTheirAccountToLevelTwo() throws Exception {
		String officer = SystemStack.userToken("canbo.hanoi");
		LocalDate born = LocalDate.now(VIETNAM).minusYears(14).minusDays(10);
		String holder = "001" + "3" + String.format("%02d", born.getYear() % 100) + "6" + String.format("%05d",
				Math.floorMod(System.nanoTime(), 100_000));
		String phone = "097" + holder.substring(5);
		HttpResponse<String> entered = SystemStack.post(SystemStack.gateway() + "/api/identity/citizens", """
				{"personalId": "%s", "fullName": "Lương Thảo Vy", "birthDate": "%s", "sex": "FEMALE", "nationality": "VN",
				 "permanentAddress": {"provinceCode": "01", "commune": "Phường Ba Đình", "detail": "7 Phan Đình Phùng"},
				 "contact": {"phone": "%s"}}""".formatted(holder, born, phone), "Authorization", "Bearer " + officer);
		assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
		// Her VNeID account, registered with the code sent to the phone the registry holds: level 1.
		HttpResponse<String> started = SystemStack.post(SystemStack.gateway() + "/api/identity/public/account-registrations",
				"""
						{"personalId": "%s", "fullName": "Lương Thảo Vy", "birthDate": "%s", "channel": "SMS"}"""
					.formatted(holder, born));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		HttpResponse<String> registered = SystemStack.post(SystemStack.gateway()
				+ "/api/identity/public/account-registrations/" + JsonPath.read(started.body(), "$.registrationId")
				+ "/confirmation", """
						{"code": "%s", "password": "Mat-khau-2026"}""".formatted(SystemStack.awaitRegistrationCode(phone)));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		String levelOne = SystemStack.tokenOf(holder, "Mat-khau-2026");
		assertThat((Integer) JsonPath.read(SystemStack.claims(levelOne), "$.identity_level")).isEqualTo(1);

		// Pre-registering online needs level 2: she goes to the counter, where the officer files.
		HttpResponse<String> online = submit(levelOne, "ISSUE", form(holder, "FIRST_ISSUE", null, "COUNTER"));
		assertThat(online.statusCode()).as(online.body()).isEqualTo(403);
		HttpResponse<String> atCounter = SystemStack.post(SystemStack.gateway() + "/api/identity/dossiers", """
				{"procedure": "ISSUE", "applicantPersonalId": "%s", "applicantFullName": "Lương Thảo Vy",
				 "form": %s}""".formatted(holder, form(holder, "FIRST_ISSUE", null, "COUNTER")), "Authorization",
				"Bearer " + officer);
		assertThat(atCounter.statusCode()).as(atCounter.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(atCounter.body(), "$.channel")).isEqualTo("COUNTER");
		String code = JsonPath.read(atCounter.body(), "$.code");
		assertThat(act(code, "accept", officer).statusCode()).isEqualTo(200);
		assertThat(biometrics(code, officer).statusCode()).isEqualTo(200);
		assertThat(act(code, "approve", officer).statusCode()).isEqualTo(200);
		HttpResponse<String> produced = act(code, "card-production", officer);
		assertThat(produced.statusCode()).as(produced.body()).isEqualTo(200);
		// A first card at 14 is valid to 25.
		assertThat((String) JsonPath.read(produced.body(), "$.card.expiresOn")).isEqualTo(born.plusYears(25).toString());
		assertThat(handOver(code, "PICKED_UP", officer).statusCode()).isEqualTo(200);

		// The check in person at the counter raised her account: her next token is level 2.
		int level = 1;
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		while (level < 2 && System.nanoTime() < deadline) {
			Thread.sleep(500);
			level = JsonPath.read(SystemStack.claims(SystemStack.tokenOf(holder, "Mat-khau-2026")), "$.identity_level");
		}
		assertThat(level).isEqualTo(2);
		String account = SystemStack.get(SystemStack.gateway() + "/api/identity/me/account", "Authorization",
				"Bearer " + SystemStack.tokenOf(holder, "Mat-khau-2026")).body();
		assertThat((Integer) JsonPath.read(account, "$.identityLevel")).isEqualTo(2);
		assertThat((String) JsonPath.read(account, "$.level2Request.verifyingAgency")).isEqualTo("PA08-HN");
	}

	/** What another service is told of the card presented (its issue date as printed). */
	private static boolean verifies(String serviceToken, String cardIssuedOn) {
		HttpResponse<String> answer = SystemStack.post(SystemStack.gateway() + "/api/identity/registry/verifications", """
				{"personalId": "%s", "fullName": "Lý Thị Hoa", "birthDate": "1975-03-08", "cardIssuedOn": "%s"}"""
			.formatted(HOA, cardIssuedOn), "Authorization", "Bearer " + serviceToken, "X-Purpose", "passport application");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return JsonPath.read(answer.body(), "$.match");
	}

	/** Pre-registered online on the first counter day the unit takes (a working day from tomorrow). */
	private static String submitWithCounterDay(String token, String procedure, String holder, String ground,
			String delivery) {
		LocalDate day = LocalDate.now(VIETNAM).plusDays(1);
		for (int i = 0; i < 14; i++, day = day.plusDays(1)) {
			HttpResponse<String> answer = submit(token, procedure, form(holder, ground, day.toString(), delivery));
			if (answer.statusCode() == 201) {
				return answer.body();
			}
			assertThat(answer.body()).as("only a day that is not a working day may be refused")
				.contains("identity-card.capture-day-invalid");
		}
		throw new AssertionError("No counter day accepted in two weeks");
	}

	private static String form(String holder, String ground, String captureDay, String delivery) {
		return """
				{"holderPersonalId": "%s", "ground": "%s", "captureDay": %s, "delivery": "%s"}""".formatted(holder,
				ground, (captureDay == null) ? "null" : "\"" + captureDay + "\"", delivery);
	}

	private static HttpResponse<String> submit(String token, String procedure, String form) {
		return SystemStack.post(SystemStack.gateway() + "/api/identity/dossiers",
				"{\"procedure\": \"" + procedure + "\", \"form\": " + form + "}", "Authorization", "Bearer " + token);
	}

	private static HttpResponse<String> biometrics(String code, String officer) {
		StringBuilder fingers = new StringBuilder();
		String[] names = { "RIGHT_THUMB", "RIGHT_INDEX", "RIGHT_MIDDLE", "RIGHT_RING", "RIGHT_LITTLE", "LEFT_THUMB",
				"LEFT_INDEX", "LEFT_MIDDLE", "LEFT_RING", "LEFT_LITTLE" };
		for (int i = 0; i < names.length; i++) {
			fingers.append((i > 0) ? "," : "")
				.append("{\"finger\": \"").append(names[i]).append("\", \"reference\": \"BIO-FP-")
				.append(code).append('-').append(i).append("\", \"quality\": \"GOOD\"}");
		}
		return SystemStack.post(SystemStack.gateway() + "/api/identity/dossiers/" + code + "/biometrics", """
				{"face": {"reference": "BIO-FACE-%s", "quality": "GOOD"}, "fingerprints": [%s],
				 "irises": [{"eye": "RIGHT", "reference": "BIO-IRIS-R-%s", "quality": "GOOD"},
				            {"eye": "LEFT", "reference": "BIO-IRIS-L-%s", "quality": "GOOD"}]}"""
			.formatted(code, fingers, code, code), "Authorization", "Bearer " + officer);
	}

	private static HttpResponse<String> act(String code, String action, String token) {
		return SystemStack.post(SystemStack.gateway() + "/api/identity/dossiers/" + code + "/" + action, "",
				"Authorization", "Bearer " + token);
	}

	private static HttpResponse<String> handOver(String code, String method, String token) {
		return SystemStack.post(SystemStack.gateway() + "/api/identity/dossiers/" + code + "/return",
				"{\"method\": \"" + method + "\"}", "Authorization", "Bearer " + token);
	}

	private static byte[] document(String code, String type, String token) throws InterruptedException {
		String documents = await(SystemStack.gateway() + "/api/identity/documents?reference=" + code, token,
				(body) -> body.contains(type));
		List<String> pdfs = JsonPath.read(documents, "$[?(@.type == '" + type + "')].pdf");
		HttpResponse<byte[]> pdf = SystemStack.getBytes(SystemStack.gateway() + pdfs.get(0), "Authorization",
				"Bearer " + token);
		assertThat(pdf.statusCode()).isEqualTo(200);
		return pdf.body();
	}

	private static String await(String url, String token, Predicate<String> done) throws InterruptedException {
		String body = null;
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		while (System.nanoTime() < deadline) {
			body = SystemStack.get(url, "Authorization", "Bearer " + token).body();
			if (done.test(body)) {
				return body;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("Not reached in 40 s at " + url + ": " + body);
	}

}
