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
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
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
 */
public class IdempotencyWebFilter implements WebFilter, Ordered {

	public static final String HEADER = "Idempotency-Key";

	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	public static final String COLLECTION = "idempotency_keys";

	private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

	private static final Logger log = LoggerFactory.getLogger(IdempotencyWebFilter.class);

	private final ReactiveMongoTemplate mongo;

	public IdempotencyWebFilter(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
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
			.flatMap((caller) -> DataBufferUtils.join(exchange.getRequest().getBody())
				.map(IdempotencyWebFilter::bytes)
				.defaultIfEmpty(new byte[0])
				.flatMap((body) -> handle(exchange, chain, caller + ":" + key, body)));
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
		return chain.filter(exchange.mutate().request(request).response(response).build())
			.then(Mono.defer(() -> forgetIfNotCompleted(id)))
			.onErrorResume((ex) -> forget(id).then(Mono.error(ex)));
	}

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
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(DataBuffer buffer) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		DataBufferUtils.release(buffer);
		return bytes;
	}

}
