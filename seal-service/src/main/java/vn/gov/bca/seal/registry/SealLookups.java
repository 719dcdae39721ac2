package vn.gov.bca.seal.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.document.register.PdfDownloads;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;
import vn.gov.bca.seal.organisation.Organisations;

/**
 * The registry as others see it. Anyone (a bank, a notary) looks a certificate up by its number:
 * whether the seal is registered and active, whose, of which kind, with its specimen image, and
 * whether that certificate is still the one in force. An organisation's representatives and the
 * officers of its unit see its seals with their history.
 */
@RestController
class SealLookups {

	private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,59}");

	private final SealRegistry registry;

	private final Organisations organisations;

	private final DocumentRegister documents;

	private final Clock clock;

	SealLookups(SealRegistry registry, Organisations organisations, DocumentRegister documents, Clock clock) {
		this.registry = registry;
		this.organisations = organisations;
		this.documents = documents;
		this.clock = clock;
	}

	/**
	 * What a third party is told: the certificate ({@code IN_FORCE} or {@code SUPERSEDED} by a newer
	 * one), the seal's status and registration, the organisation's name (a public body's), the
	 * specimen's address and hash; no person.
	 */
	record PublicSeal(String certificateNumber, CertificateStatus certificateStatus, String sealNumber,
			Seal.Status sealStatus, boolean active, SealKind kind, String kindVi, String organisationName,
			String registeredBy, LocalDate registeredOn, String replacedBy, String specimenUrl, String specimenSha256) {
	}

	enum CertificateStatus {

		IN_FORCE, SUPERSEDED

	}

	@GetMapping("/api/seal/public/certificates/{number}")
	Mono<PublicSeal> certificate(@PathVariable String number) {
		return byCertificate(number).map((seal) -> new PublicSeal(number,
				(seal.certificate() != null && seal.certificate().number().equals(number)) ? CertificateStatus.IN_FORCE
						: CertificateStatus.SUPERSEDED,
				seal.number(), seal.status(), seal.isActive(), seal.kind(), seal.kind().nameVi(), seal.organisationName(),
				seal.unitName(), seal.registeredOn(), seal.replacedBy(),
				"/api/seal/public/certificates/" + number + "/specimen", seal.specimen().sha256()));
	}

	/** The specimen image, as registered (its hash in the lookup). */
	@GetMapping("/api/seal/public/certificates/{number}/specimen")
	Mono<ResponseEntity<byte[]>> specimen(@PathVariable String number) {
		return byCertificate(number).flatMap((seal) -> this.registry.specimen(seal.specimen())
			.map((image) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(seal.specimen().mediaType()))
				.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
				.header("X-Content-Type-Options", "nosniff")
				.body(image)));
	}

	private Mono<Seal> byCertificate(String number) {
		if (number == null || !NUMBER.matcher(number).matches()) {
			return Mono.error(ApiException.notFound("certificate"));
		}
		return this.registry.byCertificate(number).switchIfEmpty(Mono.error(() -> ApiException.notFound("certificate")));
	}

	/** An organisation's seals with their history: its representatives, the officers of its unit. */
	@GetMapping("/api/seal/organisations/{id}/seals")
	Mono<List<Seal>> seals(@PathVariable String id, Caller caller) {
		return this.organisations.find(id)
			.doOnNext((organisation) -> organisation.requireVisibleTo(caller, VietnamTime.today(this.clock)))
			.flatMap((organisation) -> this.registry.ofOrganisation(organisation.id()).collectList());
	}

	/**
	 * The certificate in force of one of the organisation's seals, as signed: for whoever acts for
	 * the organisation today (a successor of the representative who filed) and the officers of its
	 * unit; 404 for a seal that is not the organisation's or has no certificate in force.
	 */
	@GetMapping("/api/seal/organisations/{id}/seals/{number}/certificate")
	Mono<ResponseEntity<byte[]>> certificatePdf(@PathVariable String id, @PathVariable String number, Caller caller) {
		return this.organisations.find(id)
			.doOnNext((organisation) -> organisation.requireVisibleTo(caller, VietnamTime.today(this.clock)))
			.flatMap((organisation) -> this.registry.find(number)
				.filter((seal) -> seal.organisationId().equals(organisation.id()) && seal.certificate() != null))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("certificate")))
			.flatMap((seal) -> this.documents.find(seal.certificate().documentId())
				.flatMap((document) -> this.documents.pdf(document)
					.map((pdf) -> PdfDownloads.of(seal.certificate().number() + ".pdf", pdf))))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("certificate")));
	}

}
