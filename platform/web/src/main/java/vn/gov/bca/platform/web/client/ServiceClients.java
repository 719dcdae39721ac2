package vn.gov.bca.platform.web.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import vn.gov.bca.platform.web.config.PlatformProperties;
import vn.gov.bca.platform.web.context.RequestContext;
import vn.gov.bca.platform.web.context.Traces;

/**
 * The {@link ServiceClient}s of this service, one per downstream service declared under
 * {@code vneid.clients.<name>}, each with its own circuit breaker.
 * <p>
 * Ready only when the first request can be served (review, "right after start"): at start it fetches
 * the service-account token and opens a connection to each downstream service (a {@code /readyz}
 * call through the same pool), and {@link #isReady()} stays false until the token is held and each
 * warm-up has been tried (a downstream that is down does not keep this service unready: its calls
 * answer 503 as usual). During the first minutes a call may take up to the client's start timeout
 * rather than its ordinary one, as the services it calls are still cold too.
 */
public class ServiceClients implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ServiceClients.class);

	static final String OUTGOING_CONTEXT = ServiceClients.class.getName() + ".outgoing";

	private final Map<String, ServiceClient> clients = new ConcurrentHashMap<>();

	private final PlatformProperties properties;

	private final WebClient.Builder builder;

	private final ExchangeFilterFunction authorization;

	private final ServiceAccountToken token;

	private final Clock clock = Clock.systemUTC();

	/**
	 * Idle connections are dropped before the services' own idle timeout (60 s) closes them, so a
	 * call never picks a connection the other side is closing at that moment.
	 */
	private final ConnectionProvider connections = ConnectionProvider.builder("vneid-service-clients")
		.maxIdleTime(Duration.ofSeconds(30))
		.maxLifeTime(Duration.ofMinutes(10))
		.evictInBackground(Duration.ofSeconds(30))
		.build();

	/** The clients' breakers, in a registry so that their states and calls are exported as metrics. */
	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

	private volatile Instant startedAt;

	private volatile boolean warmedUp;

	private volatile boolean running;

	public ServiceClients(PlatformProperties properties, WebClient.Builder builder, ServiceAccountToken token) {
		this.properties = properties;
		this.builder = builder;
		this.authorization = token;
		this.token = token;
	}

	/** Without a token of its own (tests of the client alone): ready at once, nothing to fetch. */
	public ServiceClients(PlatformProperties properties, WebClient.Builder builder,
			ExchangeFilterFunction authorization) {
		this.properties = properties;
		this.builder = builder;
		this.authorization = authorization;
		this.token = null;
	}

	/** The breakers of the clients made so far (and to come), for their metrics. */
	public CircuitBreakerRegistry breakers() {
		return this.breakers;
	}

	public ServiceClient get(String name) {
		return this.clients.computeIfAbsent(name, this::create);
	}

	/** The token is held and every downstream service's connection has been tried. */
	public boolean isReady() {
		return this.warmedUp && (this.token == null || this.token.hasToken());
	}

	/** What readiness reports: the token and the warm-up. */
	public Map<String, Object> readinessDetails() {
		return Map.of("serviceAccountToken", (this.token == null || this.token.hasToken()) ? "held" : "pending",
				"connectionsWarmedUp", this.warmedUp, "downstream", List.copyOf(this.properties.getClients().keySet()));
	}

	@Override
	public void start() {
		this.running = true;
		this.startedAt = this.clock.instant();
		CountDownLatch ready = new CountDownLatch(1);
		Mono<Void> tokenHeld = Mono.empty();
		if (this.token != null) {
			this.token.start();
			tokenHeld = Flux.interval(Duration.ofMillis(50)).filter((tick) -> this.token.hasToken()).next().then();
		}
		tokenHeld.then(warmUp()).doFinally((signal) -> {
			this.warmedUp = true;
			ready.countDown();
		}).subscribe();
		// Wait a little so that a fresh service is usually ready when it says it started; past that,
		// readiness says DOWN until it is.
		Duration wait = this.properties.getServiceAccount().getStartWait();
		try {
			if (!ready.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("Not ready after {} s: service-account token {}; readiness stays DOWN until it is",
						wait.toSeconds(), (this.token != null && this.token.hasToken()) ? "held" : "not yet fetched");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One {@code /readyz} call per downstream service: opens a pooled connection, warms both sides. */
	private Mono<Void> warmUp() {
		List<Mono<Void>> calls = new ArrayList<>();
		this.properties.getClients().forEach((name, settings) -> {
			if (settings.getBaseUrl() != null) {
				calls.add(get(name).warmUp().doOnNext((status) -> log.info("Warmed up the connection to {}: {}", name, status))
					.onErrorResume((ex) -> {
						log.warn("Could not warm up the connection to {}: {}", name, ex.toString());
						return Mono.empty();
					})
					.then());
			}
		});
		return Mono.when(calls);
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.token != null) {
			this.token.stop();
		}
		this.connections.disposeLater().subscribe();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private ServiceClient create(String name) {
		PlatformProperties.Client settings = this.properties.getClients().get(name);
		if (settings == null || settings.getBaseUrl() == null) {
			throw new IllegalStateException("No base URL configured for vneid.clients." + name);
		}
		Duration longest = max(settings.getTimeout(), settings.getStartTimeout());
		HttpClient http = HttpClient.create(this.connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(settings.getTimeout().toMillis(), 5000))
			.responseTimeout(longest);
		WebClient webClient = this.builder.clone()
			.baseUrl(settings.getBaseUrl())
			.clientConnector(new ReactorClientHttpConnector(http))
			.filter(propagateRequestContext())
			.filter(this.authorization)
			.build();
		CircuitBreaker circuitBreaker = this.breakers.circuitBreaker(name, CircuitBreakerConfig.custom()
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
		return new ServiceClient(name, webClient, circuitBreaker, retry, () -> timeout(settings));
	}

	/** The ordinary timeout, or the longer start timeout while this service has just started. */
	private Duration timeout(PlatformProperties.Client settings) {
		Instant started = this.startedAt;
		boolean starting = started == null
				|| this.clock.instant().isBefore(started.plus(this.properties.getServiceAccount().getStartPeriod()));
		return starting ? max(settings.getTimeout(), settings.getStartTimeout()) : settings.getTimeout();
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
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
			ClientRequest.Builder traced = ClientRequest.from(request)
				.header(RequestContext.REQUEST_ID_HEADER, outgoing.requestId());
			if (Traces.current(context).isEmpty()) {
				// Traced, the WebClient's observation writes the traceparent of its client span.
				traced.header(RequestContext.TRACEPARENT_HEADER, outgoing.traceparent());
			}
			return next.exchange(traced.build());
		});
	}

}
