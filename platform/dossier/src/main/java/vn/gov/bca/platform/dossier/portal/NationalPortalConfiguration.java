package vn.gov.bca.platform.dossier.portal;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.data.consumer.ConsumerDeadLetters;
import vn.gov.bca.platform.data.lease.JobLeases;
import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.dossier.HandlingUnits;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflowConfiguration;
import vn.gov.bca.platform.dossier.workflow.ProcedureRules;

/**
 * The national portal's sync of a procedure service, on when the service is told where the portal
 * is ({@code vneid.national-portal.url}, NATIONAL_PORTAL_URL): the codes of its
 * {@code national-portal.json} ({@code vneid.national-portal.codes}) checked at start, the sync's
 * listener with its own container (a poll of a partition at a time, three partitions at once,
 * retried with a doubling wait and never given up: see {@link PortalSync}), the daily
 * reconciliation, the catalogue's publication and the endpoints.
 */
@AutoConfiguration(after = DossierWorkflowConfiguration.class)
@ConditionalOnBean(ProcedureRules.class)
@ConditionalOnExpression("'${vneid.national-portal.url:}' != ''")
@EnableConfigurationProperties(NationalPortalProperties.class)
@EnableScheduling
public class NationalPortalConfiguration {

	static final String CONTAINER_FACTORY = "nationalPortalSyncContainerFactory";

	private static final Logger log = LoggerFactory.getLogger(NationalPortalConfiguration.class);

	@Bean
	NationalCodes nationalCodes(@Value("${vneid.national-portal.codes:classpath:national-portal.json}") Resource file,
			ProcedureCatalogue catalogue) {
		return NationalCodes.load(file, catalogue);
	}

	@Bean
	NationalPortalClient nationalPortalClient(WebClient.Builder builder, NationalPortalProperties properties,
			Clock clock) {
		return new NationalPortalClient(builder, properties, clock);
	}

	@Bean
	PortalDossiers portalDossiers(NationalCodes codes, ProcedureCatalogue catalogue, HandlingUnits units,
			Attachments attachments, DocumentRegister documents) {
		return new PortalDossiers(codes, catalogue, units, attachments, documents);
	}

	@Bean
	SyncStates syncStates(ReactiveMongoTemplate mongo) {
		return new SyncStates(mongo);
	}

	@Bean
	PortalSync portalSync(DossierWorkflow<?, ?> workflow, PortalDossiers dossiers, NationalPortalClient portal,
			SyncStates states, KafkaTemplate<String, String> kafka, JsonMapper json, NationalPortalProperties properties,
			@Value("${vneid.outbox.topic}") String topic, @Value("${spring.application.name}") String service,
			Clock clock, ObjectProvider<MeterRegistry> metrics) {
		String group = service + "." + PortalSync.CONSUMER;
		return new PortalSync(workflow, dossiers, portal, states, kafka, json, properties, group,
				ConsumerDeadLetters.topicOf(topic, group), clock,
				metrics.getIfAvailable(SimpleMeterRegistry::new));
	}

	/**
	 * The sync's own container: a poll's records at once (a batch listener); a batch that failed is
	 * given again after a wait that starts at {@code firstRetry} and doubles up to
	 * {@code longestRetry}, with no limit of attempts (the listener itself dead-letters what the portal
	 * refuses), the consumer paused meanwhile, so that nothing behind it overtakes it.
	 */
	@Bean(CONTAINER_FACTORY)
	@SuppressWarnings("unchecked")
	ConcurrentKafkaListenerContainerFactory<String, String> nationalPortalSyncContainerFactory(
			ConsumerFactory<?, ?> consumers, NationalPortalProperties properties) {
		ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory((ConsumerFactory<String, String>) consumers);
		factory.setConcurrency(3);
		factory.setBatchListener(true);
		ExponentialBackOff backOff = new ExponentialBackOff(properties.firstRetry().toMillis(), 2.0);
		backOff.setMaxInterval(properties.longestRetry().toMillis());
		DefaultErrorHandler errors = new DefaultErrorHandler((record, failure) -> log.error(
				"National portal sync gave up {}@{} (never expected: the back-off has no end)", record.topic(),
				record.offset(), failure), backOff);
		// Each failure is logged once by the sync with its reason; the stack trace of every retry is noise.
		errors.setLogLevel(KafkaException.Level.DEBUG);
		factory.setCommonErrorHandler(errors);
		return factory;
	}

	@Bean
	CataloguePublication cataloguePublication(PortalDossiers dossiers, NationalPortalClient portal,
			ReactiveMongoTemplate mongo, @Value("${spring.application.name}") String service, Clock clock) {
		return new CataloguePublication(dossiers, portal, mongo, service, clock);
	}

	@Bean
	PortalReconciliation portalReconciliation(DossierWorkflow<?, ?> workflow, PortalDossiers dossiers,
			NationalPortalClient portal, SyncStates states, NationalCodes codes, CataloguePublication catalogue,
			JobLeases leases, ReactiveMongoTemplate mongo, Clock clock, ObjectProvider<MeterRegistry> metrics) {
		return new PortalReconciliation(workflow, dossiers, portal, states, codes, catalogue, leases, mongo, clock,
				metrics.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	NationalPortalController nationalPortalController(DossierWorkflow<?, ?> workflow, NationalCodes codes,
			ProcedureCatalogue catalogue, SyncStates states, PortalSync sync, PortalReconciliation reconciliation,
			CataloguePublication publication, Clock clock) {
		return new NationalPortalController(workflow, codes, catalogue, states, sync, reconciliation, publication,
				clock);
	}

	@Bean
	IndexCreation nationalPortalIndexes(SyncStates states) {
		return new IndexCreation(states);
	}

	/** The sync states' indexes, once the service is up (a real MongoDB uses them; the test server ignores them). */
	static final class IndexCreation {

		private final SyncStates states;

		IndexCreation(SyncStates states) {
			this.states = states;
		}

		@EventListener(ApplicationReadyEvent.class)
		void create() {
			this.states.createIndexes()
				.subscribe(null, (failure) -> log.warn("National portal sync indexes not created: {}", failure.toString()));
		}

	}

}
