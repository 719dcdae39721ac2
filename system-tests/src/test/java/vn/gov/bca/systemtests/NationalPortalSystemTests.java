package vn.gov.bca.systemtests;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.web.time.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The National Public Service Portal kept in step, through the gateway with the realm's accounts and
 * every real service, the portal played by the national-portal-sandbox that {@code ./run} starts: a
 * passport dossier the national portal files for Phạm Thu Trang moves through its statuses while the
 * portal is down for part of the way, and the portal ends up holding each status once, in order, with
 * the national codes; the portal's lookup through the gateway answers the status; the daily
 * reconciliation, asked for by the administrator, finds and repairs a status changed at the portal.
 */
class NationalPortalSystemTests {

	@Test
	void aPassportDossierFiledAtTheNationalPortalIsKeptInStepThere() throws Exception {
		String gateway = SystemStack.gateway();
		String sandbox = SystemStack.get().nationalPortalSandboxUrl();
		String portal = SystemStack.serviceToken("national-portal");
		String officer = SystemStack.userToken("canbo.hanoi");
		String trang = SystemStack.userToken("phamthutrang");
		String admin = SystemStack.userToken("quantri");

		HttpResponse<String> submitted = SystemStack.post(gateway + "/api/passport/dossiers", """
				{"procedure": "FIRST_ISSUE", "handlingProvince": "01", "phone": "0912000777",
				 "applicantPersonalId": "001302007777",
				 "form": {"holderPersonalId": "001302007777", "holderFullName": "Phạm Thu Trang",
				          "holderBirthDate": "2002-01-20", "sex": "FEMALE", "chip": true, "occupation": "Sinh viên"}}""",
				"Authorization", "Bearer " + portal);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		String code = JsonPath.read(submitted.body(), "$.code");
		assertThat((String) JsonPath.read(submitted.body(), "$.channel")).isEqualTo("ONLINE");
		assertThat(act(code, "accept", officer).statusCode()).isEqualTo(200);
		awaitHistory(sandbox, code, List.of("1", "2"));

		// The portal goes down: the officer and the citizen go on, the updates wait.
		setMode(sandbox, "DOWN");
		int fee;
		try {
			HttpResponse<String> paymentRequested = act(code, "payment-request", officer);
			assertThat(paymentRequested.statusCode()).as(paymentRequested.body()).isEqualTo(200);
			fee = JsonPath.read(paymentRequested.body(), "$.fee.amount");
			SystemStack.payFeeOrder(JsonPath.read(paymentRequested.body(), "$.fee.paymentOrderId"), trang);
			awaitStatus(gateway, code, trang, "IN_PROGRESS");
			HttpResponse<String> approved = act(code, "approve", officer);
			assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
			Thread.sleep(2000);
			assertThat(history(sandbox, code)).containsExactly("1", "2");
			HttpResponse<String> state = SystemStack.get(gateway + "/api/passport/admin/national-portal/dossiers/" + code,
					"Authorization", "Bearer " + admin);
			assertThat((String) JsonPath.read(state.body(), "$.state")).as(state.body()).isEqualTo("WAITING");
		}
		finally {
			setMode(sandbox, "NORMAL");
		}
		HttpResponse<String> returned = SystemStack.post(gateway + "/api/passport/dossiers/" + code + "/return",
				"{\"method\": \"PICKED_UP\"}", "Authorization", "Bearer " + officer);
		assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);

		// Every status once, in the order they happened, with the national codes.
		awaitHistory(sandbox, code, List.of("1", "2", "6", "4", "9", "10"));
		String held = SystemStack.get(sandbox + "/sandbox/dossiers/" + code).body();
		assertThat((String) JsonPath.read(held, "$.MaTTHC")).isEqualTo("1.999001");
		assertThat((String) JsonPath.read(held, "$.KenhThucHien")).isEqualTo("2");
		assertThat((String) JsonPath.read(held, "$.ChuHoSo")).isEqualTo("Phạm Thu Trang");
		assertThat((List<String>) JsonPath.read(held, "$.DanhSachGiayToKetQua[*].MaThanhPhanHoSo"))
			.contains("PASSPORT_RESULT_NOTICE");
		assertThat((List<Integer>) JsonPath.read(held, "$.DanhSachLePhi[*].Gia")).containsExactly(fee);

