package vn.gov.bca.payment.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform protocol's signature, both ways: {@code sha256=} and the hex HMAC-SHA256, keyed by
 * the merchant secret, of {@code <timestamp>.<raw body>}. The timestamp is signed so that an old
 * message cannot be replayed later.
 */
final class HmacSignature {

	static final String PREFIX = "sha256=";

	private HmacSignature() {
	}

	static String sign(String secret, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return PREFIX + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** Constant-time comparison, so the time taken tells nothing about a forged signature. */
	static boolean matches(String secret, String timestamp, String body, String signature) {
		if (signature == null || timestamp == null) {
			return false;
		}
		byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8));
	}

}
