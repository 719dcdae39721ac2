package vn.gov.bca.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs a callback as the payment platform does, with the tests' key (test resources' application.yml). */
public final class PlatformCallbacks {

	public static final String SECRET = "payment-sandbox-dev-secret";

	public static final String MERCHANT_ID = "BCA-DVC";

	private PlatformCallbacks() {
	}

	/** {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
	public static String signature(String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of()
				.formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
