package vn.gov.bca.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The edge's own settings ({@code vneid.gateway.*}); routes are Spring Cloud Gateway's. */
@ConfigurationProperties("vneid.gateway")
public class GatewayProperties {

	/** Upper bound of a routed call; past it the client gets 503 problem+json. */
	private Duration routeTimeout = Duration.ofSeconds(10);

	/** Largest request body accepted on any route (attachments included); route limits are below it. */
	private DataSize maxRequestSize = DataSize.ofMegabytes(12);

	/**
	 * How many proxies in front of the gateway append to {@code X-Forwarded-For}: 0 (the default)
	 * means clients connect directly and the TCP peer is the client; with 1 (a load balancer) the
	 * last address it appended is. The header is never trusted beyond that number.
	 */
	private int trustedProxies = 0;

	private final BodyLimits bodyLimits = new BodyLimits();

	/** Origins of the citizen portal, the officer console and the app's web views. */
	private List<String> allowedOrigins = new ArrayList<>(List.of("http://localhost:3000", "http://localhost:3001"));

	public Duration getRouteTimeout() {
		return this.routeTimeout;
	}

	public void setRouteTimeout(Duration routeTimeout) {
		this.routeTimeout = routeTimeout;
	}

	public DataSize getMaxRequestSize() {
		return this.maxRequestSize;
	}

	public void setMaxRequestSize(DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	public int getTrustedProxies() {
		return this.trustedProxies;
	}

	public void setTrustedProxies(int trustedProxies) {
		if (trustedProxies < 0) {
			throw new IllegalArgumentException("vneid.gateway.trusted-proxies must be 0 or more");
		}
		this.trustedProxies = trustedProxies;
	}

	public BodyLimits getBodyLimits() {
		return this.bodyLimits;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	/**
	 * Request body limits per kind of route ({@code vneid.gateway.body-limits.*}), enforced at the edge
	 * before and while the body is proxied, each at most {@code max-request-size}.
	 */
	public static class BodyLimits {

		/** Anonymous endpoints ({@code /api/*}{@code /public/**}: lookups, registration, payment callbacks). */
		private DataSize publicApi = DataSize.ofKilobytes(64);

		/** Every other API call (JSON), as the services' own codec limit. */
		private DataSize api = DataSize.ofKilobytes(512);

		/** A multipart upload to an attachments path. */
		private DataSize upload = DataSize.ofMegabytes(12);

		/**
		 * The smallest body a service refuses (its JSON codec's limit): a connection the service
		 * closed while a body no larger was being sent is the service failing (stopping, crashed),
		 * not a refusal of that body.
		 */
		private DataSize smallestServiceLimit = DataSize.ofKilobytes(512);

		/** Where multipart uploads are accepted (path patterns). */
		private List<String> uploadPaths = new ArrayList<>(
				List.of("/api/*/dossiers/*/attachments", "/api/*/dossiers/*/attachments/**"));

		public DataSize getPublicApi() {
			return this.publicApi;
		}

		public void setPublicApi(DataSize publicApi) {
			this.publicApi = publicApi;
		}

		public DataSize getApi() {
			return this.api;
		}

		public void setApi(DataSize api) {
			this.api = api;
		}

		public DataSize getUpload() {
			return this.upload;
		}

		public void setUpload(DataSize upload) {
			this.upload = upload;
		}

		public DataSize getSmallestServiceLimit() {
			return this.smallestServiceLimit;
		}

		public void setSmallestServiceLimit(DataSize smallestServiceLimit) {
			this.smallestServiceLimit = smallestServiceLimit;
		}

		public List<String> getUploadPaths() {
			return this.uploadPaths;
		}

		public void setUploadPaths(List<String> uploadPaths) {
			this.uploadPaths = uploadPaths;
		}

	}

}
