package vn.gov.bca.nationalportalsandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox as the ministry's sync meets it over HTTP: a session from the account, the dossier
 * sync keeping each status change once and in order, progress only for a dossier it holds, every
 * item of a call checked before any is taken, the lookup, the procedures, the journal across a
 * restart, the misbehaviours (down, slow, errors, sessions expired or outliving their lifetime),
 * and a page that shows what callers sent without running it.
 */
class NationalPortalSandboxTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	Path data;

	@Test
	void aSessionFromTheAccountIsNeededAndAStatusIsHeldOnceEachInOrder() throws Exception {
		try (NationalPortalSandbox portal = NationalPortalSandbox.start(Settings.forTests())) {
			assertThat(signInAnswer(portal, "bca-dvc", "wrong").path("error_code").asInt()).isEqualTo(1);
			assertThat(call(portal, "not-a-session", "TraCuuHoSo", "{\"MaHoSo\": \"X\"}").path("error_code").asInt())
				.isEqualTo(-1);
			String session = signIn(portal);

			assertThat(call(portal, session, "DongBoHoSoMC", "[" + dossier("PA08-HN-261202-0001", "1") + "]")
				.path("error_code").asInt()).isZero();
			call(portal, session, "DongBoHoSoMC", "[" + dossier("PA08-HN-261202-0001", "2") + "]");
			// The same status again (a retried send) is not a change.
			call(portal, session, "DongBoHoSoMC", "[" + dossier("PA08-HN-261202-0001", "2") + "]");
			call(portal, session, "DongBoHoSoMC", "[" + dossier("PA08-HN-261202-0001", "4") + "]");

			JsonNode found = call(portal, session, "TraCuuHoSo", "{\"MaHoSo\": \"PA08-HN-261202-0001\"}");
			assertThat(found.path("error_code").asInt()).isZero();
			assertThat(statuses(found.path("result"))).containsExactly("1", "2", "4");
			assertThat(found.path("result").path("TrangThaiHoSo").asString()).isEqualTo("4");
			assertThat(call(portal, session, "TraCuuHoSo", "{\"MaHoSo\": \"PA08-HN-261202-9999\"}")
				.path("error_code").asInt()).isEqualTo(2);
			assertThat(call(portal, session, "NoSuchService", "{}").path("error_code").asInt()).isEqualTo(3);
		}
	}

	@Test
	void oneItemAtFaultRefusesTheWholeCallNamingItAndNothingIsTaken() throws Exception {
		try (NationalPortalSandbox portal = NationalPortalSandbox.start(Settings.forTests())) {
			String session = signIn(portal);
			JsonNode refused = call(portal, session, "DongBoHoSoMC", "[" + dossier("PA08-HN-261202-0002", "1") + ","
					+ dossier("PA08-HN-261202-0003", "1").replace("20261202090000", "2026-12-02") + "]");
			assertThat(refused.path("error_code").asInt()).isEqualTo(2);
			assertThat(refused.path("message").asString()).contains("data[1].NgayTiepNhan", "yyyyMMddHHmmss");
			assertThat(get(portal, "/sandbox/dossiers").body()).isEqualTo("[]");
			assertThat(call(portal, session, "DongBoHoSoMC", "[" + dossier("PA08-HN-261202-0002", "11") + "]")
				.path("message").asString()).contains("TrangThaiHoSo");

			// Progress only for a dossier the portal holds; the same entry twice is kept once.
			assertThat(call(portal, session, "CapNhatTienDoHoSoMC", "[" + progress("PA08-HN-261202-0002") + "]")
				.path("error_code").asInt()).isEqualTo(2);
			call(portal, session, "DongBoHoSoMC", "[" + dossier("PA08-HN-261202-0002", "2") + "]");
			assertThat(call(portal, session, "CapNhatTienDoHoSoMC", "[" + progress("PA08-HN-261202-0002") + "]")
				.path("error_code").asInt()).isZero();
			call(portal, session, "CapNhatTienDoHoSoMC", "[" + progress("PA08-HN-261202-0002") + "]");
			assertThat(call(portal, session, "TraCuuHoSo", "{\"MaHoSo\": \"PA08-HN-261202-0002\"}").path("result")
				.path("TienDoXuLy")).hasSize(1);
		}
	}

	@Test
	void whatItAcceptedIsStillHeldAfterARestartFromItsJournal() throws Exception {
		Settings settings = Settings.forTests().withDataFile(this.data.resolve("journal.jsonl"));
		try (NationalPortalSandbox portal = NationalPortalSandbox.start(settings)) {
			String session = signIn(portal);
			call(portal, session, "DongBoHoSoMC", "[" + dossier("PC06-HN-261202-0001", "1") + "]");
			call(portal, session, "DongBoHoSoMC", "[" + dossier("PC06-HN-261202-0001", "2") + "]");
			call(portal, session, "CapNhatTienDoHoSoMC", "[" + progress("PC06-HN-261202-0001") + "]");
			call(portal, session, "DongBoThuTuc", """
					[{"MaTTHC": "2.998002", "TenTTHC": "Đổi thẻ căn cước", "MaLinhVuc": "CC", "TenLinhVuc": "Căn cước",
					  "ThoiHanGiaiQuyet": 7}]""");
			// A difference made on the portal's side, as the daily reconciliation must find one.
			assertThat(post(portal, "/sandbox/dossiers/PC06-HN-261202-0001/status", "{\"TrangThaiHoSo\": \"4\"}")
				.statusCode()).isEqualTo(200);
		}
		try (NationalPortalSandbox portal = NationalPortalSandbox.start(settings)) {
			String session = signIn(portal);
			JsonNode found = call(portal, session, "TraCuuHoSo", "{\"MaHoSo\": \"PC06-HN-261202-0001\"}").path("result");
			assertThat(statuses(found)).containsExactly("1", "2", "4");
			assertThat(found.path("LichSuTrangThai").get(2).path("Nguon").asString()).isEqualTo("sandbox");
			assertThat(found.path("TienDoXuLy")).hasSize(1);
			assertThat(call(portal, session, "LayThuTuc", "{\"MaTTHC\": \"2.998002\"}").path("result").path("TenTTHC")
				.asString()).isEqualTo("Đổi thẻ căn cước");
		}
		assertThat(Files.readAllLines(settings.dataFile().orElseThrow())).hasSize(5);
	}

	@Test
	void itMisbehavesOnPurposeDownSlowFailingOrWithSessionsExpired() throws Exception {
		MovableClock clock = new MovableClock();
		try (NationalPortalSandbox portal = NationalPortalSandbox.start(
				Settings.forTests().withSessionLifetime(Duration.ofMinutes(10)), clock)) {
			String session = signIn(portal);
			assertThat(post(portal, "/sandbox/mode", "{\"mode\": \"DOWN\"}").statusCode()).isEqualTo(200);
			assertThat(post(portal, "/api/service", "{}").statusCode()).isEqualTo(503);

			post(portal, "/sandbox/mode", "{\"mode\": \"ERROR\"}");
			assertThat(call(portal, session, "DongBoHoSoMC", "[" + dossier("PA08-HN-261202-0005", "1") + "]")
				.path("error_code").asInt()).isEqualTo(99);
			assertThat(get(portal, "/sandbox/dossiers").body()).isEqualTo("[]");

			post(portal, "/sandbox/mode", "{\"mode\": \"SLOW\", \"delayMillis\": 300}");
			long started = System.nanoTime();
			assertThat(call(portal, session, "DongBoHoSoMC", "[" + dossier("PA08-HN-261202-0005", "1") + "]")
				.path("error_code").asInt()).isZero();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
			assertThat(post(portal, "/sandbox/mode", "{\"mode\": \"SIDEWAYS\"}").statusCode()).isEqualTo(400);
			post(portal, "/sandbox/mode", "{\"mode\": \"NORMAL\"}");

			assertThat(post(portal, "/sandbox/sessions/expire", "").statusCode()).isEqualTo(200);
			assertThat(call(portal, session, "TraCuuHoSo", "{\"MaHoSo\": \"PA08-HN-261202-0005\"}").path("error_code")
				.asInt()).isEqualTo(-1);
			String renewed = signIn(portal);
			assertThat(call(portal, renewed, "TraCuuHoSo", "{\"MaHoSo\": \"PA08-HN-261202-0005\"}").path("error_code")
				.asInt()).isZero();
			// A session outlives its lifetime by not a second.
			clock.advance(Duration.ofMinutes(10));
			assertThat(call(portal, renewed, "TraCuuHoSo", "{\"MaHoSo\": \"PA08-HN-261202-0005\"}").path("error_code")
				.asInt()).isEqualTo(-1);
		}
	}

	@Test
	void thePageListsTheDossiersWithTheirHistoryAndRunsNothingTheySent() throws Exception {
		try (NationalPortalSandbox portal = NationalPortalSandbox.start(Settings.forTests())) {
			String session = signIn(portal);
			call(portal, session, "DongBoHoSoMC",
					"[" + dossier("PA08-HN-261202-0007", "1").replace("Cấp hộ chiếu phổ thông", "<script>alert(1)</script>") + "]");
			call(portal, session, "DongBoHoSoMC", "[" + dossier("PA08-HN-261202-0007", "2") + "]");
			HttpResponse<String> page = get(portal, "/");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("PA08-HN-261202-0007", "Mới đăng ký", "Đã tiếp nhận")
				.doesNotContain("<script>");
			assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
					(policy) -> assertThat(policy).contains("default-src 'none'"));
			byte[] huge = new byte[Routes.MAX_BODY_BYTES + 10];
			java.util.Arrays.fill(huge, (byte) ' ');
			assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(portal.url() + "/api/service"))
				.POST(HttpRequest.BodyPublishers.ofByteArray(huge))
				.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
		}
	}

	static String dossier(String code, String status) {
		return """
				{"MaHoSo": "%s", "MaTTHC": "1.001234", "TenTTHC": "Cấp hộ chiếu phổ thông", "MaLinhVuc": "XNC",
				 "ChuHoSo": "Nguyễn Văn An", "LoaiDoiTuong": "1", "TrangThaiHoSo": "%s", "NgayTiepNhan": "20261202090000",
				 "NgayHenTra": "20261214170000", "HinhThuc": "2", "DonViXuLy": "Phòng Quản lý xuất nhập cảnh Công an thành phố Hà Nội"}"""
			.formatted(code, status);
	}

	static String progress(String code) {
		return """
				{"MaHoSo": "%s", "NguoiXuLy": "canbo.hanoi", "ChucDanh": "Cán bộ", "ThoiDiemXuLy": "20261202100000",
				 "PhongBanXuLy": "PA08-HN", "NoiDungXuLy": "Tiếp nhận hồ sơ", "TrangThai": "2",
				 "NgayBatDau": "20261202100000", "NgayKetThucTheoQuyDinh": "20261214170000"}""".formatted(code);
	}

	private static List<String> statuses(JsonNode dossier) {
		return java.util.stream.StreamSupport.stream(dossier.path("LichSuTrangThai").spliterator(), false)
			.map((change) -> change.path("TrangThaiHoSo").asString())
			.toList();
	}

	private static String signIn(NationalPortalSandbox portal) throws IOException, InterruptedException {
		JsonNode answer = signInAnswer(portal, Settings.DEFAULT_USERNAME, Settings.DEFAULT_PASSWORD);
		assertThat(answer.path("error_code").asInt()).isZero();
		return answer.path("session").asString();
	}

	private static JsonNode signInAnswer(NationalPortalSandbox portal, String username, String password)
			throws IOException, InterruptedException {
		return Json.MAPPER.readTree(post(portal, "/api/auth", """
				{"username": "%s", "password": "%s"}""".formatted(username, password)).body());
	}

	private static JsonNode call(NationalPortalSandbox portal, String session, String service, String data)
			throws IOException, InterruptedException {
		HttpResponse<String> answer = post(portal, "/api/service", """
				{"session": "%s", "madonvi": "G12", "service": "%s", "data": %s}""".formatted(session, service, data));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return Json.MAPPER.readTree(answer.body());
	}

	private static HttpResponse<String> post(NationalPortalSandbox portal, String path, String body)
			throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(portal.url() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(NationalPortalSandbox portal, String path)
			throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(portal.url() + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A clock the test moves. */
	static final class MovableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-12-02T02:00:00Z");

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
