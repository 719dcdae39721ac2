package vn.gov.bca.payment.decision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What a fine costs if paid on a given day (Law on Handling Administrative Violations, Art. 73 and
 * 78): the fine, payable within 10 days of the day the violator received the decision; after that,
 * 0.05% of the unpaid fine for each day late.
 *
 * <p>Counting the late days (Circular 18/2023/TT-BTC, Art. 5(1)): they include public holidays and
 * days off, and run from the day <em>after</em> the last day to pay up to the day <em>before</em> the
 * payment day. So the payment day itself is never a late day: received 2026-03-01, last day
 * 2026-03-11, paid 2026-03-12 → 0 days; paid 2026-03-13 → 1 day; paid 2026-03-31 → 19 days.
 *
 * <p>Rounding rule: the surcharge is computed exactly in whole VND as
 * {@code fine × daysLate × 5 / 10,000} and rounded <em>down</em> (never charging a fraction of a
 * đồng the law does not require). No cap is applied: the law sets none. While the receipt date is
 * unknown (a camera-detected violation whose notice has not been received), no day is late.
 *
 * @param fine the fine in the decision
 * @param receivedOn when the violator received the decision (null if not yet)
 * @param deadline the last day to pay without surcharge (received + 10 days)
 * @param asOf the payment day the amount is computed for (in Vietnam)
 * @param daysLate days after the deadline up to the day before {@code asOf}
 * @param surcharge the late-payment surcharge in VND
 * @param total fine plus surcharge
 */
public record AmountDue(long fine, LocalDate receivedOn, LocalDate deadline, LocalDate asOf, long daysLate,
		long surcharge, long total) {

	static final int DAYS_TO_PAY = 10;

	/** 0.05% a day, as parts per 10,000. */
	static final long SURCHARGE_PER_10_000_PER_DAY = 5;

	public static AmountDue of(long fine, LocalDate receivedOn, LocalDate asOf) {
		if (receivedOn == null) {
			return new AmountDue(fine, null, null, asOf, 0, 0, fine);
		}
		LocalDate deadline = receivedOn.plusDays(DAYS_TO_PAY);
		// Circular 18/2023/TT-BTC Art. 5(1): from deadline + 1 to asOf - 1, both included.
		long daysLate = Math.max(0, ChronoUnit.DAYS.between(deadline, asOf) - 1);
		long surcharge = Math.multiplyExact(Math.multiplyExact(fine, daysLate), SURCHARGE_PER_10_000_PER_DAY) / 10_000;
		return new AmountDue(fine, receivedOn, deadline, asOf, daysLate, surcharge, fine + surcharge);
	}

	/** The rate, for display: "0.05%". */
	public String ratePerDay() {
		return "0.05%";
	}

}
