package vn.gov.bca.systemtests;

import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen's VNeID account from registration to level 2, through the gateway, with the real
 * Keycloak as the account store: an officer enters the citizen in the registry, the citizen
 * registers (anonymously) and signs in at level 1, asks for level 2, an officer verifies them in
 * person and raises the level, which the next token carries; a lock stops sign-in until unlocked.
 */
class AccountSystemTests {

	private static final String PASSWORD = "Mat-khau-2026";

	@Test
	void aCitizenRegistersSignsInAtLevelOneAndIsRaisedToLevelTwoByAnOfficer() {
		String officer = SystemStack.userToken("canbo.hanoi");
		String personalId = "001196" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
		String email = "dang.thi.mai." + personalId + "@example.vn";
		HttpResponse<String> entered = SystemStack.post(SystemStack.gateway() + "/api/identity/citizens", """
				{"personalId": "%s", "fullName": "Đặng Thị Mai", "birthDate": "1996-05-19", "sex": "FEMALE",
				 "permanentAddress": {"provinceCode": "01", "commune": "Phường Ba Đình", "detail": "12 Phan Đình Phùng"}}"""
			.formatted(personalId), "Authorization", "Bearer " + officer);
		assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);

		String registration = """
				{"personalId": "%s", "fullName": "dang thi mai", "birthDate": "1996-05-19", "phone": "0987654321",
				 "email": "%s", "password": "%s"}""".formatted(personalId, email, PASSWORD);
		HttpResponse<String> registered = SystemStack.post(SystemStack.gateway() + "/api/identity/public/accounts",
				registration);
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		assertThat((Integer) JsonPath.read(registered.body(), "$.identityLevel")).isEqualTo(1);
		assertThat(registered.body()).doesNotContain("0987654321").doesNotContain(PASSWORD);

		HttpResponse<String> again = SystemStack.post(SystemStack.gateway() + "/api/identity/public/accounts",
				registration);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(409);

		String levelOne = SystemStack.tokenOf(personalId, PASSWORD);
		assertThat((String) JsonPath.read(SystemStack.claims(levelOne), "$.personal_id")).isEqualTo(personalId);
		assertThat((Integer) JsonPath.read(SystemStack.claims(levelOne), "$.identity_level")).isEqualTo(1);
		HttpResponse<String> me = SystemStack.get(SystemStack.gateway() + "/api/identity/me", "Authorization",
				"Bearer " + levelOne);
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(me.body(), "$.fullName")).isEqualTo("Đặng Thị Mai");

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
		String officer = SystemStack.userToken("canbo.hcm");
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

}
