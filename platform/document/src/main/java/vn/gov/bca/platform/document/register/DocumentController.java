package vn.gov.bca.platform.document.register;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.document.register.IssuedDocument.Holder;
import vn.gov.bca.platform.document.register.IssuedDocument.Revocation;
import vn.gov.bca.platform.web.security.Caller;

/**
 * A service's documents for those who may have them: the holder and the officers of the issuing
 * unit's province read and download them (a stranger gets 404, an officer of another province
 * 403); those officers revoke one, with its reason.
 */
@RestController
@RequestMapping("/api/${vneid.outbox.domain}")
public class DocumentController {

	private final DocumentRegister register;

	private final String path;

	/** @param path the endpoints' path, {@code /api/<domain>} */
	DocumentController(DocumentRegister register, String path) {
		this.register = register;
		this.path = path;
	}

	@GetMapping("/me/documents")
	Mono<List<DocumentView>> mine(Caller caller) {
		return this.register.ofHolder(caller).map(this::view).collectList();
	}

	/** The documents of a dossier or payment order that the caller may read. */
	@GetMapping("/documents")
	Mono<List<DocumentView>> ofReference(@RequestParam @NotBlank @Size(max = 80) String reference, Caller caller) {
		return this.register.ofReference(reference.strip(), caller).map(this::view).collectList();
	}

	@GetMapping("/documents/{id}")
	Mono<DocumentView> document(@PathVariable String id, Caller caller) {
		return this.register.find(id, caller).map(this::view);
	}

	/** The signed PDF, the same bytes every time. */
	@GetMapping("/documents/{id}/pdf")
	Mono<ResponseEntity<byte[]>> pdf(@PathVariable String id, Caller caller) {
		return this.register.find(id, caller)
			.flatMap((document) -> this.register.pdf(document)
				.map((pdf) -> PdfDownloads.of(document.id() + ".pdf", pdf)));
	}

	@PostMapping("/documents/{id}/revocation")
	Mono<DocumentView> revoke(@PathVariable String id, @Valid @RequestBody RevocationRequest request, Caller caller) {
		return this.register.revoke(id, request.reason().strip(), caller).map(this::view);
	}

	/** @param reason what the verifier is shown ("Cấp nhầm số hộ chiếu"), at most 500 characters */
	record RevocationRequest(@NotBlank @Size(max = 500) String reason) {
	}

	/**
	 * A document for its holder or an officer.
	 *
	 * @param verificationUrl what its QR code holds
	 * @param pdf the path of its PDF
	 */
	record DocumentView(String id, String type, String title, String number, String reference, Holder holder,
			IssuedDocument.Issuer issuingUnit, Instant issuedAt, IssuedDocument.Status status, Revocation revocation,
			String supersededBy, String sha256, long size, String verificationUrl, String pdf) {
	}

	private DocumentView view(IssuedDocument document) {
		return new DocumentView(document.id(), document.type(), document.title(), document.number(),
				document.reference(), document.holder(), document.issuer(), document.issuedAt(), document.status(),
				document.revocation(), document.supersededBy(), document.sha256(), document.size(),
				this.register.verificationUrl(document), this.path + "/documents/" + document.id() + "/pdf");
	}

}
