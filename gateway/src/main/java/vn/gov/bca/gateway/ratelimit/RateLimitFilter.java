package vn.gov.bca.gateway.ratelimit;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.context.ClientAddress;
import vn.gov.bca.platform.web.context.RequestContextLogging;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.error.Problems;

/**
 * Limits every routed request: a signed-in caller by their account (token subject) and by the
 * application they use (OAuth client), an anonymous caller (public fine lookup) by IP address
 * ({@link ClientAddress}: the TCP peer, or the one the trusted proxies name, never a header a client
 * writes itself).
 * Over the limit: 429 problem+json with Retry-After, and the request never reaches a service.
 */
public class RateLimitFilter implements GlobalFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	private final TokenBuckets buckets;

	private final RateLimitProperties properties;

	private final Problems problems;

	private final ClientAddress clientAddress;

	private final Counter refusedAccounts;

	private final Counter refusedAddresses;

	/**
	 * @param metrics where {@code vneid.gateway.rate.limited} counts the requests refused, tagged
	 *        {@code caller}: {@code account} (a token's subject or client) or {@code address}
	 *        (anonymous, by IP)
	 */
	public RateLimitFilter(TokenBuckets buckets, RateLimitProperties properties, Problems problems,
			ClientAddress clientAddress, MeterRegistry metrics) {
		this.buckets = buckets;
		this.properties = properties;
		this.problems = problems;
		this.clientAddress = clientAddress;
		this.refusedAccounts = refusals(metrics, "account");
		this.refusedAddresses = refusals(metrics, "address");
	}

	private static Counter refusals(MeterRegistry metrics, String caller) {
		return Counter.builder("vneid.gateway.rate.limited")
			.tag("caller", caller)
			.description("Requests the gateway refused with 429 for their caller's rate limit")
			.register(metrics);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!this.properties.isEnabled()) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((principal) -> keysOf((JwtAuthenticationToken) principal))
			.switchIfEmpty(Mono.fromSupplier(() -> List.of(new Key("ip:" + this.clientAddress.of(exchange.getRequest()), this.properties.getPerIp()))))
			.flatMap((keys) -> decide(keys, exchange))
			.flatMap((decision) -> {
				exchange.getResponse().getHeaders().set("RateLimit-Remaining", Long.toString(decision.remaining()));
				if (decision.allowed()) {
					return chain.filter(exchange);
				}
				boolean anonymous = exchange.getRequest().getHeaders().getFirst("Authorization") == null;
				(anonymous ? this.refusedAddresses : this.refusedAccounts).increment();
				exchange.getResponse().getHeaders().set("Retry-After", Long.toString(decision.retryAfterSeconds()));
				return this.problems.write(exchange, ProblemType.TOO_MANY_REQUESTS, "too-many-requests",
						new Object[] { decision.retryAfterSeconds() }, Map.of());
			});
	}

	private List<Key> keysOf(JwtAuthenticationToken token) {
		String client = token.getToken().getClaimAsString("azp");
		return List.of(new Key("sub:" + token.getToken().getSubject(), this.properties.getPerSubject()),
				new Key("client:" + ((client != null) ? client : "unknown"), this.properties.getPerClient()));
	}

	/** The first refusal wins; with none, the tightest remaining count is reported. */
	private Mono<TokenBuckets.Decision> decide(List<Key> keys, ServerWebExchange exchange) {
		return Flux.fromIterable(keys)
			.concatMap((key) -> this.buckets.tryTake(key.name(), key.limit())
				.onErrorResume((ex) -> {
					RequestContextLogging.withRequestIds(exchange,
							() -> log.warn("Rate-limit store unavailable, letting the request through: {}", ex.toString()));
					return Mono.just(new TokenBuckets.Decision(true, key.limit().capacity(), 0));
				}))
			.takeUntil((decision) -> !decision.allowed())
			.reduce((first, second) -> !second.allowed() || second.remaining() < first.remaining() ? second : first);
	}

	private record Key(String name, RateLimitProperties.Limit limit) {
	}

}
