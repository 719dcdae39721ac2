package vn.gov.bca.platform.web.client;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Puts this service's own service-account token (client credentials) on a call. The token is
 * authorized for the service itself, not for the user whose request is being served: Spring's
 * default filter keys authorized clients by the current principal, which would fetch — and keep in
 * memory — one token per citizen. Here there is one, reused until it expires.
 */
public class ServiceAccountToken implements ExchangeFilterFunction {

	private final ReactiveOAuth2AuthorizedClientManager manager;

	private final String registrationId;

	private final String serviceAccount;

	public ServiceAccountToken(ReactiveOAuth2AuthorizedClientManager manager, String registrationId,
			String serviceAccount) {
		this.manager = manager;
		this.registrationId = registrationId;
		this.serviceAccount = serviceAccount;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		OAuth2AuthorizeRequest authorize = OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId)
			.principal(this.serviceAccount)
			.build();
		return this.manager.authorize(authorize)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException(
					"No service-account token for " + this.serviceAccount + " from the identity provider")))
			.map((client) -> ClientRequest.from(request)
				.headers((headers) -> headers.setBearerAuth(client.getAccessToken().getTokenValue()))
				.build())
			.flatMap(next::exchange);
	}

}
