package vn.gov.bca.platform.data.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's event topic and how its outbox relay behaves ({@code vneid.outbox.*}). Topic,
 * source and type prefix are derived from {@code spring.application.name} (see {@link OutboxNames});
 * each can still be set.
 */
@ConfigurationProperties("vneid.outbox")
public class OutboxProperties {

	/** The domain the names are made of: by default the application name without {@code -service}. */
	private String domain;

	/** Versioned topic of this service's events, e.g. {@code passport.events.v1}. */
	private String topic;

	/** CloudEvents source, e.g. {@code /passport-service}. */
	private String source;

	/** Prefix of CloudEvents types, e.g. {@code vn.gov.bca.passport.}. */
	private String typePrefix = "vn.gov.bca.";

	private Duration sweepInterval = Duration.ofSeconds(2);

	private Duration maxBackoff = Duration.ofSeconds(30);

	/** How long a claim on a document keeps other instances off it. */
	private Duration lease = Duration.ofSeconds(30);

	private int batchSize = 200;

	private int concurrency = 4;

	public String getDomain() {
		return this.domain;
	}

	public void setDomain(String domain) {
		this.domain = domain;
	}

	public String getTopic() {
		return this.topic;
	}

	public void setTopic(String topic) {
		this.topic = topic;
	}

	public String getSource() {
		return this.source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public String getTypePrefix() {
		return this.typePrefix;
	}

	public void setTypePrefix(String typePrefix) {
		this.typePrefix = typePrefix;
	}

	public Duration getSweepInterval() {
		return this.sweepInterval;
	}

	public void setSweepInterval(Duration sweepInterval) {
		this.sweepInterval = sweepInterval;
	}

	public Duration getMaxBackoff() {
		return this.maxBackoff;
	}

	public void setMaxBackoff(Duration maxBackoff) {
		this.maxBackoff = maxBackoff;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

}
