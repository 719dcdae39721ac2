package vn.gov.bca.systemtests;

import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen's VNeID account from registration to level 2, through the gateway, with the real
 * Keycloak as the account store: an officer enters the citizen in the registry with a phone number,
 * the citizen starts a registration (anonymously), reads the one-time code sent to that phone (the
 * development notification sink: one JSON file per message in {@code <data dir>/notifications}),
 * confirms it and signs in at level 1, asks for level 2, an officer verifies them in person and
 * raises the level, which the next token carries; a lock stops sign-in until unlocked.
 */
class AccountSystemTests {

	private static final String PASSWORD = "Mat-khau-2026";

	@Test
	void aCitizenRegistersSignsInAtLevelOneAndIsRaisedToLevelTwoByAnOfficer() {
		String officer = SystemStack.userToken("canbo.hanoi");
		String personalId = "001196" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
		String phone = "098" + personalId.substring(5);
		HttpResponse<String> entered = SystemStack.post(SystemStack.gateway() + "/api/identity/citizens", """
				{"personalId": "%s", "fullName": "Đặng Thị Mai", "birthDate": "1996-05-19", "sex": "FEMALE",
				 "permanentAddress": {"provinceCode": "01", "commune": "Phường Ba Đình", "detail": "12 Phan Đình Phùng"},
				 "contact": {"phone": "%s"}}"""
			.formatted(personalId, phone), "Authorization", "Bearer " + officer);
		assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);

		HttpResponse<String> started = startRegistration(personalId, phone);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String registrationId = JsonPath.read(started.body(), "$.registrationId");
		assertThat(started.body()).doesNotContain(phone);
		String code = SystemStack.awaitRegistrationCode(phone);

		HttpResponse<String> registered = SystemStack.post(SystemStack.gateway()
				+ "/api/identity/public/account-registrations/" + registrationId + "/confirmation",
				"""
						{"code": "%s", "password": "%s"}""".formatted(code, PASSWORD));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		assertThat((Integer) JsonPath.read(registered.body(), "$.identityLevel")).isEqualTo(1);
		assertThat(registered.body()).doesNotContain(phone).doesNotContain(PASSWORD);

		// Once registered: a new start answers the same, and no code can create a second account.
		HttpResponse<String> again = startRegistration(personalId, phone);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
		HttpResponse<String> confirmedAgain = SystemStack.post(SystemStack.gateway()
				+ "/api/identity/public/account-registrations/" + JsonPath.read(again.body(), "$.registrationId")
				+ "/confirmation", """
						{"code": "%s", "password": "%s"}""".formatted(code, PASSWORD));
		assertThat(confirmedAgain.statusCode()).as(confirmedAgain.body()).isEqualTo(422);

		String levelOne = SystemStack.tokenOf(personalId, PASSWORD);
		assertThat((String) JsonPath.read(SystemStack.claims(levelOne), "$.personal_id")).isEqualTo(personalId);
		assertThat((Integer) JsonPath.read(SystemStack.claims(levelOne), "$.identity_level")).isEqualTo(1);
		HttpResponse<String> me = SystemStack.get(SystemStack.gateway() + "/api/identity/me", "Authorization",
				"Bearer " + levelOne);
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(me.body(), "$.fullName")).isEqualTo("Đặng Thị Mai");
		// Level 1 sees a summary only: no addresses, household, relatives or cards.
		assertThat(me.body()).doesNotContain("permanentAddress").doesNotContain(personalId);

		HttpResponse<String> requested = SystemStack.post(
				SystemStack.gateway() + "/api/identity/me/account/level-2-request", "", "Authorization",
				"Bearer " + levelOne);
		assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);

		HttpResponse<String> approved = SystemStack.post(
				SystemStack.gateway() + "/api/identity/accounts/" + personalId + "/level-2-approval", """
						{"documentChecked": "Căn cước %s", "faceMatched": true, "fingerprintsMatched": true,
						 "note": "Xác thực tại Công an phường Ba Đình"}""".formatted(personalId),
				"Authorization", "Bearer " + officer);
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(approved.body(), "$.appliedToAccountStore")).isTrue();

		String levelTwo = SystemStack.tokenOf(personalId, PASSWORD);
		assertThat((Integer) JsonPath.read(SystemStack.claims(levelTwo), "$.identity_level")).isEqualTo(2);
		assertThat((String) JsonPath.read(SystemStack.claims(levelTwo), "$.personal_id")).isEqualTo(personalId);
	}

	@Test
	void aLockedAccountCannotSignInUntilAnOfficerUnlocksIt() {
		// khachsan.hoguom lives in Hà Nội: only an officer of Hà Nội (or an administrator) may lock her.
		String officer = SystemStack.userToken("canbo.hanoi");
		HttpResponse<String> outside = SystemStack.post(
				SystemStack.gateway() + "/api/identity/accounts/001178005555/lock", """
						{"reason": "LOST_DEVICE"}""", "Authorization", "Bearer " + SystemStack.userToken("canbo.hcm"));
		assertThat(outside.statusCode()).as(outside.body()).isEqualTo(404);
		assertThat(SystemStack.signIn("khachsan.hoguom", SystemStack.DEMO_PASSWORD).statusCode()).isEqualTo(200);

		HttpResponse<String> locked = SystemStack.post(
				SystemStack.gateway() + "/api/identity/accounts/001178005555/lock", """
						{"reason": "LOST_DEVICE", "note": "Báo mất điện thoại"}""", "Authorization", "Bearer " + officer);
		assertThat(locked.statusCode()).as(locked.body()).isEqualTo(200);
		HttpResponse<String> refused = SystemStack.signIn("khachsan.hoguom", SystemStack.DEMO_PASSWORD);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("invalid_grant");

		HttpResponse<String> unlocked = SystemStack.post(
				SystemStack.gateway() + "/api/identity/accounts/001178005555/unlock", "", "Authorization",
				"Bearer " + officer);
		assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
		assertThat(SystemStack.signIn("khachsan.hoguom", SystemStack.DEMO_PASSWORD).statusCode()).isEqualTo(200);
	}

	private static HttpResponse<String> startRegistration(String personalId, String phone) {
		return SystemStack.post(SystemStack.gateway() + "/api/identity/public/account-registrations", """
				{"personalId": "%s", "fullName": "Đặng Thị Mai", "birthDate": "1996-05-19", "channel": "SMS"}"""
			.formatted(personalId));
	}

}
