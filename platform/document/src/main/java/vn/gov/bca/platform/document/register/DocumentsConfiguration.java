package vn.gov.bca.platform.document.register;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import vn.gov.bca.platform.data.config.PlatformDataAutoConfiguration;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.document.DocumentRenderer;
import vn.gov.bca.platform.document.signature.DevelopmentCa;
import vn.gov.bca.platform.document.signature.DocumentSigner;
import vn.gov.bca.platform.document.signature.SignatureCheck;
import vn.gov.bca.platform.document.signature.UnitKeys;

/**
 * The document register of a service that declares {@link SigningUnits}: the renderer, the units'
 * keys ({@code vneid.documents.keystore.*}, every declared unit must have one or the service does
 * not start), the signature check against the trust list, the register and its endpoints.
 */
@AutoConfiguration(after = PlatformDataAutoConfiguration.class,
		afterName = "vn.gov.bca.platform.dossier.workflow.DossierWorkflowConfiguration")
@ConditionalOnBean(SigningUnits.class)
@EnableConfigurationProperties(DocumentsProperties.class)
public class DocumentsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DocumentsConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	DocumentRenderer documentRenderer() {
		return new DocumentRenderer();
	}

	@Bean
	UnitKeys unitKeys(DocumentsProperties properties, ObjectProvider<SigningUnits> declared, Clock clock) {
		DocumentsProperties.Keystore keystore = properties.keystore();
		if (keystore == null || isBlank(keystore.path()) || keystore.password() == null
				|| keystore.password().isEmpty()) {
			throw new IllegalStateException("Documents are signed with the units' keys: set vneid.documents.keystore.path "
					+ "and vneid.documents.keystore.password (DOCUMENTS_KEYSTORE_PATH, DOCUMENTS_KEYSTORE_PASSWORD)");
		}
		Set<String> units = new TreeSet<>();
		declared.orderedStream().map(SigningUnits::codes).forEach(units::addAll);
		Path path = Path.of(keystore.path());
		char[] password = keystore.password().toCharArray();
		if (properties.developmentCa() && needsDevelopmentKeys(path, password, units)) {
			log.warn("Writing a DEVELOPMENT keystore for {} units at {}: its CA is trusted nowhere else", units.size(), path);
			Instant notBefore = clock.instant().minusSeconds(3600);
			if (Files.exists(path)) {
				DevelopmentCa.write(path, password, units, notBefore, DevelopmentCa.KeyType.EC_P256);
			}
			// None there: another instance starting now may write one too, and the first one stays.
			else if (!DevelopmentCa.writeIfAbsent(path, password, units, notBefore)) {
				log.info("Another instance wrote the development keystore {} first: its keys are used", path);
			}
		}
		UnitKeys keys = UnitKeys.load(path, password);
		List<String> missing = keys.missing(units);
		if (!missing.isEmpty()) {
			throw new IllegalStateException("The signing keystore " + path + " has no key for the units " + missing);
		}
		return keys;
	}

	/**
	 * A development keystore is written when there is none, or when the one there is a development
	 * keystore lacking a unit; a real one (another CA) is never replaced, whatever the setting says.
	 */
	static boolean needsDevelopmentKeys(Path path, char[] password, Set<String> units) {
		if (!Files.exists(path)) {
			return true;
		}
		UnitKeys existing = UnitKeys.load(path, password);
		if (existing.missing(units).isEmpty()) {
			return false;
		}
		if (!DevelopmentCa.isDevelopment(existing)) {
			throw new IllegalStateException("The signing keystore " + path + " lacks the units " + existing.missing(units)
					+ " and is not a development keystore: it is not replaced");
		}
		return true;
	}

	@Bean
	DocumentSigner documentSigner(UnitKeys keys) {
		return new DocumentSigner(keys);
	}

	@Bean
	SignatureCheck signatureCheck(DocumentsProperties properties, UnitKeys keys, Clock clock) {
		Collection<X509Certificate> trusted = !isBlank(properties.trustList()) ? SignatureCheck.readTrustList(Path.of(properties.trustList()))
				: keys.trustedCertificates();
		if (trusted.isEmpty()) {
			throw new IllegalStateException("No trusted certificate: set vneid.documents.trust-list (DOCUMENTS_TRUST_LIST)");
		}
		return new SignatureCheck(trusted, clock);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	@Bean
	DocumentRegister documentRegister(AggregateStores stores, ReactiveMongoTemplate mongo,
			ReactiveMongoDatabaseFactory databases, DocumentRenderer renderer, DocumentSigner signer,
			SignatureCheck signatures, Clock clock, DocumentsProperties properties,
			@Value("${vneid.documents.collection:${vneid.outbox.domain}_documents}") String collection,
			@Value("${vneid.outbox.domain}") String domain) {
		String base = properties.publicUrl().replaceAll("/+$", "") + "/api/" + domain + "/public/documents/";
		return new DocumentRegister(stores, collection, mongo, databases, renderer, signer, signatures, clock, base);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> documentIndexes(DocumentRegister register) {
		return (event) -> register.createIndexes()
			.subscribe(null, (ex) -> log.warn("Could not create the document register's indexes: {}", ex.toString()));
	}

	@Bean
	DocumentController documentController(DocumentRegister register, @Value("${vneid.outbox.domain}") String domain) {
		return new DocumentController(register, "/api/" + domain);
	}

	@Bean
	PublicDocumentController publicDocumentController(DocumentRegister register) {
		return new PublicDocumentController(register, new VerificationPage());
	}

}
