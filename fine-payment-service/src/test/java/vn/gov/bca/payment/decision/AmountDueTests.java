package vn.gov.bca.payment.decision;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Day N is N days after the violator received the decision. */
class AmountDueTests {

	private static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

	@Test
	void onTheDayOfReceiptOnlyTheFineIsDue() {
		AmountDue due = AmountDue.of(4_000_000, RECEIVED, RECEIVED);
		assertThat(due.daysLate()).isZero();
		assertThat(due.surcharge()).isZero();
		assertThat(due.total()).isEqualTo(4_000_000);
		assertThat(due.deadline()).isEqualTo(LocalDate.of(2026, 3, 12));
	}

	@Test
	void theTenthDayIsTheLastWithoutSurcharge() {
		AmountDue due = AmountDue.of(4_000_000, RECEIVED, RECEIVED.plusDays(10));
		assertThat(due.daysLate()).isZero();
		assertThat(due.total()).isEqualTo(4_000_000);
	}

	@Test
	void theEleventhDayAddsOneDayAtFiveHundredthsOfAPercent() {
		AmountDue due = AmountDue.of(4_000_000, RECEIVED, RECEIVED.plusDays(11));
		assertThat(due.daysLate()).isEqualTo(1);
		assertThat(due.surcharge()).isEqualTo(2_000);
		assertThat(due.total()).isEqualTo(4_002_000);
	}

	@Test
	void theHundredthDayAddsNinetyDays() {
		AmountDue due = AmountDue.of(4_000_000, RECEIVED, RECEIVED.plusDays(100));
		assertThat(due.daysLate()).isEqualTo(90);
		assertThat(due.surcharge()).isEqualTo(180_000);
		assertThat(due.total()).isEqualTo(4_180_000);
	}

	@Test
	void fractionsOfADongAreRoundedDown() {
		// 1,234,567 × 0.05% = 617.2835 VND a day.
		assertThat(AmountDue.of(1_234_567, RECEIVED, RECEIVED.plusDays(11)).surcharge()).isEqualTo(617);
		// × 3 days = 1,851.8505
		assertThat(AmountDue.of(1_234_567, RECEIVED, RECEIVED.plusDays(13)).surcharge()).isEqualTo(1_851);
		// 150,000 × 0.05% = 75 exactly
		assertThat(AmountDue.of(150_000, RECEIVED, RECEIVED.plusDays(11)).surcharge()).isEqualTo(75);
	}

	@Test
	void noDayIsLateWhileTheReceiptDateIsUnknown() {
		AmountDue due = AmountDue.of(800_000, null, LocalDate.of(2027, 1, 1));
		assertThat(due.deadline()).isNull();
		assertThat(due.total()).isEqualTo(800_000);
	}

}
