package vn.gov.bca.residence.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

/**
 * The periods of a temporary residence, as {@link ResidenceRules} checks them at submission.
 * <ul>
 * <li>Law on Residence 68/2020/QH14 Art. 27(1): temporary residence is living somewhere 30 days or
 * more, so the last day is at least 30 days after the first (a shorter stay is notified, not
 * registered); Art. 27(3): a registration lasts at most 2 years, the last day no later than the same
 * day two years on. The first day is within 30 days either side of the day of submission.</li>
 * <li>Art. 28(4): "Trong thời hạn 15 ngày trước ngày kết thúc thời hạn tạm trú đã đăng ký, công dân
 * phải làm thủ tục gia hạn tạm trú": a renewal is asked from the 15th day before the last day up to
 * the last day itself, on which the registration still runs; the new last day after the current one
 * and at most 2 years after it.</li>
 * </ul>
 */
class ResidenceRulesPeriodTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

	private static final int WINDOW = 15;

	private static List<String> periodErrors(LocalDate from, LocalDate until) {
		ApiException invalid = new ApiException(ProblemType.VALIDATION, "validation");
		ResidenceRules.checkTemporaryPeriod(from, until, TODAY, invalid);
		return invalid.errors().stream().map((error) -> error.field() + ":" + error.code()).toList();
	}

	@Test
	void thirtyDaysAfterTheFirstDayIsTheShortestTemporaryResidence() {
		assertThat(periodErrors(TODAY, TODAY.plusDays(30))).isEmpty();
		assertThat(periodErrors(TODAY, TODAY.plusDays(29))).containsExactly("form.until:residence.temporary-too-short");
		assertThat(periodErrors(TODAY, TODAY)).containsExactly("form.until:residence.temporary-too-short");
		// Counted from the first day given, not from the day of submission.
		LocalDate from = TODAY.plusDays(10);
		assertThat(periodErrors(from, from.plusDays(30))).isEmpty();
		assertThat(periodErrors(from, TODAY.plusDays(30))).containsExactly("form.until:residence.temporary-too-short");
	}

	@Test
	void twoYearsIsTheLongestTemporaryResidence() {
		assertThat(periodErrors(TODAY, TODAY.plusYears(2))).isEmpty();
		assertThat(periodErrors(TODAY, TODAY.plusYears(2).plusDays(1)))
			.containsExactly("form.until:residence.temporary-too-long");
		// A leap day: two years on is the 28th of February.
		LocalDate leapDay = LocalDate.of(2028, 2, 29);
		ApiException invalid = new ApiException(ProblemType.VALIDATION, "validation");
		ResidenceRules.checkTemporaryPeriod(leapDay, LocalDate.of(2030, 3, 1), leapDay, invalid);
		assertThat(invalid.errors()).extracting(ApiException.FieldProblem::code)
			.containsExactly("residence.temporary-too-long");
	}

	@Test
	void theFirstDayIsWithinThirtyDaysOfTheSubmission() {
		assertThat(periodErrors(TODAY.minusDays(30), TODAY.plusDays(30))).isEmpty();
		assertThat(periodErrors(TODAY.plusDays(30), TODAY.plusDays(60))).isEmpty();
		assertThat(periodErrors(TODAY.minusDays(31), TODAY.plusDays(30)))
			.containsExactly("form.from:residence.temporary-start-invalid");
		assertThat(periodErrors(TODAY.plusDays(31), TODAY.plusDays(61)))
			.containsExactly("form.from:residence.temporary-start-invalid");
	}

	@Test
	void theFifteenthDayBeforeTheLastDayIsTheFirstDayARenewalIsAllowed() {
		LocalDate until = TODAY.plusDays(WINDOW);
		assertThatNoException()
			.isThrownBy(() -> ResidenceRules.checkRenewalDates(until, until.plusMonths(6), TODAY, WINDOW));
		ApiException early = catchThrowableOfType(ApiException.class,
				() -> ResidenceRules.checkRenewalDates(until.plusDays(1), until.plusMonths(6), TODAY, WINDOW));
		assertThat(early.type()).isEqualTo(ProblemType.CONFLICT);
		assertThat(early.detailCode()).isEqualTo("residence.renewal-too-early");
		// The message tells the first day allowed.
		assertThat(early.detailArgs()).containsExactly(TODAY.plusDays(1));
	}

	@Test
	void theLastDayItselfIsAllowedAndTheDayAfterIsTooLate() {
		assertThatNoException()
			.isThrownBy(() -> ResidenceRules.checkRenewalDates(TODAY, TODAY.plusYears(1), TODAY, WINDOW));
		ApiException late = catchThrowableOfType(ApiException.class,
				() -> ResidenceRules.checkRenewalDates(TODAY.minusDays(1), TODAY.plusYears(1), TODAY, WINDOW));
		assertThat(late.type()).isEqualTo(ProblemType.CONFLICT);
		assertThat(late.detailCode()).isEqualTo("residence.renewal-too-late");
		assertThat(late.detailArgs()).containsExactly(TODAY.minusDays(1));
	}

	@Test
	void theNewLastDayIsAfterTheCurrentOneAndAtMostTwoYearsOn() {
		LocalDate until = TODAY.plusDays(5);
		assertThatNoException()
			.isThrownBy(() -> ResidenceRules.checkRenewalDates(until, until.plusYears(2), TODAY, WINDOW));
		for (LocalDate wrong : List.of(until, until.minusDays(1), until.plusYears(2).plusDays(1))) {
			ApiException refused = catchThrowableOfType(ApiException.class,
					() -> ResidenceRules.checkRenewalDates(until, wrong, TODAY, WINDOW));
			assertThat(refused.type()).isEqualTo(ProblemType.UNPROCESSABLE);
			assertThat(refused.errors()).extracting(ApiException.FieldProblem::field).containsExactly("form.until");
		}
	}

}
