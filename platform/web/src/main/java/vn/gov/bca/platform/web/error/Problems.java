package vn.gov.bca.platform.web.error;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.web.context.RequestContext;

/**
 * Builds and writes RFC 9457 problem details, localized by the request's Accept-Language
 * (Vietnamese unless English is preferred). Everything that answers an error in any service or
 * the gateway goes through here, so the body has one shape everywhere.
 */
public class Problems {

	public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

	/** The platform libraries' messages, each used when that library is on the classpath. */
	static final List<String> PLATFORM_BUNDLES = List.of("vn/gov/bca/platform/web/error/problems",
			"vn/gov/bca/platform/dossier/messages", "vn/gov/bca/platform/document/messages");

	private final MessageSource messages;

	private final JsonMapper json;

	public Problems(MessageSource applicationMessages, JsonMapper json) {
		ResourceBundleMessageSource platform = new ResourceBundleMessageSource();
		platform.setBasenames(PLATFORM_BUNDLES.stream()
			.filter((basename) -> new ClassPathResource(basename + ".properties").exists())
			.toArray(String[]::new));
		platform.setDefaultEncoding(StandardCharsets.UTF_8.name());
		platform.setFallbackToSystemLocale(false);
		platform.setUseCodeAsDefaultMessage(false);
		this.messages = new ChainedMessageSource(applicationMessages, platform);
		this.json = json;
	}

	/** The language to answer in: the first of vi or en the client accepts, vi by default. */
	public static Locale locale(ServerWebExchange exchange) {
		List<Locale.LanguageRange> ranges;
		try {
			ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
		}
		catch (IllegalArgumentException ex) {
			return VIETNAMESE;
		}
		Locale match = Locale.lookup(ranges, SUPPORTED);
		return (match != null) ? match : VIETNAMESE;
	}

	public Map<String, Object> body(ServerWebExchange exchange, ProblemType type, String detailCode, Object[] args,
			Map<String, Object> properties) {
		Locale locale = locale(exchange);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.uri().toString());
		body.put("title", message("problem." + type.slug() + ".title", new Object[0], locale, type.slug()));
		body.put("status", type.status().value());
		if (detailCode != null) {
			// A specific detail ("not-found.dossier") falls back to the type's general one.
			String detail = message(detailCode, args, locale, null);
			body.put("detail", (detail != null) ? detail : message(type.slug(), new Object[0], locale, null));
		}
		body.put("instance", exchange.getRequest().getPath().value());
		String requestId = RequestContext.requestId(exchange);
		if (requestId != null) {
			body.put("requestId", requestId);
		}
		body.putAll(properties);
		if (body.get("detail") == null) {
			body.remove("detail");
		}
		return body;
	}

	public String message(String code, Object[] args, Locale locale, String fallback) {
		return this.messages.getMessage(code, args, fallback, locale);
	}

	public Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detailCode, Object[] args,
			Map<String, Object> properties) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		Map<String, Object> body = body(exchange, type, detailCode, args, properties);
		response.setStatusCode(type.status());
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(PROBLEM_JSON);
		headers.set(HttpHeaders.CONTENT_LANGUAGE, locale(exchange).getLanguage());
		headers.remove(HttpHeaders.CONTENT_LENGTH);
		byte[] bytes = this.json.writeValueAsBytes(body);
		DataBuffer buffer = response.bufferFactory().wrap(bytes);
		return response.writeWith(Mono.just(buffer));
	}

	public Mono<Void> write(ServerWebExchange exchange, ApiException ex) {
		if (ex.errors().isEmpty()) {
			return write(exchange, ex.type(), ex.detailCode(), ex.detailArgs(), ex.properties());
		}
		Locale locale = locale(exchange);
		List<Map<String, Object>> errors = new ArrayList<>();
		for (ApiException.FieldProblem error : ex.errors()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("field", error.field());
			item.put("code", error.code());
			item.put("message", message(error.code(), error.args(), locale, error.code()));
			errors.add(item);
		}
		Map<String, Object> properties = new LinkedHashMap<>(ex.properties());
		properties.put("errors", errors);
		return write(exchange, ex.type(), ex.detailCode(), ex.detailArgs(), properties);
	}

	/** Asks the service's messages first, then the platform's. */
	private record ChainedMessageSource(MessageSource first, MessageSource second) implements MessageSource {

		@Override
		public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
			String found = (this.first != null) ? this.first.getMessage(code, args, null, locale) : null;
			return (found != null) ? found : this.second.getMessage(code, args, defaultMessage, locale);
		}

		@Override
		public String getMessage(String code, Object[] args, Locale locale) {
			String found = getMessage(code, args, null, locale);
			if (found == null) {
				throw new org.springframework.context.NoSuchMessageException(code, locale);
			}
			return found;
		}

		@Override
		public String getMessage(org.springframework.context.MessageSourceResolvable resolvable, Locale locale) {
			for (String code : resolvable.getCodes()) {
				String found = getMessage(code, resolvable.getArguments(), null, locale);
				if (found != null) {
					return found;
				}
			}
			return resolvable.getDefaultMessage();
		}

	}

}
