package vn.gov.bca.platform.web.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;

import vn.gov.bca.platform.web.context.RequestContextLogging;
import vn.gov.bca.platform.web.security.PersonalIds;

/**
 * The one place where an exception becomes an HTTP answer: every failure leaves as problem+json,
 * with field errors for invalid input, and nothing internal (no stack trace, no class name, no
 * database id) in the body. Unexpected failures are logged with the request id and answered as a
 * plain 500 problem.
 */
public class ProblemExceptionHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	private final Problems problems;

	public ProblemExceptionHandler(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		if (ex instanceof ApiException api) {
			if (api.type() == ProblemType.SERVICE_UNAVAILABLE) {
				logUnavailable(exchange, api);
			}
			return this.problems.write(exchange, api);
		}
		if (ex instanceof WebExchangeBindException bind) {
			return validation(exchange, fieldErrors(exchange, bind.getAllErrors()));
		}
		if (ex instanceof HandlerMethodValidationException methodValidation) {
			return validation(exchange, parameterErrors(exchange, methodValidation));
		}
		if (isTooLarge(ex)) {
			return write(exchange, ProblemType.PAYLOAD_TOO_LARGE);
		}
		if (ex instanceof ServerWebInputException) {
			List<Map<String, Object>> errors = bodyFieldErrors(exchange, ex);
			return errors.isEmpty() ? write(exchange, ProblemType.MALFORMED_REQUEST) : validation(exchange, errors);
		}
		if (ex instanceof ErrorResponse response) {
			return fromStatus(exchange, response.getStatusCode().value(), ex);
		}
		if (ex instanceof OptimisticLockingFailureException) {
			return write(exchange, ProblemType.CONCURRENT_MODIFICATION);
		}
		if (ex instanceof DuplicateKeyException) {
			return write(exchange, ProblemType.CONFLICT);
		}
		if (ex instanceof AuthenticationException) {
			return write(exchange, ProblemType.UNAUTHENTICATED);
		}
		if (ex instanceof AccessDeniedException) {
			return write(exchange, ProblemType.FORBIDDEN);
		}
		if (ex instanceof CallNotPermittedException || ex instanceof TimeoutException
				|| ex instanceof WebClientRequestException) {
			logUnavailable(exchange, ex);
			return write(exchange, ProblemType.SERVICE_UNAVAILABLE);
		}
		return unexpected(exchange, ex);
	}

	private Mono<Void> fromStatus(ServerWebExchange exchange, int status, Throwable ex) {
		if (status >= 500 && status != 503) {
			return unexpected(exchange, ex);
		}
		if (status == 503) {
			logUnavailable(exchange, ex);
		}
		return write(exchange, ProblemType.forStatus(status));
	}

	/**
	 * Every 503 this service answers is logged once, here, with its cause and the request id: the
	 * gateway's log names the service that answered 503, and this line says why.
	 */
	private void logUnavailable(ServerWebExchange exchange, Throwable ex) {
		Throwable cause = (ex instanceof ApiException && ex.getCause() != null) ? ex.getCause() : ex;
		StringBuilder reason = new StringBuilder(cause.toString());
		for (Throwable next = cause.getCause(); next != null && next != cause; next = next.getCause()) {
			reason.append(" <- ").append(next);
			cause = next;
		}
		RequestContextLogging.withRequestIds(exchange, () -> log.warn("503 on {} {}: {}", exchange.getRequest().getMethod(),
				PersonalIds.maskIn(exchange.getRequest().getPath().value()), reason));
	}

	/**
	 * A body that is JSON but does not fit the request's type (a missing or null required field, a
	 * string where a boolean is expected) names the fields in {@code errors[]} like a validation
	 * error; only a body that is not JSON at all stays a bare "malformed request".
	 */
	private List<Map<String, Object>> bodyFieldErrors(ServerWebExchange exchange, Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			// A mismatched value, or one its type's own factory refused (a birth date of month 13).
			if (cause instanceof DatabindException mismatch) {
				String field = path(mismatch);
				if (field.isEmpty()) {
					return List.of();
				}
				boolean missing = mismatch instanceof InvalidNullException || mismatch.getMessage() != null
						&& (mismatch.getMessage().contains("null") || mismatch.getMessage().contains("Missing"));
				String code = missing ? "NotNull" : "TypeMismatch";
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("field", field);
				item.put("code", code);
				item.put("message", this.problems.message("validation." + code, new Object[0],
						Problems.locale(exchange), code));
				return List.of(item);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return List.of();
	}

	/** {@code applicant.address.province}, {@code documents[2].kind}: the field as the client wrote it. */
	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		if (path.isEmpty() && ex instanceof InvalidNullException invalidNull && invalidNull.getPropertyName() != null) {
			path.append(invalidNull.getPropertyName().getSimpleName());
		}
		return path.toString();
	}

	private Mono<Void> write(ServerWebExchange exchange, ProblemType type) {
		return this.problems.write(exchange, type, type.slug(), new Object[0], Map.of());
	}

	private Mono<Void> unexpected(ServerWebExchange exchange, Throwable ex) {
		// Error handling runs outside the request's Reactor context: put its ids in this line by hand.
		RequestContextLogging.withRequestIds(exchange, () -> log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(),
				PersonalIds.maskIn(exchange.getRequest().getPath().value()), ex));
		return write(exchange, ProblemType.INTERNAL);
	}

	private Mono<Void> validation(ServerWebExchange exchange, List<Map<String, Object>> errors) {
		return this.problems.write(exchange, ProblemType.VALIDATION, "validation", new Object[0],
				Map.of("errors", errors));
	}

	private List<Map<String, Object>> fieldErrors(ServerWebExchange exchange, List<ObjectError> errors) {
		Locale locale = Problems.locale(exchange);
		List<Map<String, Object>> result = new ArrayList<>();
		for (ObjectError error : errors) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("field", (error instanceof FieldError field) ? field.getField() : error.getObjectName());
			item.put("code", error.getCode());
			item.put("message", localized(error, locale));
			result.add(item);
		}
		return result;
	}

	private List<Map<String, Object>> parameterErrors(ServerWebExchange exchange, HandlerMethodValidationException ex) {
		Locale locale = Problems.locale(exchange);
		List<Map<String, Object>> result = new ArrayList<>();
		ex.getParameterValidationResults().forEach((parameterResult) -> {
			String name = parameterResult.getMethodParameter().getParameterName();
			parameterResult.getResolvableErrors().forEach((error) -> {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("field", name);
				item.put("code", (error.getCodes() != null && error.getCodes().length > 0)
						? error.getCodes()[error.getCodes().length - 1] : null);
				item.put("message", this.problems.message("validation." + item.get("code"), error.getArguments(),
						locale, error.getDefaultMessage()));
				result.add(item);
			});
		});
		return result;
	}

	/** Constraint codes (NotBlank, Pattern, ...) have a message per language in problems*.properties. */
	private String localized(ObjectError error, Locale locale) {
		String code = error.getCode();
		return this.problems.message("validation." + code, new Object[0], locale, error.getDefaultMessage());
	}

	private static boolean isTooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataBufferLimitException) {
				return true;
			}
			if (cause instanceof DecodingException && cause.getMessage() != null
					&& cause.getMessage().contains("limit")) {
				return true;
			}
		}
		return false;
	}

}