		// The lookup the portal makes for a citizen who typed the code there: the status, nobody's data.
		HttpResponse<String> lookup = SystemStack.get(gateway + "/api/passport/national-portal/dossiers/" + code,
				"Authorization", "Bearer " + portal);
		assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(lookup.body(), "$.status")).isEqualTo("10");
		assertThat(lookup.body()).doesNotContain("001302007777", "Phạm Thu Trang", "0912000777");
		assertThat(SystemStack.get(gateway + "/api/passport/national-portal/dossiers/" + code, "Authorization",
				"Bearer " + trang).statusCode()).isEqualTo(403);

		// A difference made at the portal: the reconciliation finds it and sends the dossier again.
		HttpResponse<String> overridden = SystemStack.post(sandbox + "/sandbox/dossiers/" + code + "/status",
				"{\"TrangThaiHoSo\": \"8\"}");
		assertThat(overridden.statusCode()).isEqualTo(200);
		String today = VietnamTime.today(Clock.systemUTC()).toString();
		HttpResponse<String> report = SystemStack.post(
				gateway + "/api/passport/admin/national-portal/reconciliations/" + today, "", "Authorization",
				"Bearer " + admin);
		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		String mine = "$.differences[?(@.code == '" + code + "')]";
		assertThat((List<String>) JsonPath.read(report.body(), mine + ".theirs")).containsExactly("8");
		assertThat((List<String>) JsonPath.read(report.body(), mine + ".ours")).containsExactly("10");
		assertThat((List<Boolean>) JsonPath.read(report.body(), mine + ".repaired")).containsExactly(true);
		assertThat((String) JsonPath.read(SystemStack.get(sandbox + "/sandbox/dossiers/" + code).body(),
				"$.TrangThaiHoSo")).isEqualTo("10");
		assertThat(SystemStack.post(gateway + "/api/passport/admin/national-portal/reconciliations/" + today, "",
				"Authorization", "Bearer " + officer).statusCode()).isEqualTo(403);
	}

	private static HttpResponse<String> act(String code, String action, String token) {
		return SystemStack.post(SystemStack.gateway() + "/api/passport/dossiers/" + code + "/" + action, "",
				"Authorization", "Bearer " + token);
	}

	private static void setMode(String sandbox, String mode) {
		HttpResponse<String> set = SystemStack.post(sandbox + "/sandbox/mode", "{\"mode\": \"" + mode + "\"}");
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
	}

	private static void awaitStatus(String gateway, String code, String token, String wanted) throws InterruptedException {
		String status = null;
		for (int i = 0; i < 80 && !wanted.equals(status); i++) {
			Thread.sleep(250);
			status = JsonPath.read(SystemStack.get(gateway + "/api/passport/dossiers/" + code, "Authorization",
					"Bearer " + token).body(), "$.status");
		}
		assertThat(status).isEqualTo(wanted);
	}

	private static void awaitHistory(String sandbox, String code, List<String> wanted) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		List<String> history = history(sandbox, code);
		while (!history.equals(wanted) && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
			history = history(sandbox, code);
		}
		assertThat(history).isEqualTo(wanted);
	}

	private static List<String> history(String sandbox, String code) {
		HttpResponse<String> held = SystemStack.get(sandbox + "/sandbox/dossiers/" + code);
		return (held.statusCode() == 404) ? List.of() : JsonPath.read(held.body(), "$.LichSuTrangThai[*].TrangThaiHoSo");
	}

}
