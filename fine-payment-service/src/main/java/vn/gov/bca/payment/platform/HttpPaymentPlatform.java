package vn.gov.bca.payment.platform;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

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

	private final Clock clock;

	HttpPaymentPlatform(PaymentPlatformProperties properties, WebClient.Builder builder, JsonMapper json,
			Clock clock, ObjectProvider<MeterRegistry> metrics) {
		if (properties.secret() == null || properties.secret().isBlank()) {
			throw new IllegalStateException("vneid.payment.platform.secret (PAYMENT_PLATFORM_SECRET) must be set");
		}
		this.properties = properties;
		this.http = builder.clone().baseUrl(properties.url()).build();
		this.json = json;
		this.clock = clock;
		// In a registry so that its state is a metric (resilience4j_circuitbreaker_state{name="payment-platform"}).
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
		this.circuitBreaker = breakers.circuitBreaker(NAME, CircuitBreakerConfig.custom()
			.slidingWindowSize(20)
			.minimumNumberOfCalls(10)
			.waitDurationInOpenState(Duration.ofSeconds(10))
			.recordException(HttpPaymentPlatform::isFailure)
			.build());
		metrics.ifAvailable((registry) -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry));
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
		return call(HttpMethod.GET, "/api/v1/transactions/" + orderId, "")
			.map((answer) -> this.json.treeToValue(answer, CallbackBody.class).toTransaction())
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

	/**
	 * The signature first (over the raw bytes, so nothing unsigned is even parsed), then freshness,
	 * then the body. A signed body that is not a callback (not JSON, an array, a field missing, a time
	 * that is not an instant) is a 400 problem naming what is wrong: the platform has a bug to fix, and
	 * nothing is changed.
	 */
	@Override
	public Transaction verifyCallback(String merchantId, String timestamp, String signature, String body) {
		if (!this.properties.merchantId().equals(merchantId)
				|| !HmacSignature.matches(this.properties.secret(), timestamp, body, signature)) {
			throw new InvalidCallbackException("Callback not signed by the payment platform");
		}
		long sentAt;
		try {
			sentAt = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidCallbackException("Callback timestamp is not a number");
		}
		// Compared in seconds: any long is accepted without overflow (Long.MAX_VALUE is simply too far).
		long now = this.clock.instant().getEpochSecond();
		long skew = this.properties.maxClockSkew().toSeconds();
		if (sentAt < now - skew || sentAt > now + skew) {
			throw new InvalidCallbackException("Callback signed " + (now - sentAt) + " s away from now");
		}
		CallbackBody callback;
		try {
			callback = this.json.readValue(body, CallbackBody.class);
		}
		catch (JacksonException ex) {
			throw new ApiException(ProblemType.MALFORMED_REQUEST, "payment.callback-malformed");
		}
		if (callback == null) {
			throw new ApiException(ProblemType.MALFORMED_REQUEST, "payment.callback-malformed");
		}
		return callback.toTransaction();
	}

	/** A callback or a transaction as the platform's protocol states it; fields added later are ignored. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CallbackBody(String merchantOrderId, String transactionId, Long amount, String status, String paidAt) {

		Transaction toTransaction() {
			ApiException invalid = new ApiException(ProblemType.VALIDATION, "validation");
			if (this.merchantOrderId == null || this.merchantOrderId.isBlank() || this.merchantOrderId.length() > 100) {
				invalid.withError("merchantOrderId", "callback.field-required");
			}
			if (this.amount == null || this.amount < 0) {
				invalid.withError("amount", "callback.field-required");
			}
			if (this.status == null || this.status.isBlank()) {
				invalid.withError("status", "callback.field-required");
			}
			Instant paid = null;
			if (this.paidAt != null) {
				try {
					paid = Instant.parse(this.paidAt);
				}
				catch (DateTimeException ex) {
					invalid.withError("paidAt", "callback.instant-malformed");
				}
			}
			if (!invalid.errors().isEmpty()) {
				throw invalid;
			}
			return new Transaction(this.merchantOrderId, this.transactionId, this.amount, this.status, paid);
		}

	}

	private Mono<JsonNode> call(HttpMethod method, String uri, String body) {
		return Mono.defer(() -> {
			String timestamp = Long.toString(this.clock.instant().getEpochSecond());
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
