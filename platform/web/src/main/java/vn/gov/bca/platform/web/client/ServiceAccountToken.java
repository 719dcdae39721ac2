package vn.gov.bca.platform.web.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Puts this service's own service-account token (client credentials) on a call. There is one token
 * for the service, not one per user whose request is being served (Spring's default filter keys
 * tokens by the current principal, which fetched and kept one per citizen).
 * <p>
 * The token is fetched when the service starts ({@link #start()}) and the service is not ready
 * until it has one (review, "right after start": the first citizen's request used to wait for a
 * cold Keycloak and time out). It is then renewed in the background when three quarters of its
 * lifetime have passed, so that no request waits for a token; a failed renewal is retried with
 * backoff while the current token is still valid.
 */
public class ServiceAccountToken implements ExchangeFilterFunction {

	private static final Logger log = LoggerFactory.getLogger(ServiceAccountToken.class);

	/** A token this close to its expiry is not put on a call any more. */
	private static final Duration MARGIN = Duration.ofSeconds(10);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final ClientRegistration registration;

	private final ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> tokens;

	private final Clock clock;

	private final AtomicReference<OAuth2AccessToken> current = new AtomicReference<>();

	private final AtomicReference<Mono<OAuth2AccessToken>> inFlight = new AtomicReference<>();

	private volatile boolean running;

	private volatile Disposable next;

	private int failures;

	/**
	 * Expiry is the identity provider's wall-clock time, not the service's business day: the system
	 * clock, never a clock a test has set to another date.
	 */
	public ServiceAccountToken(ClientRegistration registration,
			ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> tokens) {
		this.registration = registration;
		this.tokens = tokens;
		this.clock = Clock.systemUTC();
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return token().map((token) -> ClientRequest.from(request)
			.headers((headers) -> headers.setBearerAuth(token.getTokenValue()))
			.build()).flatMap(next::exchange);
	}

	/** True once a token is held that is not about to expire: the service can call others. */
	public boolean hasToken() {
		return usable(this.current.get());
	}

	/** Fetches the first token now, then keeps it renewed until {@link #stop()}. */
	public void start() {
		this.running = true;
		schedule(Duration.ZERO);
	}

	public void stop() {
		this.running = false;
		Disposable scheduled = this.next;
		if (scheduled != null) {
			scheduled.dispose();
		}
	}

	Mono<OAuth2AccessToken> token() {
		OAuth2AccessToken token = this.current.get();
		return usable(token) ? Mono.just(token) : fetch();
	}

	private boolean usable(OAuth2AccessToken token) {
		return token != null
				&& (token.getExpiresAt() == null || token.getExpiresAt().isAfter(this.clock.instant().plus(MARGIN)));
	}

	/** One request to the identity provider at a time, whoever asks. */
	private Mono<OAuth2AccessToken> fetch() {
		Mono<OAuth2AccessToken> running = this.inFlight.get();
		if (running != null) {
			return running;
		}
		Mono<OAuth2AccessToken> fetch = Mono
			.defer(() -> this.tokens.getTokenResponse(new OAuth2ClientCredentialsGrantRequest(this.registration)))
			.map(OAuth2AccessTokenResponse::getAccessToken)
			.doOnNext(this.current::set)
			.doFinally((signal) -> this.inFlight.set(null))
			.cache();
		return this.inFlight.compareAndSet(null, fetch) ? fetch : fetch();
	}

	private void schedule(Duration delay) {
		if (!this.running) {
			return;
		}
		this.next = Schedulers.parallel().schedule(() -> fetch().subscribe((token) -> {
			if (this.failures > 0 || delay.isZero()) {
				log.info("Service-account token of {} obtained", this.registration.getClientId());
			}
			this.failures = 0;
			schedule(renewalDelay(token));
		}, (error) -> {
			this.failures++;
			Duration backoff = Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(this.failures - 1, 5)));
			log.warn("No service-account token for {} from the identity provider (attempt {}, next in {} s): {}",
					this.registration.getClientId(), this.failures, backoff.toSeconds(), error.toString());
			schedule(backoff);
		}), delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Renewed when three quarters of its lifetime have passed. */
	private Duration renewalDelay(OAuth2AccessToken token) {
		Instant issued = (token.getIssuedAt() != null) ? token.getIssuedAt() : this.clock.instant();
		if (token.getExpiresAt() == null) {
			return Duration.ofMinutes(5);
		}
		Duration lifetime = Duration.between(issued, token.getExpiresAt());
		Duration delay = Duration.between(this.clock.instant(), issued.plus(lifetime.multipliedBy(3).dividedBy(4)));
		return (delay.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : delay;
	}

}
