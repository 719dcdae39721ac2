package vn.gov.bca.payment.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the payment platform is and how we sign for it ({@code vneid.payment.platform.*}).
 *
 * @param url the platform's base URL
 * @param merchantId our merchant id at the platform
 * @param secret the shared HMAC key (from the environment, never in the repository for production)
 * @param callbackUrl where the platform sends its confirmations (our public callback, through the gateway)
 * @param returnUrl where the citizen's browser goes back after the checkout
 * @param timeout for every call to the platform
 * @param maxClockSkew how old (or early) a signed callback may be
 */
@ConfigurationProperties("vneid.payment.platform")
public record PaymentPlatformProperties(String url, String merchantId, String secret, String callbackUrl,
		String returnUrl, Duration timeout, Duration maxClockSkew) {

	public PaymentPlatformProperties {
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(5);
		maxClockSkew = (maxClockSkew != null) ? maxClockSkew : Duration.ofMinutes(5);
	}

}
