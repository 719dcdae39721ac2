package vn.gov.bca.platform.dossier.workflow;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.document.register.SigningUnits;
import vn.gov.bca.platform.document.signature.DevelopmentCa;
import vn.gov.bca.platform.document.signature.SignatureCheck;
import vn.gov.bca.platform.dossier.catalogue.RequiredDocument;
import vn.gov.bca.platform.data.claim.Claims;
import vn.gov.bca.platform.data.consumer.ProcessedEvents;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierCodes;
import vn.gov.bca.platform.dossier.DossierConfiguration;
import vn.gov.bca.platform.dossier.DossierQueries;
import vn.gov.bca.platform.dossier.HandlingUnits;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.dossier.calendar.HolidayCalendars;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.dossier.fee.FeeOrders;

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
			ProcedureRules<?, ?> rules, DocumentRegister documents, ProcedureCatalogue catalogue) {
		return followUp(processed, workflow, rules, new DossierReceipts(documents, catalogue),
				new DossierRefusals(documents, catalogue));
	}

	@SuppressWarnings("unchecked")
	private static <D extends Dossier> DossierFollowUp<D> followUp(ProcessedEvents processed,
			DossierWorkflow<?, ?> workflow, ProcedureRules<?, ?> rules, DossierReceipts receipts,
			DossierRefusals refusals) {
		return new DossierFollowUp<>(processed, (DossierWorkflow<D, ?>) workflow, (ProcedureRules<D, ?>) rules,
				receipts, refusals);
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
