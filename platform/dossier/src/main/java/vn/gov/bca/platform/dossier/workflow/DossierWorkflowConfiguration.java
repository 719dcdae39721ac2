package vn.gov.bca.platform.dossier.workflow;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.document.register.SigningUnits;
import vn.gov.bca.platform.document.signature.DevelopmentCa;
import vn.gov.bca.platform.document.signature.SignatureCheck;
import vn.gov.bca.platform.dossier.catalogue.RequiredDocument;
import vn.gov.bca.platform.data.claim.Claims;
import vn.gov.bca.platform.data.consumer.ProcessedEvents;
import vn.gov.bca.platform.data.metrics.CollectionCounts;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierCodes;
import vn.gov.bca.platform.dossier.DossierConfiguration;
import vn.gov.bca.platform.dossier.DossierQueries;
import vn.gov.bca.platform.dossier.DossierStatus;
import vn.gov.bca.platform.dossier.HandlingUnits;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.dossier.calendar.HolidayCalendars;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.dossier.fee.FeeOrders;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The workflow of a procedure service, made as soon as the service declares its
 * {@link ProcedureRules}: its catalogue ({@code vneid.dossier.procedures}, {@code procedures.json} by
 * default) and handling units ({@code vneid.dossier.handling-units}, {@code handling-units.json} by
 * default) as master data checked at start, the dossiers' collection ({@code vneid.dossier.collection},
 * {@code <domain>_dossiers} by default), the endpoints under {@code vneid.dossier.path}
 * ({@code /api/<domain>} by default; the domain is the outbox's, from the service's name), the fee's
 * payment listener, the follow-up of the dossiers' own events, and the typed clients of the registry and of fee orders.
 */
