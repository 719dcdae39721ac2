package vn.gov.bca.platform.web.error;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The stable problem types every service answers with. The {@code type} URI of a problem never
 * changes once published: integrating agencies branch on it, so a new kind of problem is a new
 * constant, never a renamed one. Titles are localized from {@code problems*.properties}.
 */
public enum ProblemType {

	VALIDATION("validation", HttpStatus.BAD_REQUEST),
	MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST),
	UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED),
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
	IDENTITY_LEVEL_REQUIRED("identity-level-required", HttpStatus.FORBIDDEN),
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
	METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
	NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
	CONFLICT("conflict", HttpStatus.CONFLICT),
	CONCURRENT_MODIFICATION("concurrent-modification", HttpStatus.CONFLICT),
	ILLEGAL_TRANSITION("illegal-transition", HttpStatus.CONFLICT),
	IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", HttpStatus.CONFLICT),
	IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT),
	PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE),
	URI_TOO_LONG("uri-too-long", HttpStatus.URI_TOO_LONG),
	HEADERS_TOO_LARGE("headers-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
	UNPROCESSABLE("unprocessable", HttpStatus.UNPROCESSABLE_CONTENT),
	TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS),
	SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
	INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR);

	/** Base of every type URI; the page behind it documents the problem for integrators. */
	public static final String BASE_URI = "https://dichvucong.bca.gov.vn/problems/";

	private final String slug;

	private final HttpStatus status;

	ProblemType(String slug, HttpStatus status) {
		this.slug = slug;
		this.status = status;
	}

	public String slug() {
		return this.slug;
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI uri() {
		return URI.create(BASE_URI + this.slug);
	}

	public static ProblemType forStatus(int status) {
		return switch (status) {
			case 400 -> MALFORMED_REQUEST;
			case 401 -> UNAUTHENTICATED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 414 -> URI_TOO_LONG;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 422 -> UNPROCESSABLE;
			case 429 -> TOO_MANY_REQUESTS;
			case 431 -> HEADERS_TOO_LARGE;
			case 502, 503, 504 -> SERVICE_UNAVAILABLE;
			default -> (status >= 400 && status < 500) ? MALFORMED_REQUEST : INTERNAL;
		};
	}

}
