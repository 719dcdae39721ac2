package vn.gov.bca.platform.web.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings shared by every module, under {@code vneid.*}. Addresses and secrets come from
 * environment variables in each module's application.yml.
 */
@ConfigurationProperties("vneid")
public class PlatformProperties {

	private final Security security = new Security();

	private final ServiceAccount serviceAccount = new ServiceAccount();

	private final Keycloak keycloak = new Keycloak();

	private final Server server = new Server();

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

	public Server getServer() {
		return this.server;
	}

	public Map<String, Client> getClients() {
		return this.clients;
	}

	public static class Security {

		/** Paths anyone may call without a token, besides health, info and API docs. */
		private List<String> publicPaths = new ArrayList<>();

		/**
		 * A token is accepted only if its {@code aud} names one of these: by default this service
		 * ({@code spring.application.name}) and the platform audience {@code dichvucong-bca} that
		 * the user-facing clients' tokens carry (set in platform-web's defaults).
		 */
		private List<String> audiences = new ArrayList<>();

		/** OAuth clients ({@code azp}) whose tokens are refused, e.g. the dev-only dev-scripts in containers. */
		private List<String> refusedClients = new ArrayList<>();

		/**
		 * How many accepted tokens are remembered until they expire, so that their signature is
		 * checked once (platform-web {@code CachingJwtDecoder}).
		 */
		private int acceptedTokensCached = 5_000;

		public int getAcceptedTokensCached() {
			return this.acceptedTokensCached;
		}

		public void setAcceptedTokensCached(int acceptedTokensCached) {
			this.acceptedTokensCached = acceptedTokensCached;
		}

		public List<String> getPublicPaths() {
			return this.publicPaths;
		}

		public void setPublicPaths(List<String> publicPaths) {
			this.publicPaths = publicPaths;
		}

		public List<String> getAudiences() {
			return this.audiences;
		}

		public void setAudiences(List<String> audiences) {
			this.audiences = audiences;
		}

		public List<String> getRefusedClients() {
			return this.refusedClients;
		}

		public void setRefusedClients(List<String> refusedClients) {
			this.refusedClients = refusedClients;
		}

	}

	/** Limits at the HTTP edge of every module ({@code vneid.server.*}), besides Boot's {@code server.netty.*}. */
	public static class Server {

		/** Once a request's first byte has arrived, its request line and headers must arrive within this. */
		private Duration headerTimeout = Duration.ofSeconds(10);

		/** Longest request URI (path and query) answered; longer ones get 414 problem+json. */
		private DataSize maxUriLength = DataSize.ofKilobytes(4);

		public Duration getHeaderTimeout() {
			return this.headerTimeout;
		}

		public void setHeaderTimeout(Duration headerTimeout) {
			this.headerTimeout = headerTimeout;
		}

		public DataSize getMaxUriLength() {
			return this.maxUriLength;
		}

		public void setMaxUriLength(DataSize maxUriLength) {
			this.maxUriLength = maxUriLength;
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

		/** How long the start waits for the first token and the warm-up before going on unready. */
		private Duration startWait = Duration.ofSeconds(15);

		/** How long after the start calls may take their client's start timeout. */
		private Duration startPeriod = Duration.ofMinutes(2);

		public Duration getStartWait() {
			return this.startWait;
		}

		public void setStartWait(Duration startWait) {
			this.startWait = startWait;
		}

		public Duration getStartPeriod() {
			return this.startPeriod;
		}

		public void setStartPeriod(Duration startPeriod) {
			this.startPeriod = startPeriod;
		}

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

		/**
		 * Upper bound of one call during the start period: the first calls of a fresh start meet
		 * cold services (class loading, JIT, first database connection) and must not fail a citizen.
		 */
		private Duration startTimeout = Duration.ofSeconds(10);

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

		public Duration getStartTimeout() {
			return this.startTimeout;
		}

		public void setStartTimeout(Duration startTimeout) {
			this.startTimeout = startTimeout;
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
