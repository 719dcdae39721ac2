package vn.gov.bca.platform.dossier.fee;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * fine-payment-service's {@code PaymentSucceeded} on {@code payment.events.v1} as the dossier
 * services read it: the producer owns the event, fields not read here are ignored.
 *
 * @param aggregateId the payment order's id
 * @param referenceType {@code DOSSIER_FEE} for a dossier's fee, {@code FINE} for a fine
 * @param referenceId the dossier code
 * @param requestedBy the service that asked for the order (absent in events published before it was
 * added)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentSucceeded(String eventId, Instant occurredAt, String aggregateId, String referenceType,
		String referenceId, long amount, String receiptNumber, String requestedBy) {

	public static final String TOPIC = "payment.events.v1";

	public static final String DOSSIER_FEE = "DOSSIER_FEE";

	/** Whether it is a dossier fee asked for by that service (or by an unnamed one, in older events). */
	public boolean isFeeOf(String service) {
		return DOSSIER_FEE.equals(this.referenceType) && (this.requestedBy == null || this.requestedBy.equals(service));
	}

}
