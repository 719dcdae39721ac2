package vn.gov.bca.paymentsandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature both directions carry, merchant to platform and platform to merchant (callbacks):
 * {@code X-Merchant-Id}, {@code X-Timestamp} (epoch seconds) and
 * {@code X-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>}, the body being
 * empty for a GET. The timestamp in the signed text is what makes a captured request useless five
 * minutes later. Public so that a merchant's tests can sign what they send and check what they get.
 */
public final class Signatures {

	public static final String MERCHANT_ID_HEADER = "X-Merchant-Id";
	public static final String TIMESTAMP_HEADER = "X-Timestamp";
	public static final String SIGNATURE_HEADER = "X-Signature";
	public static final String PREFIX = "sha256=";
	/** How far a request's timestamp may be from the platform's clock, either way. */
	public static final Duration TOLERANCE = Duration.ofMinutes(5);

	private static final String ALGORITHM = "HmacSHA256";

	private Signatures() {
	}

	/** {@code sha256=<lowercase hex>} of {@code timestamp + "." + body}. */
	public static String sign(String secret, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	public static String sign(String secret, String timestamp, String body) {
		return sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
	}

	/** The three headers for {@code body} ("" for a GET) sent at {@code now}. */
	public static Map<String, String> headers(String merchantId, String secret, Instant now, String body) {
		String timestamp = Long.toString(now.getEpochSecond());
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(MERCHANT_ID_HEADER, merchantId);
		headers.put(TIMESTAMP_HEADER, timestamp);
		headers.put(SIGNATURE_HEADER, sign(secret, timestamp, body));
		return headers;
	}

	/** Compared in constant time, so that the answer's timing tells nothing about how much was right. */
	public static boolean matches(String secret, String timestamp, byte[] body, String signature) {
		if (signature == null) {
			return false;
		}
		byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Why a signed request is refused, or empty when it is accepted: the merchant must be
	 * {@code merchantId}, the timestamp within {@link #TOLERANCE} of {@code now}, the signature right.
	 */
	static Optional<String> refusal(String merchantId, String secret, Instant now, String givenMerchantId,
			String timestamp, String signature, byte[] body) {
		if (givenMerchantId == null || !MessageDigest.isEqual(merchantId.getBytes(StandardCharsets.UTF_8),
				givenMerchantId.trim().getBytes(StandardCharsets.UTF_8))) {
			return Optional.of("unknown merchant");
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp == null ? "" : timestamp.trim());
		}
		catch (NumberFormatException ex) {
			return Optional.of("missing or malformed " + TIMESTAMP_HEADER);
		}
		if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
			return Optional.of(TIMESTAMP_HEADER + " is more than 5 minutes away from the platform's clock");
		}
		if (!matches(secret, timestamp.trim(), body, signature)) {
			return Optional.of("bad signature");
		}
		return Optional.empty();
	}
}
