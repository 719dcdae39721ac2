package vn.gov.bca.platform.web.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.ObservationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.web.client.ServiceAccountToken;
import vn.gov.bca.platform.web.client.ServiceClients;
import vn.gov.bca.platform.web.context.RequestContext;
import vn.gov.bca.platform.web.context.RequestContextLogging;
import vn.gov.bca.platform.web.context.RequestContextWebFilter;
import vn.gov.bca.platform.web.error.ProblemExceptionHandler;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.error.Problems;
import vn.gov.bca.platform.web.security.BearerTokens;
import vn.gov.bca.platform.web.security.CachingJwtDecoder;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.security.CallerArgumentResolver;
import vn.gov.bca.platform.web.security.HeaderCharacters;
import vn.gov.bca.platform.web.security.ProblemSecurityHandlers;
import vn.gov.bca.platform.web.security.SecurityCustomizer;
import vn.gov.bca.platform.web.security.TokenAudienceValidator;
import vn.gov.bca.platform.web.server.EdgeTimeouts;
import vn.gov.bca.platform.web.server.UriLengthWebFilter;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * What every WebFlux module gets by depending on platform-web: problem+json errors, request
 * context, the JWT resource-server chain with explicit public paths, the {@link Caller}
 * parameter, and service-to-service clients.
 */
@AutoConfiguration(before = { ErrorWebFluxAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class })
@EnableConfigurationProperties(PlatformProperties.class)
@EnableWebFluxSecurity
public class PlatformWebAutoConfiguration {

	/**
	 * Probes and API descriptions are readable without a token. Actuator itself listens on the
	 * management port only (see {@link PlatformDefaults}): its paths are listed for that port, and
	 * are not mapped at all on the public one.
	 */
	static final List<String> ALWAYS_PUBLIC = List.of("/livez", "/readyz", "/actuator/health", "/actuator/health/**",
			"/actuator/info", "/actuator/prometheus", "/v3/api-docs/**", "/api/*/v3/api-docs", "/api/*/v3/api-docs/**",
			// By convention every service keeps its anonymous endpoints (public fine lookup, account registration) here.
			"/api/*/public/**");

	/**
	 * The one clock of the service, in Vietnam's zone; a test replaces it with a clock it sets (the
	 * test kit's {@code SettableClock}) by declaring its own {@link Clock} bean.
	 */
	@Bean
	@ConditionalOnMissingBean(Clock.class)
	Clock platformClock() {
		return VietnamTime.systemClock();
	}

	@Bean
	Problems problems(MessageSource messageSource, JsonMapper jsonMapper) {
		return new Problems(messageSource, jsonMapper);
	}

	@Bean
	@Order(-2)
	ProblemExceptionHandler problemExceptionHandler(Problems problems) {
		return new ProblemExceptionHandler(problems);
	}

	@Bean
	RequestContextWebFilter requestContextWebFilter() {
		RequestContextLogging.register();
		return new RequestContextWebFilter();
	}

	/**
	 * The request id on each HTTP server span ({@code request.id}), so that an operator handed the
	 * {@code X-Request-Id} of a citizen's failed request finds its trace in Zipkin.
	 */
	@Bean
	ObservationFilter requestIdOnServerSpans() {
		return (context) -> {
			if (context instanceof ServerRequestObservationContext server
					&& server.getAttributes().get(RequestContext.KEY) instanceof RequestContext request) {
				context.addHighCardinalityKeyValue(KeyValue.of("request.id", request.requestId()));
			}
			return context;
		};
	}

	/**
	 * No observations of Spring Security's own filters: their spans would stand between the
	 * request's server span and its work, and (made where the server span is not yet in the Reactor
	 * context) start traces of their own, whose ids a request's log lines would then carry.
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	UriLengthWebFilter uriLengthWebFilter(PlatformProperties properties, Problems problems) {
		return new UriLengthWebFilter((int) properties.getServer().getMaxUriLength().toBytes(), problems);
	}

	/**
	 * The connection guard of {@link EdgeTimeouts} on every new connection of the server (the
	 * management port's too): header timeout, and problem+json for heads over Netty's hard limits.
	 */
	@Bean
	@ConditionalOnClass(name = "org.springframework.boot.reactor.netty.NettyServerCustomizer")
	NettyServerCustomizer edgeTimeoutsCustomizer(PlatformProperties properties, Problems problems,
			JsonMapper jsonMapper) {
		EdgeTimeouts guard = new EdgeTimeouts(properties.getServer().getHeaderTimeout(),
				problemBody(problems, jsonMapper, ProblemType.URI_TOO_LONG,
						new Object[] { Long.toString(properties.getServer().getMaxUriLength().toBytes()) }),
				problemBody(problems, jsonMapper, ProblemType.HEADERS_TOO_LARGE, new Object[0]));
		return (server) -> server
			.doOnChannelInit((observer, channel, remoteAddress) -> guard.install(channel.pipeline()));
	}

