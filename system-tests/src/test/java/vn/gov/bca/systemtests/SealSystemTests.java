package vn.gov.bca.systemtests;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.document.signature.DevelopmentCa;
import vn.gov.bca.platform.document.signature.DocumentSigner;
import vn.gov.bca.platform.document.signature.UnitKeys;
import vn.gov.bca.platform.testkit.PdfDocuments;
import vn.gov.bca.platform.testkit.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seal procedures through the gateway with the realm's tokens and every real service: the
 * representative of the demo college files a new seal specimen online with PDFs signed by the
 * development signer (an unsigned or altered one refused saying why), the fee is paid at the payment
 * sandbox, the Hà Nội officer approves, the certificate's QR code verifies and the public lookup shows
 * the seal active with its specimen; a re-registration withdraws it and supersedes its certificate;
 * the representative of another organisation sees none of it, and that organisation, not entitled to
 * an embossed seal, is told why.
 */
class SealSystemTests {

	private static final String COLLEGE = "TC-DEMO0001";

	private static final String ASSOCIATION = "TC-DEMO0002";

	@Test
	void aNewSealIsRegisteredThenReRegisteredAndItsCertificatesSayWhichIsInForce() throws Exception {
		String gateway = SystemStack.gateway();
		String rector = SystemStack.userToken("daidien.truonghoc");
		String officer = SystemStack.userToken("canbo.hanoi");
		DocumentSigner signer = developmentSigner();

		String code = submit(rector, "NEW_SEAL", "{\"organisationId\": \"" + COLLEGE
				+ "\", \"inscription\": \"TRƯỜNG CAO ĐẲNG CÔNG NGHỆ THỦ ĐÔ\"}");
		assertThat(code).startsWith("PC06-HN-");

		byte[] unsigned = TestFiles.blankPdf();
		HttpResponse<String> refused = upload(code, rector, "APPLICATION", unsigned);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(refused.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
		assertThat((String) JsonPath.read(refused.body(), "$.errors[0].code")).isEqualTo("attachment.signature-missing");
		assertThat((String) JsonPath.read(refused.body(), "$.detail")).contains("chưa được ký số");
		byte[] signed = signer.sign(unsigned, DevelopmentCa.TEST_SIGNER, Instant.now());
		HttpResponse<String> altered = upload(code, rector, "APPLICATION",
				PdfDocuments.withOneByteChanged(signed, TestFiles.indexOf(signed, "612")));
		assertThat(altered.statusCode()).as(altered.body()).isEqualTo(422);
		assertThat((String) JsonPath.read(altered.body(), "$.errors[0].code")).isEqualTo("attachment.signature-broken");
		HttpResponse<String> accepted = upload(code, rector, "APPLICATION", signed);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(accepted.body(), "$.signature.signer")).contains("CN=DEV-SIGNER");
		assertThat(upload(code, rector, "FOUNDING-DOCUMENT", signer.sign(TestFiles.blankPdf(), DevelopmentCa.TEST_SIGNER,
				Instant.now())).statusCode()).isEqualTo(201);
		assertThat(upload(code, rector, "SPECIMEN", TestFiles.sealSpecimen()).statusCode()).isEqualTo(201);

		// The representative of another organisation: the dossier does not exist for them.
		String chair = SystemStack.userToken("daidien.hoi");
		assertThat(SystemStack.get(gateway + "/api/seal/dossiers/" + code, "Authorization", "Bearer " + chair)
			.statusCode()).isEqualTo(404);
		assertThat(SystemStack.get(gateway + "/api/seal/organisations/" + COLLEGE, "Authorization", "Bearer " + chair)
			.statusCode()).isEqualTo(404);

		String[] approved = acceptPayApprove(code, rector, officer);
		String sealNumber = approved[0];
		String certificateNumber = approved[1];
		String lookup = awaitPublic(gateway + "/api/seal/public/certificates/" + certificateNumber,
				(body) -> body.contains("\"certificateStatus\":\"IN_FORCE\""));
		assertThat((String) JsonPath.read(lookup, "$.sealStatus")).isEqualTo("ACTIVE");
		assertThat((String) JsonPath.read(lookup, "$.organisationName")).isEqualTo("Trường Cao đẳng Công nghệ Thủ đô");
		assertThat(lookup).doesNotContain("036090006666");
		HttpResponse<byte[]> image = SystemStack.getBytes(gateway + JsonPath.read(lookup, "$.specimenUrl"));
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.body()).isEqualTo(TestFiles.sealSpecimen());

