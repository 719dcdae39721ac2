package vn.gov.bca.platform.dossier.attachment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.gov.bca.platform.document.signature.DevelopmentCa;
import vn.gov.bca.platform.document.signature.DocumentSigner;
import vn.gov.bca.platform.document.signature.SignatureCheck;
import vn.gov.bca.platform.document.signature.UnitKeys;
import vn.gov.bca.platform.web.error.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A document the law wants signed online: accepted only as a PDF whose signature is intact, covers
 * the whole file and chains to the trust list; each refusal says which of these failed.
 */
class SignedAttachmentsTests {

	private static final char[] PASSWORD = "test".toCharArray();

	private static byte[] signed;

	private static byte[] signedByStranger;

	private static byte[] unsigned;

	private static SignatureCheck trusted;

	@BeforeAll
	static void signOnePdfWithTheDevelopmentSignerAndOneWithAnotherCa(@TempDir Path folder) throws Exception {
		Instant now = Instant.now();
		DevelopmentCa.write(folder.resolve("ours.p12"), PASSWORD, List.of(DevelopmentCa.TEST_SIGNER),
				now.minusSeconds(60), DevelopmentCa.KeyType.EC_P256);
		DevelopmentCa.write(folder.resolve("theirs.p12"), PASSWORD, List.of(DevelopmentCa.TEST_SIGNER),
				now.minusSeconds(60), DevelopmentCa.KeyType.EC_P256);
		UnitKeys ours = UnitKeys.load(folder.resolve("ours.p12"), PASSWORD);
		UnitKeys theirs = UnitKeys.load(folder.resolve("theirs.p12"), PASSWORD);
		unsigned = vn.gov.bca.platform.testkit.TestFiles.blankPdf();
		signed = new DocumentSigner(ours).sign(unsigned, DevelopmentCa.TEST_SIGNER, now);
		signedByStranger = new DocumentSigner(theirs).sign(unsigned, DevelopmentCa.TEST_SIGNER, now);
		trusted = new SignatureCheck(ours.trustedCertificates(), Clock.systemUTC());
	}

	@Test
	void aPdfSignedByATrustedSignerIsAcceptedWithItsSigner() {
		Attachment.Signature signature = Attachments.checkSigned(trusted, signed);
		assertThat(signature.signer()).contains("CN=" + DevelopmentCa.TEST_SIGNER);
		assertThat(signature.signedAt()).isNotNull();
	}

	@Test
	void anUnsignedPdfAnImageAChangedFileAndAStrangersSignatureAreEachRefusedWithTheirReason() {
		assertRefused(unsigned, "attachment.signature-missing");
		assertRefused(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "attachment.signed-pdf-required");
		byte[] changed = signed.clone();
		int inside = indexOf(changed, "/Type /Page".getBytes()) + 1;
		changed[inside] = (byte) (changed[inside] ^ 0x20);
		assertRefused(changed, "attachment.signature-broken");
		byte[] appended = java.util.Arrays.copyOf(signed, signed.length + 8);
		System.arraycopy("%%EOF\n\n\n".getBytes(), 0, appended, signed.length, 8);
		assertRefused(appended, "attachment.signature-broken");
		assertRefused(signedByStranger, "attachment.signer-not-trusted");
	}

	private static void assertRefused(byte[] file, String code) {
		assertThatThrownBy(() -> Attachments.checkSigned(trusted, file)).isInstanceOfSatisfying(ApiException.class,
				(refused) -> {
					assertThat(refused.type().status().value()).isEqualTo(422);
					assertThat(refused.errors()).extracting(ApiException.FieldProblem::code).containsExactly(code);
				});
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalStateException("not found");
	}

}
