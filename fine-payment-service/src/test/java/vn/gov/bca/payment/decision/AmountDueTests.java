package vn.gov.bca.payment.decision;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fine is due within 10 days of receipt (Law on Handling Administrative Violations, Art. 73, 78);
 * the late days run from the day after the last day to pay up to the day before the payment day,
 * holidays included (Circular 18/2023/TT-BTC, Art. 5(1)).
 */
class AmountDueTests {

	/** The example: 2,000,000 VND received 2026-03-01, last day to pay 2026-03-11. */
	private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 1);

	@Test
	void theLastDayToPayIsTenDaysAfterReceipt() {
		AmountDue due = AmountDue.of(2_000_000, RECEIVED, RECEIVED);
		assertThat(due.deadline()).isEqualTo(LocalDate.of(2026, 3, 11));
		assertThat(due.daysLate()).isZero();
		assertThat(due.total()).isEqualTo(2_000_000);
	}

	@ParameterizedTest(name = "paid {0}: {1} days late, surcharge {2} VND")
	@CsvSource({ "2026-03-11, 0, 0", "2026-03-12, 0, 0", "2026-03-13, 1, 1000", "2026-03-31, 19, 19000" })
	void thePaymentDayItselfIsNotALateDay(LocalDate paidOn, long daysLate, long surcharge) {
		// Circular 18/2023/TT-BTC Art. 5(1): late days from 2026-03-12 to the day before the payment day.
		AmountDue due = AmountDue.of(2_000_000, RECEIVED, paidOn);
		assertThat(due.daysLate()).isEqualTo(daysLate);
		assertThat(due.surcharge()).isEqualTo(surcharge);
		assertThat(due.total()).isEqualTo(2_000_000 + surcharge);
	}

	@Test
	void holidaysAreLateDaysToo() {
		// Received 2026-02-01, last day 2026-02-11, paid 2026-02-25: the Tết days off in between count,
		// late from 02-12 to 02-24 = 13 days.
		AmountDue due = AmountDue.of(4_000_000, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 25));
		assertThat(due.daysLate()).isEqualTo(13);
		assertThat(due.surcharge()).isEqualTo(26_000);
	}

	@Test
	void fractionsOfADongAreRoundedDown() {
		// 1,234,567 × 0.05% = 617.2835 VND a day (one late day when paid 12 days after receipt).
		assertThat(AmountDue.of(1_234_567, RECEIVED, RECEIVED.plusDays(12)).surcharge()).isEqualTo(617);
		// × 3 days = 1,851.8505
		assertThat(AmountDue.of(1_234_567, RECEIVED, RECEIVED.plusDays(14)).surcharge()).isEqualTo(1_851);
		// 150,000 × 0.05% = 75 exactly
		assertThat(AmountDue.of(150_000, RECEIVED, RECEIVED.plusDays(12)).surcharge()).isEqualTo(75);
	}

	@Test
	void noDayIsLateWhileTheReceiptDateIsUnknown() {
		AmountDue due = AmountDue.of(800_000, null, LocalDate.of(2027, 1, 1));
		assertThat(due.deadline()).isNull();
		assertThat(due.total()).isEqualTo(800_000);
	}

}
