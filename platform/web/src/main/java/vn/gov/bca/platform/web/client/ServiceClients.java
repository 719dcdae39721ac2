package vn.gov.bca.platform.web.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import vn.gov.bca.platform.web.config.PlatformProperties;
import vn.gov.bca.platform.web.context.RequestContext;

/**
 * The {@link ServiceClient}s of this service, one per downstream service declared under
 * {@code vneid.clients.<name>}, each with its own circuit breaker.
 */
public class ServiceClients {

	static final String OUTGOING_CONTEXT = ServiceClients.class.getName() + ".outgoing";

	private final Map<String, ServiceClient> clients = new ConcurrentHashMap<>();

	private final PlatformProperties properties;

	private final WebClient.Builder builder;

	private final ExchangeFilterFunction authorization;

	public ServiceClients(PlatformProperties properties, WebClient.Builder builder,
			ExchangeFilterFunction authorization) {
		this.properties = properties;
		this.builder = builder;
		this.authorization = authorization;
	}

	public ServiceClient get(String name) {
		return this.clients.computeIfAbsent(name, this::create);
	}

	private ServiceClient create(String name) {
		PlatformProperties.Client settings = this.properties.getClients().get(name);
		if (settings == null || settings.getBaseUrl() == null) {
			throw new IllegalStateException("No base URL configured for vneid.clients." + name);
		}
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(settings.getTimeout().toMillis(), 5000))
			.responseTimeout(settings.getTimeout());
		WebClient webClient = this.builder.clone()
			.baseUrl(settings.getBaseUrl())
			.clientConnector(new ReactorClientHttpConnector(http))
			.filter(propagateRequestContext())
			.filter(this.authorization)
			.build();
		CircuitBreaker circuitBreaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.getFailureRateThreshold())
			.slidingWindowSize(20)
			.minimumNumberOfCalls(10)
			.waitDurationInOpenState(settings.getOpenStateWait())
			.recordException(ServiceClients::isFailure)
			.build());
		Retry retry = Retry.of(name, RetryConfig.custom()
			.maxAttempts(Math.max(1, settings.getGetAttempts()))
			.waitDuration(settings.getRetryBackoff())
			.retryOnException(ServiceClients::isFailure)
			.build());
		return new ServiceClient(name, webClient, circuitBreaker, retry, settings.getTimeout());
	}

	/** A 4xx is an answer, not a failure of the downstream service. */
	static boolean isFailure(Throwable ex) {
		if (ex instanceof WebClientResponseException response) {
			return response.getStatusCode().is5xxServerError();
		}
		return ex instanceof WebClientRequestException || ex instanceof TimeoutException;
	}

	private static ExchangeFilterFunction propagateRequestContext() {
		return (request, next) -> Mono.deferContextual((context) -> {
			RequestContext outgoing = context.<RequestContext>getOrEmpty(OUTGOING_CONTEXT)
				.or(() -> RequestContext.from(context))
				.orElse(null);
			if (outgoing == null) {
				return next.exchange(request);
			}
			ClientRequest traced = ClientRequest.from(request)
				.header(RequestContext.REQUEST_ID_HEADER, outgoing.requestId())
				.header(RequestContext.TRACEPARENT_HEADER, outgoing.traceparent())
				.build();
			return next.exchange(traced);
		});
	}

}