@AutoConfiguration(after = DossierConfiguration.class)
@ConditionalOnBean(ProcedureRules.class)
public class DossierWorkflowConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DossierWorkflowConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	ProcedureCatalogue procedureCatalogue(
			@Value("${vneid.dossier.procedures:classpath:procedures.json}") Resource file) throws java.io.IOException {
		try (java.io.InputStream in = file.getInputStream()) {
			return ProcedureCatalogue.load(in);
		}
	}

	/** A Spring resource location, e.g. {@code file:/etc/vneid/handling-units.json}. */
	@Bean
	@ConditionalOnMissingBean
	HandlingUnits handlingUnits(@Value("${vneid.dossier.handling-units:classpath:handling-units.json}") Resource file) {
		return HandlingUnits.load(file);
	}

	@Bean
	DossierWorkflow<?, ?> dossierWorkflow(ProcedureRules<?, ?> rules, AggregateStores stores,
			ReactiveMongoTemplate mongo, @Value("${vneid.dossier.path:/api/${vneid.outbox.domain}}") String path,
			@Value("${vneid.dossier.collection:${vneid.outbox.domain}_dossiers}") String name,
			ProcedureCatalogue catalogue, HandlingUnits units, HolidayCalendars calendars, DossierCodes codes, Attachments attachments,
			DossierQueries queries, FeeOrders feeOrders, SignatureCheck documentSignatures,
			@Value("${vneid.dossier.signer-trust-list:}") String signerTrustList, Clock clock) {
		DossierWorkflow.Parts parts = new DossierWorkflow.Parts(path, catalogue, units, calendars, codes, attachments,
				queries, feeOrders, mongo, signers(signerTrustList, documentSignatures, clock));
		return workflow(rules, stores, name, new Claims(mongo, name + "_open"), parts, clock);
	}

	/**
	 * Whom an applicant's signed PDF must chain to: the CA certificates of the PEM file
	 * {@code vneid.dossier.signer-trust-list} (DOSSIER_SIGNER_TRUST_LIST: the root CAs of the licensed
	 * digital-signature providers, in production); without one, those the service's own documents
	 * chain to (in development the local development CA, whose test signer the tests use).
	 */
	private static SignatureCheck signers(String trustList, SignatureCheck documentSignatures, Clock clock) {
		if (trustList == null || trustList.isBlank()) {
			return documentSignatures;
		}
		return new SignatureCheck(SignatureCheck.readTrustList(java.nio.file.Path.of(trustList)), clock);
	}

	private static <D extends Dossier, F> DossierWorkflow<D, F> workflow(ProcedureRules<D, F> rules,
			AggregateStores stores, String collection, Claims open, DossierWorkflow.Parts parts, Clock clock) {
		return new DossierWorkflow<>(rules, stores.forCollection(rules.dossierType(), collection), open, parts, clock);
	}

	/**
	 * For operators: {@code vneid.dossiers.open} (tags {@code status}, {@code unit}), the dossiers
	 * still to be dealt with, and {@code vneid.dossiers.overdue} (tag {@code unit}), those of them
	 * past their appointment date (before today in Vietnam, as the work queue's "overdue" filter),
	 * counted every {@code vneid.dossier.metrics-interval} (1 min).
	 */
	@Bean
	CollectionCounts dossierCounts(ReactiveMongoTemplate mongo, ObjectProvider<MeterRegistry> metrics,
			@Value("${vneid.dossier.collection:${vneid.outbox.domain}_dossiers}") String name,
			@Value("${vneid.dossier.metrics-interval:60s}") Duration interval,
			@Value("${spring.application.name}") String service, Clock clock) {
		Set<DossierStatus> open = DossierQueries.openStatuses();
		return new CollectionCounts(mongo, metrics.getIfAvailable(SimpleMeterRegistry::new), interval, List.of(
				new CollectionCounts.Count("vneid.dossiers.open", "Dossiers still to be dealt with, by status and unit",
						service, name, () -> Criteria.where("status").in(open),
						Map.of("status", "status", "unit", "handlingUnit.code")),
				new CollectionCounts.Count("vneid.dossiers.overdue",
						"Dossiers still to be dealt with past their appointment date, by unit", service, name,
						() -> Criteria.where("status").in(open).and("appointmentDate").lt(VietnamTime.today(clock)),
						Map.of("unit", "handlingUnit.code"))));
	}

	/** The index of those counts and of the work queues' filters by status (then unit and appointment). */
	@Bean
	ApplicationListener<ApplicationReadyEvent> dossierIndexes(ReactiveMongoTemplate mongo,
			@Value("${vneid.dossier.collection:${vneid.outbox.domain}_dossiers}") String name) {
		return (event) -> mongo.indexOps(name)
			.createIndex(new Index().on("status", Sort.Direction.ASC)
				.on("handlingUnit.code", Sort.Direction.ASC)
				.on("appointmentDate", Sort.Direction.ASC))
			.subscribe(null, (failure) -> log.warn("Index of {} not created: {}", name, failure.toString()));
	}

	@Bean
	DossierController dossierController(DossierWorkflow<?, ?> workflow) {
		return new DossierController(workflow);
	}

	/** Every handling unit signs the documents of its dossiers: the keystore must hold each one's key. */
	@Bean
	SigningUnits handlingUnitsSign(HandlingUnits units) {
		return () -> units.all().stream().map(Dossier.HandlingUnit::code).toList();
	}

	/**
	 * FOR DEVELOPMENT ONLY: where the catalogue wants documents signed online, the development
	 * keystore also holds a test signer ({@link DevelopmentCa#TEST_SIGNER}) chaining to the development
	 * CA, which the signer trust list then accepts by default.
	 */
	@Bean
	SigningUnits developmentTestSigner(ProcedureCatalogue catalogue,
			@Value("${vneid.documents.development-ca:false}") boolean developmentCa) {
		boolean signedDocuments = catalogue.procedures()
			.stream()
			.anyMatch((procedure) -> procedure.documents().stream().anyMatch(RequiredDocument::signedOnline));
		return () -> (developmentCa && signedDocuments) ? List.of(DevelopmentCa.TEST_SIGNER) : List.of();
	}

	@Bean
	DossierFollowUp<?> dossierFollowUp(ProcessedEvents processed, DossierWorkflow<?, ?> workflow,
			ProcedureRules<?, ?> rules, DocumentRegister documents, ProcedureCatalogue catalogue, JsonMapper json) {
		return followUp(processed, workflow, rules, new DossierReceipts(documents, catalogue),
				new DossierRefusals(documents, catalogue), json);
	}

	@SuppressWarnings("unchecked")
	private static <D extends Dossier> DossierFollowUp<D> followUp(ProcessedEvents processed,
			DossierWorkflow<?, ?> workflow, ProcedureRules<?, ?> rules, DossierReceipts receipts,
			DossierRefusals refusals, JsonMapper json) {
		return new DossierFollowUp<>(processed, (DossierWorkflow<D, ?>) workflow, (ProcedureRules<D, ?>) rules,
				receipts, refusals, json);
	}

	/** The dossier view's API description with the procedure's details, when the service describes its API. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
	static class ViewDescription {

		@Bean
		OpenApiCustomizer dossierViewSchema(ProcedureRules<?, ?> rules) {
			return DossierViewSchema.of(rules);
		}

	}

	/** Fee orders are told apart by the service-account client that asked for them. */
	@Bean
	FeePaymentListener feePaymentListener(ProcessedEvents processed, DossierWorkflow<?, ?> workflow, JsonMapper json,
			@Value("${vneid.service-account.client-id:${spring.application.name}}") String service) {
		return new FeePaymentListener(processed, workflow, json, service);
	}

}