	private static String problemBody(Problems problems, JsonMapper json, ProblemType type, Object[] args) {
		Locale vietnamese = Locale.forLanguageTag("vi");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.uri().toString());
		body.put("title", problems.message("problem." + type.slug() + ".title", new Object[0], vietnamese, type.slug()));
		body.put("status", type.status().value());
		body.put("detail", problems.message(type.slug(), args, vietnamese, null));
		return json.writeValueAsString(body);
	}

	@Bean
	ProblemSecurityHandlers problemSecurityHandlers(Problems problems) {
		return new ProblemSecurityHandlers(problems);
	}

	/** The strict firewall, with the same header rule checked without a per-character regex. */
	@Bean
	ServerWebExchangeFirewall platformFirewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters::isAllowed);
		firewall.setAllowedHeaderValues(HeaderCharacters::isAllowed);
		return firewall;
	}

	/** A request the firewall refuses is a 400 problem like any other malformed request. */
	@Bean
	ServerExchangeRejectedHandler problemExchangeRejectedHandler(Problems problems) {
		return (exchange, rejected) -> problems.write(exchange, ProblemType.MALFORMED_REQUEST, "malformed-request",
				new Object[0], Map.of());
	}

	/** Applied by Boot's resource server to every token, after the signature, issuer and time checks. */
	@Bean
	TokenAudienceValidator tokenAudienceValidator(PlatformProperties properties) {
		return new TokenAudienceValidator(properties.getSecurity().getAudiences(),
				properties.getSecurity().getRefusedClients());
	}

	/**
	 * Boot's JWT decoder (signature, issuer, time, audience) behind a cache of the tokens it
	 * accepted ({@link CachingJwtDecoder}), in every service and the gateway.
	 */
	@Bean
	static BeanPostProcessor cachingJwtDecoder(ObjectProvider<Clock> clock, ObjectProvider<PlatformProperties> properties) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof CachingJwtDecoder)) {
					return new CachingJwtDecoder(decoder, clock.getObject(),
							properties.getObject().getSecurity().getAcceptedTokensCached());
				}
				return bean;
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean(SecurityWebFilterChain.class)
	SecurityWebFilterChain platformSecurityWebFilterChain(ServerHttpSecurity http, PlatformProperties properties,
			ProblemSecurityHandlers handlers, ObjectProvider<SecurityCustomizer> customizers) {
		List<String> publicPaths = new ArrayList<>(ALWAYS_PUBLIC);
		publicPaths.addAll(properties.getSecurity().getPublicPaths());
		http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers)
				.bearerTokenConverter(new BearerTokens())
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(PlatformWebAutoConfiguration::authentication)));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(http));
		http.authorizeExchange((exchanges) -> exchanges.pathMatchers(HttpMethod.OPTIONS)
			.permitAll()
			.pathMatchers(publicPaths.toArray(String[]::new))
			.permitAll()
			.anyExchange()
			.authenticated());
		return http.build();
	}

	private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
		Caller caller = Caller.from(jwt);
		List<SimpleGrantedAuthority> authorities = caller.authorities()
			.stream()
			.map(SimpleGrantedAuthority::new)
			.toList();
		return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
	}

	@Bean
	WebFluxConfigurer callerArgumentConfigurer() {
		return new WebFluxConfigurer() {
			@Override
			public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
				configurer.addCustomResolver(new CallerArgumentResolver());
			}
		};
	}

	@Bean
	@ConditionalOnProperty("vneid.service-account.client-id")
	ServiceClients serviceClients(PlatformProperties properties, WebClient.Builder builder) {
		PlatformProperties.ServiceAccount account = properties.getServiceAccount();
		ClientRegistration registration = ClientRegistration.withRegistrationId("vneid-service")
			.clientId(account.getClientId())
			.clientSecret(account.getClientSecret())
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(properties.getKeycloak().realmUrl() + "/protocol/openid-connect/token")
			.build();
		return new ServiceClients(properties, builder,
				new ServiceAccountToken(registration, new WebClientReactiveClientCredentialsTokenResponseClient()));
	}

	/**
	 * The service clients' circuit breakers as metrics ({@code resilience4j_circuitbreaker_state},
	 * {@code _calls}, ... tagged with the client's name): an operator sees a downstream service
	 * the breaker has cut off.
	 */
	@Bean
	@ConditionalOnBean(ServiceClients.class)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	io.micrometer.core.instrument.binder.MeterBinder serviceClientBreakerMetrics(ServiceClients clients) {
		return io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics
			.ofCircuitBreakerRegistry(clients.breakers());
	}

	/**
	 * Part of readiness ({@code /readyz}): DOWN until the service-account token is held and the
	 * connections to the services this one calls have been opened; UP at once for a module that
	 * calls no other service.
	 */
	@Bean
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	HealthIndicator serviceClientsHealthIndicator(ObjectProvider<ServiceClients> clients) {
		return () -> {
			ServiceClients serviceClients = clients.getIfAvailable();
			if (serviceClients == null) {
				return Health.up().build();
			}
			return (serviceClients.isReady() ? Health.up() : Health.outOfService())
				.withDetails(serviceClients.readinessDetails())
				.build();
		};
	}

}
