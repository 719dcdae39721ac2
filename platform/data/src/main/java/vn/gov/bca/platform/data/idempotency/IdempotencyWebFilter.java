package vn.gov.bca.platform.data.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.types.Binary;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

/**
 * {@code Idempotency-Key} on creating POSTs: a client (the mobile app on a flaky network, the
 * national portal retrying) may send the same request again and gets the first answer back
 * instead of a second dossier or payment. Keys are scoped to the caller (token subject) and kept
 * for a day. The same key with another request (method, path or body) is refused with 422; the
 * same key while the first request is still running gets 409. A 5xx answer is not remembered, so
 * the client can retry it.
 * <p>
 * The body is part of the fingerprint, so it is read before the handler runs, and never more of it
 * than the limit (review finding 9: it read whole bodies into memory, and chunked bodies have no
 * length for the gateway to check): JSON and other bodies up to the codec limit (512 KB), multipart
 * uploads up to their own limit (12 MB); over it, 413 at once. The bytes read are handed to the
 * handler unchanged, multipart included: the exchange's multipart and form data are parsed again
 * from them (they were parsed, lazily, from the original request, whose body is consumed here,
 * which answered a PDF upload with 500 "Could not find first boundary").
 */
public class IdempotencyWebFilter implements WebFilter, Ordered {

	public static final String HEADER = "Idempotency-Key";

	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	public static final String COLLECTION = "idempotency_keys";

	private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

	private static final Logger log = LoggerFactory.getLogger(IdempotencyWebFilter.class);

	private final ReactiveMongoTemplate mongo;

	private final ServerCodecConfigurer codecs;

	private final int maxBodySize;

	private final int maxMultipartSize;

	public IdempotencyWebFilter(ReactiveMongoTemplate mongo, ServerCodecConfigurer codecs, DataSize maxBodySize,
			DataSize maxMultipartSize) {
		this.mongo = mongo;
		this.codecs = codecs;
		this.maxBodySize = (int) Math.min(Integer.MAX_VALUE, maxBodySize.toBytes());
		this.maxMultipartSize = (int) Math.min(Integer.MAX_VALUE, maxMultipartSize.toBytes());
	}

	/** After Spring Security (-100), so that the caller is known. */
	@Override
	public int getOrder() {
		return -50;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String key = exchange.getRequest().getHeaders().getFirst(HEADER);
		if (key == null || !HttpMethod.POST.equals(exchange.getRequest().getMethod())) {
			return chain.filter(exchange);
		}
		if (!VALID_KEY.matcher(key).matches()) {
			return Mono.error(new ApiException(ProblemType.VALIDATION, "idempotency-key-invalid"));
		}
		return exchange.getPrincipal()
			.map((principal) -> principal.getName())
			.defaultIfEmpty("anonymous")
			.flatMap((caller) -> DataBufferUtils.join(exchange.getRequest().getBody(), limitFor(exchange))
				.map(IdempotencyWebFilter::bytes)
				.defaultIfEmpty(new byte[0])
				.flatMap((body) -> handle(exchange, chain, caller + ":" + key, body)));
	}