		byte[] certificate = certificate(code, rector);
		assertThat(PdfDocuments.flatText(certificate)).contains("GIẤY CHỨNG NHẬN ĐĂNG KÝ MẪU CON DẤU",
				"Trường Cao đẳng Công nghệ Thủ đô", sealNumber, "Số: " + certificateNumber, "Mẫu con dấu",
				"CÔNG AN THÀNH PHỐ HÀ NỘI");
		String verified = SystemStack.get(PdfDocuments.qrCode(certificate)).body();
		assertThat((String) JsonPath.read(verified, "$.result")).isEqualTo("VALID");
		assertThat((Boolean) JsonPath.read(verified, "$.signature.trusted")).isTrue();

		// Re-registered (the seal is worn): the old seal is withdrawn, its certificate superseded.
		String again = submit(rector, "RE_REGISTRATION", """
				{"organisationId": "%s", "inscription": "TRƯỜNG CAO ĐẲNG CÔNG NGHỆ THỦ ĐÔ", "sealNumber": "%s",
				 "reRegistrationGround": "DAMAGED"}""".formatted(COLLEGE, sealNumber));
		assertThat(upload(again, rector, "APPLICATION", signer.sign(TestFiles.blankPdf(), DevelopmentCa.TEST_SIGNER, Instant.now()))
			.statusCode()).isEqualTo(201);
		assertThat(upload(again, rector, "SPECIMEN", TestFiles.sealSpecimen()).statusCode()).isEqualTo(201);
		String[] replacement = acceptPayApprove(again, rector, officer);
		String old = awaitPublic(gateway + "/api/seal/public/certificates/" + certificateNumber,
				(body) -> body.contains("\"certificateStatus\":\"SUPERSEDED\""));
		assertThat((String) JsonPath.read(old, "$.sealStatus")).isEqualTo("REPLACED");
		assertThat((String) JsonPath.read(old, "$.replacedBy")).isEqualTo(replacement[0]);
		String current = awaitPublic(gateway + "/api/seal/public/certificates/" + replacement[1],
				(body) -> body.contains("\"certificateStatus\":\"IN_FORCE\""));
		assertThat((String) JsonPath.read(current, "$.sealStatus")).isEqualTo("ACTIVE");
		assertThat((String) JsonPath.read(SystemStack.get(PdfDocuments.qrCode(certificate)).body(), "$.result"))
			.isEqualTo("SUPERSEDED");
	}

	@Test
	void anOrganisationNotEntitledToAnEmbossedSealIsToldWhy() {
		HttpResponse<String> refused = SystemStack.post(SystemStack.gateway() + "/api/seal/dossiers", """
				{"procedure": "SPECIAL_SEAL",
				 "form": {"organisationId": "%s", "sealKind": "EMBOSSED", "inscription": "HỘI CỰU GIÁO CHỨC"}}"""
			.formatted(ASSOCIATION), "Authorization", "Bearer " + SystemStack.userToken("daidien.hoi"),
				"Accept-Language", "en");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field")).isEqualTo("form.sealKind");
		assertThat((String) JsonPath.read(refused.body(), "$.detail")).contains("diplomas, certificates",
				"Art. 5(3)");
		// A representative cannot file for an organisation they do not act for.
		assertThat(SystemStack.post(SystemStack.gateway() + "/api/seal/dossiers", """
				{"procedure": "SPECIAL_SEAL",
				 "form": {"organisationId": "%s", "sealKind": "EMBOSSED", "inscription": "X"}}""".formatted(COLLEGE),
				"Authorization", "Bearer " + SystemStack.userToken("daidien.hoi")).statusCode()).isEqualTo(404);
	}

	private static String submit(String token, String procedure, String form) {
		HttpResponse<String> submitted = SystemStack.post(SystemStack.gateway() + "/api/seal/dossiers",
				"{\"procedure\": \"" + procedure + "\", \"form\": " + form + "}", "Authorization", "Bearer " + token);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		return JsonPath.read(submitted.body(), "$.code");
	}

	/** Accepted, the fee paid at the sandbox, approved: the seal's number and the certificate's. */
	private static String[] acceptPayApprove(String code, String representative, String officer) throws InterruptedException {
		String gateway = SystemStack.gateway();
		assertThat(act(code, "accept", officer).statusCode()).isEqualTo(200);
		HttpResponse<String> early = act(code, "approve", officer);
		assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
		HttpResponse<String> requested = act(code, "payment-request", officer);
		assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
		String orderId = JsonPath.read(requested.body(), "$.fee.paymentOrderId");
		SystemStack.payFeeOrder(orderId, representative);
		String dossier = awaitPrivate(gateway + "/api/seal/dossiers/" + code, representative,
				(body) -> body.contains("\"status\":\"IN_PROGRESS\""));
		assertThat(dossier).contains("\"status\":\"IN_PROGRESS\"");
		HttpResponse<String> approved = act(code, "approve", officer);
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		return new String[] { JsonPath.read(approved.body(), "$.sealNumber"),
				JsonPath.read(approved.body(), "$.certificateNumber") };
	}

	private static byte[] certificate(String code, String token) throws InterruptedException {
		String documents = awaitPrivate(SystemStack.gateway() + "/api/seal/documents?reference=" + code, token,
				(body) -> body.contains("SEAL_CERTIFICATE"));
		List<String> pdfs = JsonPath.read(documents, "$[?(@.type == 'SEAL_CERTIFICATE')].pdf");
		HttpResponse<byte[]> pdf = SystemStack.getBytes(SystemStack.gateway() + pdfs.get(0), "Authorization",
				"Bearer " + token);
		assertThat(pdf.statusCode()).isEqualTo(200);
		return pdf.body();
	}

	private static HttpResponse<String> act(String code, String action, String token) {
		return SystemStack.post(SystemStack.gateway() + "/api/seal/dossiers/" + code + "/" + action, "",
				"Authorization", "Bearer " + token);
	}

	private static HttpResponse<String> upload(String code, String token, String kind, byte[] content) {
		return SystemStack.upload(SystemStack.gateway() + "/api/seal/dossiers/" + code + "/attachments", token, kind,
				kind.toLowerCase() + (content[0] == '%' ? ".pdf" : ".png"), content);
	}

	/** The development signer of this run's seal-service keystore: a PDF it signs chains to the trust list. */
	private static DocumentSigner developmentSigner() throws Exception {
		Path data = SystemStack.get().options().dataDir().resolve("documents");
		char[] password = Files.readString(data.resolve("keystore-password")).strip().toCharArray();
		return new DocumentSigner(UnitKeys.load(data.resolve("seal-service.p12"), password));
	}

	private static String awaitPublic(String url, Predicate<String> done) throws InterruptedException {
		return await(url, null, done);
	}

	private static String awaitPrivate(String url, String token, Predicate<String> done) throws InterruptedException {
		return await(url, token, done);
	}

	private static String await(String url, String token, Predicate<String> done) throws InterruptedException {
		String body = null;
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		while (System.nanoTime() < deadline) {
			body = (token == null) ? SystemStack.get(url).body()
					: SystemStack.get(url, "Authorization", "Bearer " + token).body();
			if (done.test(body)) {
				return body;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("Not seen within 40 s at " + url + ": " + body);
	}

}
