package vn.gov.bca.platform.web.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared by every module, under {@code vneid.*}. Addresses and secrets come from
 * environment variables in each module's application.yml.
 */
@ConfigurationProperties("vneid")
public class PlatformProperties {

	private final Security security = new Security();

	private final ServiceAccount serviceAccount = new ServiceAccount();

	private final Keycloak keycloak = new Keycloak();

	/** Downstream services this one calls, by name (identity-service, fine-payment-service). */
	private final Map<String, Client> clients = new LinkedHashMap<>();

	public Security getSecurity() {
		return this.security;
	}

	public ServiceAccount getServiceAccount() {
		return this.serviceAccount;
	}

	public Keycloak getKeycloak() {
		return this.keycloak;
	}

	public Map<String, Client> getClients() {
		return this.clients;
	}

	public static class Security {

		/** Paths anyone may call without a token, besides health, info and API docs. */
		private List<String> publicPaths = new ArrayList<>();

		public List<String> getPublicPaths() {
			return this.publicPaths;
		}

		public void setPublicPaths(List<String> publicPaths) {
			this.publicPaths = publicPaths;
		}

	}

	public static class Keycloak {

		/** Base URL of Keycloak; the realm is always {@code vneid}. */
		private String url = "http://localhost:8180";

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public String realmUrl() {
			return this.url + "/realms/vneid";
		}

	}

	public static class ServiceAccount {

		/** This service's own OAuth client in the realm; calls to other services carry its token. */
		private String clientId;

		private String clientSecret;

		public String getClientId() {
			return this.clientId;
		}

		public void setClientId(String clientId) {
			this.clientId = clientId;
		}

		public String getClientSecret() {
			return this.clientSecret;
		}

		public void setClientSecret(String clientSecret) {
			this.clientSecret = clientSecret;
		}

	}

	public static class Client {

		private String baseUrl;

		/** Upper bound of one call, connect included. */
		private Duration timeout = Duration.ofSeconds(3);

		/** Attempts for a GET (idempotent) call; other methods are tried once. */
		private int getAttempts = 3;

		private Duration retryBackoff = Duration.ofMillis(200);

		/** Failure rate (percent) over the sliding window that opens the circuit. */
		private float failureRateThreshold = 50;

		private Duration openStateWait = Duration.ofSeconds(10);

		public String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getGetAttempts() {
			return this.getAttempts;
		}

		public void setGetAttempts(int getAttempts) {
			this.getAttempts = getAttempts;
		}

		public Duration getRetryBackoff() {
			return this.retryBackoff;
		}

		public void setRetryBackoff(Duration retryBackoff) {
			this.retryBackoff = retryBackoff;
		}

		public float getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		public void setFailureRateThreshold(float failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

		public Duration getOpenStateWait() {
			return this.openStateWait;
		}

		public void setOpenStateWait(Duration openStateWait) {
			this.openStateWait = openStateWait;
		}

	}

}