	private int limitFor(ServerWebExchange exchange) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		int limit = isMultipart(exchange) ? this.maxMultipartSize : this.maxBodySize;
		if (declared > limit) {
			// Refused before a byte is read (a DataBufferLimitException is answered 413 by the platform).
			throw new DataBufferLimitException("Request body of " + declared + " bytes over " + limit);
		}
		return limit;
	}

	private static boolean isMultipart(ServerWebExchange exchange) {
		try {
			MediaType type = exchange.getRequest().getHeaders().getContentType();
			return type != null && MediaType.MULTIPART_FORM_DATA.includes(type);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private Mono<Void> handle(ServerWebExchange exchange, WebFilterChain chain, String id, byte[] body) {
		String fingerprint = fingerprint(exchange, body);
		Document claim = new Document("_id", id).append("fingerprint", fingerprint)
			.append("state", "IN_PROGRESS")
			.append("createdAt", new Date());
		return this.mongo.insert(claim, COLLECTION)
			.then(Mono.defer(() -> proceed(exchange, chain, id, body)))
			.onErrorResume(DuplicateKeyException.class, (duplicate) -> replay(exchange, id, fingerprint));
	}

	private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, String id, byte[] body) {
		ServerHttpRequestDecorator request = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}
		};
		ServerHttpResponse original = exchange.getResponse();
		ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(original) {
			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
				return DataBufferUtils.join(Flux.from(content)).map(IdempotencyWebFilter::bytes).defaultIfEmpty(new byte[0])
					.flatMap((bytes) -> remember(id, getStatusCode(), getHeaders(), bytes)
						.then(super.writeWith(Mono.just(bufferFactory().wrap(bytes)))));
			}
		};
		ServerWebExchange replayed = new BodyReplayingExchange(exchange.mutate().request(request).response(response).build());
		return chain.filter(replayed)
			.then(Mono.defer(() -> forgetIfNotCompleted(id)))
			.onErrorResume((ex) -> forget(id).then(Mono.error(ex)));
	}

	/**
	 * Multipart and form data parsed from the replayed body, not from the original request: Spring's
	 * exchange parses them from the request it was created with.
	 */
	private final class BodyReplayingExchange extends ServerWebExchangeDecorator {

		private final Mono<MultiValueMap<String, Part>> multipart;

		private final Mono<MultiValueMap<String, String>> form;

		BodyReplayingExchange(ServerWebExchange delegate) {
			super(delegate);
			this.multipart = this.<Part>read(MULTIPART_TYPE, MediaType.MULTIPART_FORM_DATA).cache();
			this.form = this.<String>read(FORM_TYPE, MediaType.APPLICATION_FORM_URLENCODED).cache();
		}

		@Override
		public Mono<MultiValueMap<String, Part>> getMultipartData() {
			return this.multipart;
		}

		@Override
		public Mono<MultiValueMap<String, String>> getFormData() {
			return this.form;
		}

		@SuppressWarnings("unchecked")
		private <T> Mono<MultiValueMap<String, T>> read(ResolvableType type, MediaType mediaType) {
			return Mono.defer(() -> {
				MediaType contentType;
				try {
					contentType = getRequest().getHeaders().getContentType();
				}
				catch (RuntimeException ex) {
					contentType = null;
				}
				if (contentType == null || !mediaType.isCompatibleWith(contentType)) {
					return Mono.just(new LinkedMultiValueMap<>());
				}
				for (HttpMessageReader<?> reader : IdempotencyWebFilter.this.codecs.getReaders()) {
					if (reader.canRead(type, contentType)) {
						return ((HttpMessageReader<MultiValueMap<String, T>>) reader).readMono(type, getRequest(), Map.of())
							.switchIfEmpty(Mono.fromSupplier(LinkedMultiValueMap::new));
					}
				}
				return Mono.just(new LinkedMultiValueMap<>());
			});
		}

	}

	private static final ResolvableType MULTIPART_TYPE = ResolvableType.forClassWithGenerics(MultiValueMap.class,
			String.class, Part.class);

	private static final ResolvableType FORM_TYPE = ResolvableType.forClassWithGenerics(MultiValueMap.class,
			String.class, String.class);

	private Mono<Void> remember(String id, HttpStatusCode status, HttpHeaders headers, byte[] body) {
		if (status == null || status.is5xxServerError()) {
			return forget(id);
		}
		Document update = new Document("state", "COMPLETED").append("status", status.value())
			.append("contentType", headers.getFirst(HttpHeaders.CONTENT_TYPE))
			.append("location", headers.getFirst(HttpHeaders.LOCATION))
			.append("body", new Binary(body));
		return this.mongo.getCollection(COLLECTION)
			.flatMap((collection) -> Mono.from(collection.updateOne(new Document("_id", id), new Document("$set", update))))
			.then();
	}

	/** A response with no body never went through writeWith; nothing stored means it may be retried. */
	private Mono<Void> forgetIfNotCompleted(String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id).and("state").is("IN_PROGRESS")), COLLECTION)
			.then();
	}

	private Mono<Void> forget(String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).then();
	}

	private Mono<Void> replay(ServerWebExchange exchange, String id, String fingerprint) {
		return this.mongo.findById(id, Document.class, COLLECTION)
			.switchIfEmpty(Mono.error(() -> new ApiException(ProblemType.IDEMPOTENCY_KEY_IN_USE,
					"idempotency-key-in-use")))
			.flatMap((stored) -> {
				if (!fingerprint.equals(stored.getString("fingerprint"))) {
					return Mono.error(new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED, "idempotency-key-reused"));
				}
				if (!"COMPLETED".equals(stored.getString("state"))) {
					return Mono.error(new ApiException(ProblemType.IDEMPOTENCY_KEY_IN_USE, "idempotency-key-in-use"));
				}
				log.debug("Replaying the stored answer for an Idempotency-Key");
				ServerHttpResponse response = exchange.getResponse();
				response.setStatusCode(HttpStatusCode.valueOf(stored.getInteger("status")));
				HttpHeaders headers = response.getHeaders();
				headers.set(REPLAYED_HEADER, "true");
				for (Map.Entry<String, String> header : Map.of(HttpHeaders.CONTENT_TYPE, nullToEmpty(stored.getString("contentType")),
						HttpHeaders.LOCATION, nullToEmpty(stored.getString("location"))).entrySet()) {
					if (!header.getValue().isEmpty()) {
						headers.set(header.getKey(), header.getValue());
					}
				}
				Binary body = stored.get("body", Binary.class);
				byte[] bytes = (body != null) ? body.getData() : new byte[0];
				return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
			});
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	private static String fingerprint(ServerWebExchange exchange, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(exchange.getRequest().getMethod().name().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) ' ');
			digest.update(exchange.getRequest().getPath().value().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) '\n');
			String boundary = isMultipart(exchange)
					? exchange.getRequest().getHeaders().getContentType().getParameter("boundary") : null;
			if (boundary != null && !boundary.isEmpty()) {
				// A client sending the same upload again picks a new boundary: the parts are the request.
				updateWithout(digest, body, unquoted(boundary).getBytes(StandardCharsets.US_ASCII));
			}
			else {
				digest.update(body);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The body without any occurrence of the multipart boundary. */
	static void updateWithout(MessageDigest digest, byte[] body, byte[] boundary) {
		int start = 0;
		int i = 0;
		while (i <= body.length - boundary.length) {
			if (body[i] == boundary[0] && java.util.Arrays.equals(body, i, i + boundary.length, boundary, 0,
					boundary.length)) {
				digest.update(body, start, i - start);
				i += boundary.length;
				start = i;
			}
			else {
				i++;
			}
		}
		digest.update(body, start, body.length - start);
	}

	private static String unquoted(String value) {
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

	private static byte[] bytes(DataBuffer buffer) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		DataBufferUtils.release(buffer);
		return bytes;
	}

}
