package vn.gov.bca.platform.web.client;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.context.RequestContext;
import vn.gov.bca.platform.web.error.ApiException;

/**
 * Calls one downstream service with this service's own service-account token, the request id and
 * trace context of the request being served, a timeout on every call, a circuit breaker named
 * after the downstream service, and retries for GET only. A 4xx answer is the caller's business
 * and never counts as a failure; an unreachable, slow or failing service becomes a 503 problem
 * ("service X is temporarily unavailable"), never a hang.
 */
public class ServiceClient {

	private final String name;

	private final WebClient webClient;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final Supplier<Duration> timeout;

	ServiceClient(String name, WebClient webClient, CircuitBreaker circuitBreaker, Retry retry,
			Supplier<Duration> timeout) {
		this.name = name;
		this.webClient = webClient;
		this.circuitBreaker = circuitBreaker;
		this.retry = retry;
		this.timeout = timeout;
	}

	public String name() {
		return this.name;
	}

	/** GET a resource; empty when the downstream service answers 404. */
	public <T> Mono<T> get(String uri, Class<T> type, Consumer<HttpHeaders> headers, Object... uriVariables) {
		Mono<T> call = Mono.defer(() -> request(HttpMethod.GET, uri, null, headers, uriVariables).retrieve()
			.bodyToMono(type)
			.timeout(this.timeout.get()))
			.onErrorResume(WebClientResponseException.NotFound.class, (notFound) -> Mono.empty());
		return protect(call.transformDeferred(RetryOperator.of(this.retry)));
	}

	/** POST (or another non-idempotent method): tried once, never retried. */
	public <T> Mono<T> post(String uri, Object body, Class<T> type, Consumer<HttpHeaders> headers,
			Object... uriVariables) {
		Mono<T> call = Mono.defer(() -> request(HttpMethod.POST, uri, body, headers, uriVariables).retrieve()
			.bodyToMono(type)
			.timeout(this.timeout.get()));
		return protect(call);
	}

	/**
	 * Any method, with the whole answer (status, headers, body): for APIs that answer with a
	 * {@code Location} or an empty body. Tried once (GET included); a 4xx is raised as
	 * {@link WebClientResponseException} for the caller to interpret.
	 */
	public <T> Mono<ResponseEntity<T>> exchange(HttpMethod method, String uri, Object body, Class<T> type,
			Object... uriVariables) {
		Mono<ResponseEntity<T>> call = Mono.defer(() -> request(method, uri, body, (headers) -> {
		}, uriVariables).retrieve().toEntity(type).timeout(this.timeout.get()));
		return protect(call);
	}

	/**
	 * The downstream service's readiness probe, through the same connection pool: called once at
	 * start so that the first real call finds an open connection. Not retried, not counted by the
	 * circuit breaker.
	 */
	Mono<Integer> warmUp() {
		return this.webClient.get()
			.uri("/readyz")
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.timeout(this.timeout.get());
	}

	private WebClient.RequestHeadersSpec<?> request(HttpMethod method, String uri, Object body,
			Consumer<HttpHeaders> headers, Object... uriVariables) {
		WebClient.RequestBodySpec spec = this.webClient.method(method).uri(uri, uriVariables).headers(headers);
		return (body != null) ? spec.bodyValue(body) : spec;
	}

	private <T> Mono<T> protect(Mono<T> call) {
		return Mono.deferContextual((context) -> {
			RequestContext next = RequestContext.from(context).map(RequestContext::nextHop).orElse(null);
			Mono<T> traced = (next != null) ? call.contextWrite((c) -> c.put(ServiceClients.OUTGOING_CONTEXT, next))
					: call;
			return traced.transformDeferred(CircuitBreakerOperator.of(this.circuitBreaker));
		}).onErrorMap(this::isUnavailability, (ex) -> ApiException.unavailable(this.name, ex));
	}

	private boolean isUnavailability(Throwable ex) {
		return ex instanceof CallNotPermittedException || ex instanceof TimeoutException
				|| ex instanceof WebClientRequestException
				|| (ex instanceof WebClientResponseException response && response.getStatusCode().is5xxServerError());
	}

}
