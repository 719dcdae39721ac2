package vn.gov.bca.identity.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The pseudonym that stands for a personal id outside this service (security review, finding 10):
 * a keyed HMAC-SHA256 of the number, hex, with a secret from configuration
 * ({@code vneid.identity.pseudonym-key}, env {@code IDENTITY_PSEUDONYM_KEY}). It is the Kafka key,
 * {@code ce_subject} and {@code aggregateId} of every identity event: stable per citizen, so a
 * consumer keeps a citizen's events in order and together, but nobody without the key can go back
 * to the number (a plain hash would not do: there are only about 10^9 plausible numbers to try).
 * The same key must be configured on every instance; changing it changes every citizen's key.
 */
@Component
public class Pseudonyms {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	public Pseudonyms(@Value("${vneid.identity.pseudonym-key}") String key) {
		if (key == null || key.length() < 16) {
			throw new IllegalStateException("vneid.identity.pseudonym-key must be set (at least 16 characters)");
		}
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/** The pseudonym of a personal id: 64 hex digits. */
	public String of(String personalId) {
		return keyedHash(personalId);
	}

	/**
	 * A keyed hash of any secret value with the same key, e.g. a one-time code bound to its
	 * registration: unlike a plain or salted hash, a 6-digit code cannot be tried offline from a
	 * copy of the database without the key.
	 */
	public String keyedHash(String value) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
