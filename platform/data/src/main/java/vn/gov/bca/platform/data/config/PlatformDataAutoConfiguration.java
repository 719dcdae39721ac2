package vn.gov.bca.platform.data.config;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.util.unit.DataSize;

import vn.gov.bca.platform.data.consumer.ProcessedEvents;
import vn.gov.bca.platform.data.bulk.BulkLoader;
import vn.gov.bca.platform.data.idempotency.IdempotencyWebFilter;
import vn.gov.bca.platform.data.consumer.ConsumerDeadLetters;
import vn.gov.bca.platform.data.lease.JobLeases;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.data.outbox.OutboxProperties;
import vn.gov.bca.platform.data.outbox.OutboxRelay;
import vn.gov.bca.platform.data.topic.TopicDeclarations;

/**
 * What every service that stores in MongoDB and publishes to Kafka gets: the aggregate stores with
 * their outbox and relay, consumer de-duplication, Idempotency-Key handling and a MongoDB health
 * check that works on both MongoDB and mongo-java-server.
 */
@AutoConfiguration(after = { DataMongoReactiveAutoConfiguration.class, KafkaAutoConfiguration.class })
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformDataAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PlatformDataAutoConfiguration.class);

	@Bean
	OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka,
			OutboxProperties properties, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new OutboxRelay(mongo, kafka, properties, tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	/**
	 * A span per MongoDB command of a kept trace, a child of the request's or consumer's span: the
	 * reactive driver is handed the Reactor context's observation (Spring Data MongoDB's listener,
	 * see {@link SampledMongoCommandSpans}; the driver's own observability needs driver 5.7).
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer mongoCommandSpans(ObjectProvider<ObservationRegistry> observations) {
		return (settings) -> observations.ifAvailable((registry) -> settings
			.contextProvider(ContextProviderFactory.create(registry))
			.addCommandListener(new SampledMongoCommandSpans(registry)));
	}

	@Bean
	AggregateStores aggregateStores(ReactiveMongoTemplate mongo, OutboxRelay relay, JsonMapper json,
			OutboxProperties properties) {
		return new AggregateStores(mongo, relay, json, properties);
	}

	@Bean
	ProcessedEvents processedEvents(ReactiveMongoTemplate mongo) {
		return new ProcessedEvents(mongo);
	}

	/** Retries, then the consumer group's dead-letter topic ({@link ConsumerDeadLetters}). */
	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler consumerDeadLetters(KafkaTemplate<String, String> kafka,
			@Value("${vneid.kafka.consumer.first-retry:1s}") Duration firstRetry,
			@Value("${vneid.kafka.consumer.longest-retry:30s}") Duration longestRetry,
			@Value("${vneid.kafka.consumer.attempts:8}") int attempts, ObjectProvider<MeterRegistry> metrics) {
		return ConsumerDeadLetters.errorHandler(kafka, firstRetry, longestRetry, attempts,
				metrics.getIfAvailable(SimpleMeterRegistry::new));
	}

	/** The service's own topics, declared at its start ({@link TopicDeclarations}). */
	@Bean
	@ConditionalOnProperty(name = "vneid.kafka.topics.declare", havingValue = "true", matchIfMissing = true)
	TopicDeclarations topicDeclarations(KafkaAdmin admin, KafkaListenerEndpointRegistry listeners,
			@Value("${vneid.outbox.topic:}") String eventTopic, @Value("${vneid.kafka.topics.partitions:3}") int partitions,
			@Value("${vneid.kafka.topics.replication-factor:1}") short replicationFactor,
			@Value("${vneid.kafka.topics.retention:14d}") Duration retention,
			@Value("${vneid.kafka.topics.dead-letter-retention:30d}") Duration deadLetterRetention) {
		return new TopicDeclarations(admin, listeners, eventTopic.isBlank() ? null : eventTopic,
				new TopicDeclarations.Settings(partitions, replicationFactor, retention, deadLetterRetention));
	}

	@Bean
	BulkLoader bulkLoader(ReactiveMongoTemplate mongo) {
		return new BulkLoader(mongo);
	}

	@Bean
	JobLeases jobLeases(ReactiveMongoTemplate mongo) {
		return new JobLeases(mongo);
	}

	/**
	 * Bodies read for the Idempotency-Key fingerprint are bounded: by the codec limit
	 * ({@code spring.http.codecs.max-in-memory-size}, 512 KB) and, for multipart uploads, by
	 * {@code vneid.idempotency.max-multipart-size} (12 MB, the gateway's upload limit).
	 */
	@Bean
	IdempotencyWebFilter idempotencyWebFilter(ReactiveMongoTemplate mongo, ServerCodecConfigurer codecs,
			@Value("${spring.http.codecs.max-in-memory-size:512KB}") DataSize maxBodySize,
			@Value("${vneid.idempotency.max-multipart-size:12MB}") DataSize maxMultipartSize) {
		return new IdempotencyWebFilter(mongo, codecs, maxBodySize, maxMultipartSize);
	}

	/** Replaces Boot's own MongoDB indicator (which sends {@code hello}), switched off in the defaults. */
	@Bean
	MongoPingHealthIndicator mongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
		return new MongoPingHealthIndicator(mongo);
	}

	/** Expiry of remembered event ids and idempotency keys; created once the application is up. */
	@Bean
	ApplicationListener<ApplicationReadyEvent> platformIndexes(ReactiveMongoTemplate mongo) {
		return (event) -> Flux
			.concat(mongo.indexOps(ProcessedEvents.COLLECTION)
				.createIndex(new Index("processedAt", Sort.Direction.ASC).expire(Duration.ofDays(30))),
					mongo.indexOps(IdempotencyWebFilter.COLLECTION)
						.createIndex(new Index("createdAt", Sort.Direction.ASC).expire(Duration.ofHours(24))))
			.subscribe(null, (ex) -> log.warn("Could not create the platform's TTL indexes: {}", ex.toString()));
	}

}
