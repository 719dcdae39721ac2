package vn.gov.bca.platform.document.register;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.error.Problems;

/**
 * Verification without login (rate-limited per address at the gateway, as every
 * {@code /api/<service>/public/} path): the QR code's URL answers whether the document is genuine
 * and in force, as JSON, or as a small page when a phone's browser asks for HTML; a SHA-256 of a
 * file answers whether the register issued exactly that file.
 */
@RestController
@RequestMapping("/api/${vneid.outbox.domain}/public/documents")
public class PublicDocumentController {

	/** The page allows nothing but its own inline style: no script, no image, no frame. */
	static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	private final DocumentRegister register;

	private final VerificationPage page;

	PublicDocumentController(DocumentRegister register, VerificationPage page) {
		this.register = register;
		this.page = page;
	}

	/** @param c the check value printed in the QR code's URL */
	@GetMapping(path = "/{id}", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE })
	Mono<ResponseEntity<Object>> verify(@PathVariable @Size(max = 40) String id,
			@RequestParam(name = "c", required = false) @Size(max = 40) String c, ServerWebExchange exchange) {
		return answer(this.register.verify(id, c), exchange);
	}

	/** Whether the register issued the file of this SHA-256 (hex): {@code NOT_GENUINE} when it did not. */
	@GetMapping(produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE })
	Mono<ResponseEntity<Object>> byHash(@RequestParam @Size(max = 80) String sha256, ServerWebExchange exchange) {
		return answer(this.register.verifyHash(sha256), exchange);
	}

	private Mono<ResponseEntity<Object>> answer(Mono<Verification> verification, ServerWebExchange exchange) {
		if (!wantsHtml(exchange)) {
			return verification.map((answer) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer));
		}
		Locale locale = Problems.locale(exchange);
		return verification.map((answer) -> html(HttpStatus.OK, this.page.render(answer, locale)))
			.onErrorResume(ApiException.class,
					(refused) -> refused.type() != ProblemType.NOT_FOUND ? Mono.error(refused)
							: Mono.just(html(HttpStatus.NOT_FOUND, this.page.render(null, locale))));
	}

	private static ResponseEntity<Object> html(HttpStatus status, String page) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Security-Policy", PAGE_POLICY)
			.header("X-Content-Type-Options", "nosniff")
			.header("Cache-Control", "no-store")
			.body((Object) page);
	}

	/** A browser (text/html listed before any JSON type); an API client, curl (*&#47;*) and no Accept get JSON. */
	static boolean wantsHtml(ServerWebExchange exchange) {
		List<MediaType> accepted;
		try {
			accepted = exchange.getRequest().getHeaders().getAccept();
		}
		catch (RuntimeException malformed) {
			return false;
		}
		for (MediaType type : accepted) {
			if (type.getQualityValue() == 0) {
				continue;
			}
			if (MediaType.TEXT_HTML.equalsTypeAndSubtype(type)) {
				return true;
			}
			if (MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
				return false;
			}
		}
		return false;
	}

}
