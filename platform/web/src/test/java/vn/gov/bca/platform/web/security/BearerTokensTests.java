package vn.gov.bca.platform.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokensTests {

	private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl-_~+/";

	@Test
	void theTokenOfABearerHeaderInAnyCaseIsTaken() {
		assertThat(BearerTokens.token("Bearer " + TOKEN)).isEqualTo(TOKEN);
		assertThat(BearerTokens.token("bearer " + TOKEN)).isEqualTo(TOKEN);
		assertThat(BearerTokens.token("BEARER " + TOKEN + "==")).isEqualTo(TOKEN + "==");
	}

	@Test
	void aHeaderOutsideTheRuleOfRfc6750HasNoToken() {
		assertThat(BearerTokens.token("Bearer ")).isNull();
		assertThat(BearerTokens.token("Bearer  " + TOKEN)).isNull();
		assertThat(BearerTokens.token("Bearer " + TOKEN + " ")).isNull();
		assertThat(BearerTokens.token("Bearer " + TOKEN + "\n")).isNull();
		assertThat(BearerTokens.token("Bearer a=b")).isNull();
		assertThat(BearerTokens.token("Bearer ==")).isNull();
		assertThat(BearerTokens.token("Bearer tôi")).isNull();
		assertThat(BearerTokens.token("Bearer a,b")).isNull();
		assertThat(BearerTokens.token("Bearerx" + TOKEN)).isNull();
	}

	@Test
	void aMalformedBearerHeaderIsRefusedAndAnotherSchemeIsAnonymous() {
		StepVerifier.create(convert("Bearer not a token"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(OAuth2AuthenticationException.class)
				.extracting((e) -> ((OAuth2AuthenticationException) e).getError().getErrorCode())
				.isEqualTo("invalid_token"))
			.verify();
		StepVerifier.create(convert("Basic dXNlcjpwYXNz")).verifyComplete();
		StepVerifier.create(new BearerTokens().convert(MockServerWebExchange.from(MockServerHttpRequest.get("/a?access_token=" + TOKEN))))
			.verifyComplete();
		StepVerifier.create(convert("Bearer " + TOKEN))
			.assertNext((authentication) -> assertThat(((BearerTokenAuthenticationToken) authentication).getToken())
				.isEqualTo(TOKEN))
			.verifyComplete();
	}

	private static reactor.core.publisher.Mono<Authentication> convert(String header) {
		return new BearerTokens().convert(
				MockServerWebExchange.from(MockServerHttpRequest.get("/a").header("Authorization", header)));
	}

}
