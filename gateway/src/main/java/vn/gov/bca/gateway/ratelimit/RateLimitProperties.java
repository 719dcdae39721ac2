package vn.gov.bca.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets per citizen (token subject), per OAuth client and per IP address for anonymous
 * calls ({@code vneid.gateway.rate-limit.*}). The memory store suits one gateway instance; with
 * several replicas set {@code store: redis} so they share the buckets.
 */
@ConfigurationProperties("vneid.gateway.rate-limit")
public class RateLimitProperties {

	public enum Store {

		MEMORY, REDIS

	}

	private boolean enabled = true;

	private Store store = Store.MEMORY;

	private Limit perSubject = new Limit(60, 10);

	private Limit perClient = new Limit(10_000, 5_000);

	private Limit perIp = new Limit(30, 5);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public Limit getPerSubject() {
		return this.perSubject;
	}

	public void setPerSubject(Limit perSubject) {
		this.perSubject = perSubject;
	}

	public Limit getPerClient() {
		return this.perClient;
	}

	public void setPerClient(Limit perClient) {
		this.perClient = perClient;
	}

	public Limit getPerIp() {
		return this.perIp;
	}

	public void setPerIp(Limit perIp) {
		this.perIp = perIp;
	}

	/**
	 * @param capacity the burst a key may spend at once
	 * @param refillPerSecond the steady rate at which spent requests come back
	 */
	public record Limit(long capacity, double refillPerSecond) {

		public Limit {
			if (capacity < 1 || refillPerSecond <= 0) {
				throw new IllegalArgumentException("A rate limit needs a capacity >= 1 and a positive refill rate");
			}
		}

	}

}
