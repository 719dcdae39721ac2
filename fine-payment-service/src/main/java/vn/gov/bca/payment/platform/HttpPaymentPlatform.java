package vn.gov.bca.payment.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.web.error.ApiException;

/**
 * The payment platform over its HTTP protocol: JSON requests signed with the merchant secret,
 * a timeout and a circuit breaker on every call; an unreachable or failing platform is a 503
 * problem ("payment-platform"), never a hang. No token of ours is ever sent to it.
 */
@Component
class HttpPaymentPlatform implements PaymentPlatform {

	static final String NAME = "payment-platform";

	private final PaymentPlatformProperties properties;

	private final WebClient http;

	private final JsonMapper json;

	private final CircuitBreaker circuitBreaker;

	HttpPaymentPlatform(PaymentPlatformProperties properties, WebClient.Builder builder, JsonMapper json) {
		if (properties.secret() == null || properties.secret().isBlank()) {
			throw new IllegalStateException("vneid.payment.platform.secret (PAYMENT_PLATFORM_SECRET) must be set");
		}
		this.properties = properties;
		this.http = builder.clone().baseUrl(properties.url()).build();
		this.json = json;
		this.circuitBreaker = CircuitBreaker.of(NAME, CircuitBreakerConfig.custom()
			.slidingWindowSize(20)
			.minimumNumberOfCalls(10)
			.waitDurationInOpenState(Duration.ofSeconds(10))
			.recordException(HttpPaymentPlatform::isFailure)
			.build());
	}

	@Override
	public Mono<Checkout> openCheckout(CheckoutRequest request) {
		Map<String, Object> body = Map.of("merchantOrderId", request.orderId(), "amount", request.amount(),
				"description", request.description(), "callbackUrl", this.properties.callbackUrl(), "returnUrl",
				this.properties.returnUrl());
		return call(HttpMethod.POST, "/api/v1/checkouts", this.json.writeValueAsString(body))
			.map((answer) -> new Checkout(answer.get("checkoutId").asString(), answer.get("checkoutUrl").asString()));
	}

	@Override
	public Mono<Transaction> transaction(String orderId) {
		return call(HttpMethod.GET, "/api/v1/transactions/" + orderId, "").map(HttpPaymentPlatform::transactionOf)
			.onErrorResume(WebClientResponseException.NotFound.class, (unknown) -> Mono.empty());
	}

	@Override
	public Mono<List<Transaction>> settlements(LocalDate day) {
		return call(HttpMethod.GET, "/api/v1/settlements?date=" + day, "").map((answer) -> {
			java.util.ArrayList<Transaction> transactions = new java.util.ArrayList<>();
			for (JsonNode item : answer.get("transactions")) {
				transactions.add(new Transaction(item.get("merchantOrderId").asString(),
						item.get("transactionId").asString(), item.get("amount").asLong(), "SUCCEEDED",
						Instant.parse(item.get("paidAt").asString())));
			}
			return List.copyOf(transactions);
		});
	}

	@Override
	public Transaction verifyCallback(String merchantId, String timestamp, String signature, String body) {
		if (!this.properties.merchantId().equals(merchantId)
				|| !HmacSignature.matches(this.properties.secret(), timestamp, body, signature)) {
			throw new InvalidCallbackException("Callback not signed by the payment platform");
		}
		long sentAt;
		try {
			sentAt = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			throw new InvalidCallbackException("Callback timestamp is not a number");
		}
		Duration age = Duration.between(Instant.ofEpochSecond(sentAt), Instant.now()).abs();
		if (age.compareTo(this.properties.maxClockSkew()) > 0) {
			throw new InvalidCallbackException("Callback signed " + age + " away from now");
		}
		JsonNode callback = this.json.readTree(body);
		return transactionOf(callback);
	}

	private static Transaction transactionOf(JsonNode node) {
		JsonNode paidAt = node.get("paidAt");
		JsonNode transactionId = node.get("transactionId");
		return new Transaction(node.get("merchantOrderId").asString(),
				(transactionId != null && !transactionId.isNull()) ? transactionId.asString() : null,
				node.get("amount").asLong(), node.get("status").asString(),
				(paidAt != null && !paidAt.isNull()) ? Instant.parse(paidAt.asString()) : null);
	}

	private Mono<JsonNode> call(HttpMethod method, String uri, String body) {
		return Mono.defer(() -> {
			String timestamp = Long.toString(Instant.now().getEpochSecond());
			WebClient.RequestBodySpec request = this.http.method(method)
				.uri(uri)
				.header("X-Merchant-Id", this.properties.merchantId())
				.header("X-Timestamp", timestamp)
				.header("X-Signature", HmacSignature.sign(this.properties.secret(), timestamp, body))
				.accept(MediaType.APPLICATION_JSON);
			WebClient.RequestHeadersSpec<?> sent = body.isEmpty() ? request
					: request.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE).bodyValue(body);
			return sent.retrieve().bodyToMono(String.class).timeout(this.properties.timeout());
		})
			.map(this.json::readTree)
			.transformDeferred(CircuitBreakerOperator.of(this.circuitBreaker))
			.onErrorMap(HttpPaymentPlatform::isUnavailability, (ex) -> ApiException.unavailable(NAME));
	}

	private static boolean isFailure(Throwable ex) {
		if (ex instanceof WebClientResponseException response) {
			return response.getStatusCode().is5xxServerError();
		}
		return ex instanceof WebClientRequestException || ex instanceof TimeoutException;
	}

	private static boolean isUnavailability(Throwable ex) {
		return isFailure(ex) || ex instanceof CallNotPermittedException;
	}

}
