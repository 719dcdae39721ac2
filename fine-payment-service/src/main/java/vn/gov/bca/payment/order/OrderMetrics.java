package vn.gov.bca.payment.order;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;

import vn.gov.bca.platform.data.metrics.CollectionCounts;

/**
 * For operators: {@code vneid.payment.orders} (tags {@code type}, {@code status}), the orders opened
 * in the last 24 hours by what they pay (a fine, a dossier's fee) and where they stand, counted every
 * {@code vneid.payment.metrics-interval} (1 min): many FAILED or EXPIRED against SUCCEEDED is the
 * payment platform or its checkout failing citizens.
 */
@Configuration(proxyBeanMethods = false)
class OrderMetrics {

	@Bean
	CollectionCounts paymentOrderCounts(ReactiveMongoTemplate mongo, MeterRegistry metrics,
			@Value("${vneid.payment.metrics-interval:60s}") Duration interval, Clock clock) {
		return new CollectionCounts(mongo, metrics, interval,
				List.of(new CollectionCounts.Count("vneid.payment.orders",
						"Payment orders opened in the last 24 hours, by type and status", "fine-payment-service",
						OrderService.COLLECTION,
						() -> Criteria.where("createdAt").gte(clock.instant().minus(Duration.ofHours(24))),
						Map.of("type", "referenceType", "status", "status"))));
	}

}
