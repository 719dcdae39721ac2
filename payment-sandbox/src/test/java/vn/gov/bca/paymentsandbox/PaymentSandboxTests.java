package vn.gov.bca.paymentsandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

class PaymentSandboxTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private final TestClock clock = new TestClock();

	private MerchantServer merchant;
	private PaymentSandbox sandbox;

	@TempDir
	Path dir;

	@BeforeEach
	void start() throws IOException {
		merchant = new MerchantServer();
		sandbox = PaymentSandbox.start(Settings.forTests().withClock(clock));
	}

	@AfterEach
	void stop() {
		sandbox.close();
		merchant.close();
	}

	@Test
	void createsACheckoutAndFindsTheSameOneForTheSameOrderAndAmount() throws Exception {
		HttpResponse<String> first = createCheckout("QD-1001", 1_234_000);
		HttpResponse<String> again = createCheckout("QD-1001", 1_234_000);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
		JsonNode checkout = json(first);
		String checkoutId = checkout.get("checkoutId").stringValue();
		assertThat(checkout.get("checkoutUrl").stringValue()).isEqualTo(sandbox.url() + "/checkout/" + checkoutId);
		assertThat(Instant.parse(checkout.get("expiresAt").stringValue()))
				.isBetween(clock.instant().plus(Duration.ofMinutes(29)), clock.instant().plus(Duration.ofMinutes(31)));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(json(again)).isEqualTo(checkout);
		assertThat(sandbox.transactions()).singleElement()
				.satisfies(transaction -> assertThat(transaction.status()).isEqualTo(TransactionStatus.PENDING));
	}

	@Test
	void refusesTheSameOrderWithAnotherAmount() throws Exception {
		createCheckout("QD-1002", 500_000);

		HttpResponse<String> response = createCheckout("QD-1002", 600_000);

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(json(response).get("error").stringValue()).contains("QD-1002");
	}

	@Test
	void refusesABodyThatIsNotACheckout() throws Exception {
		assertThat(signedPost("/api/v1/checkouts", "not json").statusCode()).isEqualTo(400);
		assertThat(signedPost("/api/v1/checkouts", "[]").statusCode()).isEqualTo(400);
		for (String amount : List.of("0", "-5", "\"150000\"", "1500.5", "null")) {
			HttpResponse<String> response = signedPost("/api/v1/checkouts", checkoutBody("QD-1003", amount));
			assertThat(response.statusCode()).as("amount %s", amount).isEqualTo(400);
			assertThat(json(response).get("error").stringValue()).contains("amount");
		}
		assertThat(signedPost("/api/v1/checkouts", checkoutBody("QD 1003/2026", "1000")).statusCode()).isEqualTo(400);
		assertThat(signedPost("/api/v1/checkouts",
				"{\"merchantOrderId\":\"QD-1003\",\"amount\":1000,\"description\":\"x\"}").statusCode())
				.isEqualTo(400);
		assertThat(sandbox.transactions()).isEmpty();
	}

	@Test
	void refusesAWrongSignatureAnUnknownMerchantAndAStaleTimestamp() throws Exception {
		clock.set(Instant.parse("2026-03-02T02:00:00Z"));
		String body = checkoutBody("QD-1004", "150000");
		Instant now = clock.instant();

		HttpResponse<String> wrongKey = send(post("/api/v1/checkouts", body,
				Signatures.headers(Settings.DEFAULT_MERCHANT_ID, "another-secret", now, body)));
		HttpResponse<String> unknownMerchant = send(post("/api/v1/checkouts", body,
				Signatures.headers("SOMEONE-ELSE", Settings.DEFAULT_SECRET, now, body)));
		HttpResponse<String> stale = send(post("/api/v1/checkouts", body,
				Signatures.headers(Settings.DEFAULT_MERCHANT_ID, Settings.DEFAULT_SECRET, now.minusSeconds(301), body)));
		HttpResponse<String> early = send(post("/api/v1/checkouts", body,
				Signatures.headers(Settings.DEFAULT_MERCHANT_ID, Settings.DEFAULT_SECRET, now.plusSeconds(301), body)));
		HttpResponse<String> changedBody = send(post("/api/v1/checkouts", body.replace("150000", "1000"),
				Signatures.headers(Settings.DEFAULT_MERCHANT_ID, Settings.DEFAULT_SECRET, now, body)));
		HttpResponse<String> unsigned = send(HttpRequest.newBuilder(uri("/api/v1/transactions/QD-1004")).GET().build());

		assertThat(List.of(wrongKey, unknownMerchant, stale, early, changedBody, unsigned))
				.allSatisfy(response -> {
					assertThat(response.statusCode()).isEqualTo(401);
					assertThat(json(response).get("error").isString()).isTrue();
				});
		assertThat(json(unknownMerchant).get("error").stringValue()).isEqualTo("unknown merchant");
		assertThat(json(wrongKey).get("error").stringValue()).isEqualTo("bad signature");
		assertThat(sandbox.transactions()).isEmpty();
	}

	@Test
	void signsLikeTheDocumentedExample() {
		// The same as: printf '%s' "1767225600.$BODY" | openssl dgst -sha256 -hmac payment-sandbox-dev-secret
		String body = "{\"merchantOrderId\":\"QD-1\",\"amount\":150000}";

		assertThat(Signatures.sign(Settings.DEFAULT_SECRET, "1767225600", body))
				.isEqualTo("sha256=a582a8f0cf7fc1444663cdfc8f9276420c8f944938c51dab4ee26c5c63e2de70");
	}

	@Test
	void showsTheCheckoutPageInVietnamese() throws Exception {
		String checkoutId = checkoutId(createCheckout("QD-1005", 1_234_000));

		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/checkout/" + checkoutId)).GET().build());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
		assertThat(page.body())
				.contains("<html lang=\"vi\">", "<meta charset=\"utf-8\">", "Cổng thanh toán (môi trường thử nghiệm)",
						"BCA-DVC", "Nộp phạt vi phạm giao thông &lt;QD-1005&gt;", "1.234.000 ₫",
						"<form method=\"post\" action=\"/checkout/" + checkoutId + "\">",
						"name=\"action\" value=\"pay\"", ">Thanh toán<", "name=\"action\" value=\"fail\"",
						">Giả lập thất bại<", "name=\"action\" value=\"cancel\"", ">Hủy<");
		assertThat(send(HttpRequest.newBuilder(uri("/checkout/no-such-checkout")).GET().build()))
				.satisfies(missing -> {
					assertThat(missing.statusCode()).isEqualTo(404);
					assertThat(missing.body()).contains("<html lang=\"vi\">", "Không tìm thấy");
				});
	}

	@Test
	void payingSendsASignedCallbackAndTheCitizenBackToTheMerchant() throws Exception {
		String checkoutId = checkoutId(createCheckout("QD-1006", 150_000));

		HttpResponse<String> submitted = submit(checkoutId, "pay");

		assertThat(submitted.statusCode()).isEqualTo(303);
		assertThat(submitted.headers().firstValue("Location"))
				.hasValue(merchant.returnUrl() + "&merchantOrderId=QD-1006&status=SUCCEEDED");
		MerchantServer.Callback callback = merchant.next(WAIT).orElseThrow();
		assertThat(callback.merchantId()).isEqualTo("BCA-DVC");
		assertThat(callback.signedWith(Settings.DEFAULT_SECRET)).isTrue();
		assertThat(Long.parseLong(callback.timestamp())).isCloseTo(clock.instant().getEpochSecond(),
				org.assertj.core.data.Offset.offset(5L));
		JsonNode body = Json.MAPPER.readTree(callback.body());
		Transaction paid = sandbox.transaction("QD-1006").orElseThrow();
		assertThat(paid.status()).isEqualTo(TransactionStatus.SUCCEEDED);
		assertThat(paid.transactionId().orElseThrow()).matches("SBX\\d{8}\\d{6}");
		assertThat(body.get("merchantId").stringValue()).isEqualTo("BCA-DVC");
		assertThat(body.get("merchantOrderId").stringValue()).isEqualTo("QD-1006");
		assertThat(body.get("transactionId").stringValue()).isEqualTo(paid.transactionId().orElseThrow());
		assertThat(body.get("amount").longValue()).isEqualTo(150_000);
		assertThat(body.get("status").stringValue()).isEqualTo("SUCCEEDED");
		assertThat(Instant.parse(body.get("paidAt").stringValue())).isEqualTo(paid.paidAt().orElseThrow());
	}

	@Test
	void recordsTheOutcomeOnceAndOnlyOnce() throws Exception {
		String checkoutId = checkoutId(createCheckout("QD-1007", 150_000));
		submit(checkoutId, "pay");
		merchant.next(WAIT).orElseThrow();
		Transaction paid = sandbox.transaction("QD-1007").orElseThrow();

		HttpResponse<String> again = submit(checkoutId, "fail");

		assertThat(again.statusCode()).isEqualTo(303);
		assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("status=SUCCEEDED");
		assertThat(sandbox.transaction("QD-1007")).contains(paid);
		assertThat(merchant.next(Duration.ofMillis(500))).isEmpty();
		assertThat(send(HttpRequest.newBuilder(uri("/checkout/" + checkoutId)).GET().build()).body())
				.contains("Thanh toán thành công", paid.transactionId().orElseThrow())
				.doesNotContain("<form");
	}

	@Test
	void failingAndCancellingAreRecordedWithoutATransactionId() throws Exception {
		String failing = checkoutId(createCheckout("QD-1008", 150_000, false));
		String cancelling = checkoutId(createCheckout("QD-1009", 150_000));

		HttpResponse<String> failed = submit(failing, "fail");
		submit(cancelling, "cancel");

		assertThat(failed.statusCode()).isEqualTo(200);
		assertThat(failed.body()).contains("Thanh toán thất bại");
		JsonNode failedStatus = status("QD-1008");
		assertThat(failedStatus.get("status").stringValue()).isEqualTo("FAILED");
		assertThat(failedStatus.get("transactionId").isNull()).isTrue();
		assertThat(failedStatus.get("paidAt").isNull()).isTrue();
		assertThat(status("QD-1009").get("status").stringValue()).isEqualTo("CANCELLED");
		List<String> statuses = List.of(bodyOf(merchant.next(WAIT).orElseThrow()).get("status").stringValue(),
				bodyOf(merchant.next(WAIT).orElseThrow()).get("status").stringValue());
		assertThat(statuses).containsExactlyInAnyOrder("FAILED", "CANCELLED");
		assertThat(submit(failing, "dance").statusCode()).isEqualTo(400);
	}

	@Test
	void duplicateModeDeliversTheSameCallbackThreeTimes() throws Exception {
		sandbox.setCallbackMode(CallbackMode.DUPLICATE, Duration.ZERO);
		String checkoutId = checkoutId(createCheckout("QD-1010", 150_000));

		submit(checkoutId, "pay");

		List<MerchantServer.Callback> callbacks = List.of(merchant.next(WAIT).orElseThrow(),
				merchant.next(WAIT).orElseThrow(), merchant.next(WAIT).orElseThrow());
		assertThat(callbacks).allSatisfy(callback -> assertThat(callback.signedWith(Settings.DEFAULT_SECRET)).isTrue());
		assertThat(callbacks).extracting(MerchantServer.Callback::body).containsOnly(callbacks.get(0).body());
		assertThat(bodyOf(callbacks.get(0)).get("transactionId").stringValue())
				.isEqualTo(sandbox.transaction("QD-1010").orElseThrow().transactionId().orElseThrow());
		assertThat(Duration.between(callbacks.get(1).receivedAt(), callbacks.get(2).receivedAt()))
				.isGreaterThanOrEqualTo(Duration.ofMillis(800));
		assertThat(merchant.next(Duration.ofMillis(1500))).isEmpty();
	}

	@Test
	void missingModeSendsNothing() throws Exception {
		sandbox.setCallbackMode(CallbackMode.MISSING);
		String checkoutId = checkoutId(createCheckout("QD-1011", 150_000));

		submit(checkoutId, "pay");

		assertThat(merchant.next(Duration.ofSeconds(2))).isEmpty();
		assertThat(status("QD-1011").get("status").stringValue()).isEqualTo("SUCCEEDED");
	}

	@Test
	void tamperedAmountModeSignsAnAmount1000Higher() throws Exception {
		sandbox.setCallbackMode(CallbackMode.TAMPERED_AMOUNT);
		String checkoutId = checkoutId(createCheckout("QD-1012", 150_000));

		submit(checkoutId, "pay");

		MerchantServer.Callback callback = merchant.next(WAIT).orElseThrow();
		assertThat(callback.signedWith(Settings.DEFAULT_SECRET)).isTrue();
		assertThat(bodyOf(callback).get("amount").longValue()).isEqualTo(151_000);
		assertThat(status("QD-1012").get("amount").longValue()).isEqualTo(150_000);
	}

	@Test
	void badSignatureModeSignsWithAnotherKey() throws Exception {
		sandbox.setCallbackMode(CallbackMode.BAD_SIGNATURE);
		String checkoutId = checkoutId(createCheckout("QD-1013", 150_000));

		submit(checkoutId, "pay");

		MerchantServer.Callback callback = merchant.next(WAIT).orElseThrow();
		assertThat(callback.signature()).startsWith("sha256=");
		assertThat(callback.signedWith(Settings.DEFAULT_SECRET)).isFalse();
		assertThat(bodyOf(callback).get("amount").longValue()).isEqualTo(150_000);
	}

	@Test
	void lateModeDeliversAfterTheDelay() throws Exception {
		sandbox.setCallbackMode(CallbackMode.LATE, Duration.ofSeconds(1));
		String checkoutId = checkoutId(createCheckout("QD-1014", 150_000));
		Instant paid = Instant.now();

		HttpResponse<String> submitted = submit(checkoutId, "pay");

		assertThat(submitted.statusCode()).isEqualTo(303);
		assertThat(status("QD-1014").get("status").stringValue()).isEqualTo("SUCCEEDED");
		assertThat(merchant.next(Duration.ofMillis(700))).isEmpty();
		MerchantServer.Callback callback = merchant.next(WAIT).orElseThrow();
		assertThat(Duration.between(paid, callback.receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
		assertThat(callback.signedWith(Settings.DEFAULT_SECRET)).isTrue();
	}

	@Test
	void retriesACallbackTheMerchantDidNotAccept() throws Exception {
		merchant.answerWith(500, 503);
		String checkoutId = checkoutId(createCheckout("QD-1015", 150_000));

		submit(checkoutId, "pay");

		List<MerchantServer.Callback> callbacks = List.of(merchant.next(WAIT).orElseThrow(),
				merchant.next(WAIT).orElseThrow(), merchant.next(WAIT).orElseThrow());
		assertThat(callbacks).extracting(MerchantServer.Callback::body).containsOnly(callbacks.get(0).body());
		assertThat(merchant.next(Duration.ofSeconds(1))).isEmpty();
	}

	@Test
	void givesUpAfterThreeRetries() throws Exception {
		merchant.answerWith(500, 500, 500, 500, 500, 500);
		String checkoutId = checkoutId(createCheckout("QD-1016", 150_000));

		submit(checkoutId, "pay");

		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(merchant.next(WAIT)).as("attempt %d", attempt).isPresent();
		}
		assertThat(merchant.next(Duration.ofMillis(1500))).isEmpty();
		assertThat(merchant.received()).hasSize(4);
	}

	@Test
	void retriesAMerchantThatCannotBeReached() throws Exception {
		String checkoutId = checkoutId(createCheckout("QD-1017", 150_000));
		int port = merchant.port();
		merchant.close();

		submit(checkoutId, "pay");
		Thread.sleep(150); // the first attempt and the first retry find nobody
		merchant = new MerchantServer(port);

		MerchantServer.Callback callback = merchant.next(WAIT).orElseThrow();
		assertThat(bodyOf(callback).get("merchantOrderId").stringValue()).isEqualTo("QD-1017");
		assertThat(callback.signedWith(Settings.DEFAULT_SECRET)).isTrue();
	}

	@Test
	void answersTheStatusOfAnOrder() throws Exception {
		String checkoutId = checkoutId(createCheckout("QD-1018", 150_000));

		JsonNode pending = status("QD-1018");

		assertThat(pending.get("merchantOrderId").stringValue()).isEqualTo("QD-1018");
		assertThat(pending.get("checkoutId").stringValue()).isEqualTo(checkoutId);
		assertThat(pending.get("amount").longValue()).isEqualTo(150_000);
		assertThat(pending.get("status").stringValue()).isEqualTo("PENDING");
		assertThat(pending.get("transactionId").isNull()).isTrue();
		assertThat(signedGet("/api/v1/transactions/QD-9999").statusCode()).isEqualTo(404);

		submit(checkoutId, "pay");
		JsonNode paid = status("QD-1018");
		assertThat(paid.get("status").stringValue()).isEqualTo("SUCCEEDED");
		assertThat(paid.get("transactionId").stringValue()).startsWith("SBX");
		assertThat(paid.get("paidAt").isString()).isTrue();
	}

	@Test
	void aCheckoutNotPaidWithinThirtyMinutesExpires() throws Exception {
		clock.set(Instant.parse("2026-03-02T02:00:00Z"));
		String checkoutId = checkoutId(createCheckout("QD-1019", 150_000));
		clock.advance(Duration.ofMinutes(30));

		assertThat(status("QD-1019").get("status").stringValue()).isEqualTo("EXPIRED");
		assertThat(send(HttpRequest.newBuilder(uri("/checkout/" + checkoutId)).GET().build()).body())
				.contains("Phiên thanh toán đã hết hạn")
				.doesNotContain("<form");
		assertThat(submit(checkoutId, "pay").headers().firstValue("Location").orElseThrow()).endsWith("status=EXPIRED");
		assertThat(merchant.next(Duration.ofMillis(500))).isEmpty();
		assertThat(sandbox.transaction("QD-1019").orElseThrow().status()).isEqualTo(TransactionStatus.EXPIRED);
	}

	@Test
	void settlesTheSuccessfulPaymentsOfADayInVietnamTime() throws Exception {
		clock.set(Instant.parse("2026-01-15T16:30:00Z")); // 23:30 on the 15th in Hà Nội
		submit(checkoutId(createCheckout("QD-1020", 100_000)), "pay");
		submit(checkoutId(createCheckout("QD-1021", 200_000)), "fail");
		createCheckout("QD-1022", 300_000);
		clock.set(Instant.parse("2026-01-15T17:30:00Z")); // 00:30 on the 16th
		submit(checkoutId(createCheckout("QD-1023", 400_000)), "pay");
		HttpResponse<String> foreign = send(HttpRequest.newBuilder(uri("/sandbox/settlements"))
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"merchantOrderId\":\"QD-1024\",\"amount\":500000,\"paidAt\":\"2026-01-15T01:00:00Z\"}"))
				.build());

		JsonNode fifteenth = json(signedGet("/api/v1/settlements?date=2026-01-15"));
		JsonNode sixteenth = json(signedGet("/api/v1/settlements?date=2026-01-16"));

		assertThat(foreign.statusCode()).isEqualTo(201);
		assertThat(fifteenth.get("date").stringValue()).isEqualTo("2026-01-15");
		assertThat(fifteenth.get("transactions").valueStream().map(t -> t.get("merchantOrderId").stringValue()))
				.containsExactly("QD-1024", "QD-1020");
		assertThat(fifteenth.get("transactions").get(1).get("amount").longValue()).isEqualTo(100_000);
		assertThat(fifteenth.get("transactions").get(1).get("transactionId").stringValue()).startsWith("SBX20260115");
		assertThat(fifteenth.get("transactions").get(1).get("paidAt").stringValue()).isEqualTo("2026-01-15T16:30:00Z");
		assertThat(sixteenth.get("transactions").valueStream().map(t -> t.get("merchantOrderId").stringValue()))
				.containsExactly("QD-1023");
		assertThat(signedGet("/api/v1/settlements?date=15/01/2026").statusCode()).isEqualTo(400);
		assertThat(signedGet("/api/v1/settlements").statusCode()).isEqualTo(400);
	}

	@Test
	void recordsAPaymentThePlatformTookWithoutACheckoutOfOurs() throws Exception {
		Transaction foreign = sandbox.recordForeignPayment("QD-1025", 250_000);

		assertThat(foreign.checkoutId()).isEmpty();
		JsonNode status = status("QD-1025");
		assertThat(status.get("status").stringValue()).isEqualTo("SUCCEEDED");
		assertThat(status.get("checkoutId").isNull()).isTrue();
		assertThat(status.get("transactionId").stringValue()).isEqualTo(foreign.transactionId().orElseThrow());
		assertThat(createCheckout("QD-1025", 250_000).statusCode()).isEqualTo(409);
		assertThatThrownBy(() -> sandbox.recordForeignPayment("QD-1025", 250_000))
				.isInstanceOf(IllegalArgumentException.class);
		assertThat(merchant.next(Duration.ofMillis(300))).isEmpty();
	}

	@Test
	void theControlEndpointSetsTheCallbackMode() throws Exception {
		HttpResponse<String> set = send(HttpRequest.newBuilder(uri("/sandbox/control"))
				.POST(HttpRequest.BodyPublishers.ofString("{\"callbackMode\":\"LATE\",\"delaySeconds\":30}"))
				.build());
		HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/sandbox/control"))
				.POST(HttpRequest.BodyPublishers.ofString("{\"callbackMode\":\"SOMETIMES\"}"))
				.build());

		assertThat(set.statusCode()).isEqualTo(200);
		assertThat(json(set).get("callbackMode").stringValue()).isEqualTo("LATE");
		assertThat(json(set).get("delaySeconds").longValue()).isEqualTo(30);
		assertThat(sandbox.callbackMode()).isEqualTo(CallbackMode.LATE);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(json(send(HttpRequest.newBuilder(uri("/sandbox/control")).GET().build())).get("callbackMode")
				.stringValue()).isEqualTo("LATE");
	}

	@Test
	void answersTheHealthProbe() throws Exception {
		HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/sandbox/health")).GET().build());

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(send(HttpRequest.newBuilder(uri("/nothing/here")).GET().build()).statusCode()).isEqualTo(404);
	}

	@Test
	void restartsOnTheSamePortWithTheSameData() throws Exception {
		int port = sandbox.port();
		String checkoutId = checkoutId(createCheckout("QD-1026", 150_000));

		sandbox.stop();

		assertThatThrownBy(() -> createCheckout("QD-1027", 150_000)).isInstanceOf(ConnectException.class);
		sandbox.restart();
		assertThat(sandbox.port()).isEqualTo(port);
		assertThat(status("QD-1026").get("checkoutId").stringValue()).isEqualTo(checkoutId);
		assertThat(submit(checkoutId, "pay").statusCode()).isEqualTo(303);
		assertThat(merchant.next(WAIT)).isPresent();
		sandbox.restart();
		assertThat(status("QD-1026").get("status").stringValue()).isEqualTo("SUCCEEDED");
	}

	@Test
	void replaysItsDataFileAtStart() throws Exception {
		Path dataFile = dir.resolve("sandbox").resolve("journal.jsonl");
		Settings settings = Settings.forTests().withDataFile(dataFile);
		String checkoutId;
		try (PaymentSandbox first = PaymentSandbox.start(settings)) {
			sandbox.close();
			sandbox = first;
			checkoutId = checkoutId(createCheckout("QD-1028", 150_000));
			submit(checkoutId, "pay");
			createCheckout("QD-1029", 90_000);
			first.recordForeignPayment("QD-1030", 70_000);
		}
		Transaction paid = sandbox.transaction("QD-1028").orElseThrow();
		// A crash in the middle of a line: the line is lost, the rest is kept.
		Files.writeString(dataFile, "{\"merchantOrderId\":\"QD-10", StandardOpenOption.APPEND);

		sandbox = PaymentSandbox.start(settings);

		assertThat(sandbox.transactions()).extracting(Transaction::merchantOrderId)
				.containsExactly("QD-1028", "QD-1029", "QD-1030");
		assertThat(sandbox.transaction("QD-1028")).contains(paid);
		assertThat(status("QD-1028").get("status").stringValue()).isEqualTo("SUCCEEDED");
		HttpResponse<String> again = createCheckout("QD-1028", 150_000);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(checkoutId(again)).isEqualTo(checkoutId);
		submit(checkoutId(createCheckout("QD-1029", 90_000)), "pay");
		assertThat(sandbox.transaction("QD-1029").orElseThrow().transactionId().orElseThrow())
				.isNotIn(paid.transactionId().orElseThrow(),
						sandbox.transaction("QD-1030").orElseThrow().transactionId().orElseThrow())
				.endsWith("000003");
		sandbox.close();
		assertThat(PaymentSandbox.start(settings))
				.satisfies(replayed -> {
					try (replayed) {
						assertThat(replayed.transaction("QD-1029").orElseThrow().status())
								.isEqualTo(TransactionStatus.SUCCEEDED);
					}
				});
	}

	@Test
	void readsItsSettingsFromTheEnvironment() {
		Settings settings = Settings.fromEnvironment(Map.of("SANDBOX_PORT", "18086", "SANDBOX_MERCHANT_ID", "BCA-X",
				"SANDBOX_SECRET", "s3cret", "SANDBOX_DATA_FILE", "/tmp/journal.jsonl", "SANDBOX_PUBLIC_URL",
				"http://payments.local:8086/"));
		Settings defaults = Settings.fromEnvironment(Map.of("SANDBOX_DATA_FILE", " "));

		assertThat(settings.port()).isEqualTo(18086);
		assertThat(settings.merchantId()).isEqualTo("BCA-X");
		assertThat(settings.secret()).isEqualTo("s3cret");
		assertThat(settings.dataFile()).contains(Path.of("/tmp/journal.jsonl"));
		assertThat(settings.publicUrl()).contains("http://payments.local:8086");
		assertThat(defaults.port()).isEqualTo(8086);
		assertThat(defaults.merchantId()).isEqualTo("BCA-DVC");
		assertThat(defaults.secret()).isEqualTo("payment-sandbox-dev-secret");
		assertThat(defaults.dataFile()).isEmpty();
		assertThat(defaults.callbackRetryBackoff())
				.containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
		assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("SANDBOX_PORT", "eighty")))
				.hasMessageContaining("SANDBOX_PORT");
	}

	@Test
	void writesAmountsTheVietnameseWay() {
		assertThat(CheckoutPages.amount(1_234_000)).isEqualTo("1.234.000 ₫");
		assertThat(CheckoutPages.amount(500)).isEqualTo("500 ₫");
		assertThat(CheckoutPages.amount(1_000)).isEqualTo("1.000 ₫");
	}

	private HttpResponse<String> createCheckout(String merchantOrderId, long amount) throws Exception {
		return createCheckout(merchantOrderId, amount, true);
	}

	private HttpResponse<String> createCheckout(String merchantOrderId, long amount, boolean withReturnUrl)
			throws Exception {
		String body = "{\"merchantOrderId\":\"" + merchantOrderId + "\",\"amount\":" + amount
				+ ",\"description\":\"Nộp phạt vi phạm giao thông <" + merchantOrderId + ">\",\"callbackUrl\":\""
				+ merchant.callbackUrl() + "\"" + (withReturnUrl ? ",\"returnUrl\":\"" + merchant.returnUrl() + "\"" : "")
				+ "}";
		return signedPost("/api/v1/checkouts", body);
	}

	private String checkoutBody(String merchantOrderId, String amount) {
		return "{\"merchantOrderId\":\"" + merchantOrderId + "\",\"amount\":" + amount
				+ ",\"description\":\"Nộp phạt\",\"callbackUrl\":\"" + merchant.callbackUrl() + "\"}";
	}

	private static String checkoutId(HttpResponse<String> created) {
		return json(created).get("checkoutId").stringValue();
	}

	private JsonNode status(String merchantOrderId) throws Exception {
		HttpResponse<String> response = signedGet("/api/v1/transactions/" + merchantOrderId);
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response);
	}

	/** What a browser sends when one of the page's buttons is pressed. */
	private HttpResponse<String> submit(String checkoutId, String action) throws Exception {
		return send(HttpRequest.newBuilder(uri("/checkout/" + checkoutId))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("action=" + action))
				.build());
	}

	private HttpResponse<String> signedPost(String path, String body) throws Exception {
		return send(post(path, body,
				Signatures.headers(Settings.DEFAULT_MERCHANT_ID, Settings.DEFAULT_SECRET, clock.instant(), body)));
	}

	private HttpResponse<String> signedGet(String path) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		Signatures.headers(Settings.DEFAULT_MERCHANT_ID, Settings.DEFAULT_SECRET, clock.instant(), "")
				.forEach(request::header);
		return send(request.build());
	}

	private HttpRequest post(String path, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return request.build();
	}

	private URI uri(String path) {
		return URI.create(sandbox.url() + path);
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static JsonNode json(HttpResponse<String> response) {
		return Json.MAPPER.readTree(response.body());
	}

	private static JsonNode bodyOf(MerchantServer.Callback callback) {
		return Json.MAPPER.readTree(callback.body());
	}
}
