package vn.gov.bca.platform.dossier.calendar;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The clock stop while the applicant supplements a dossier, on the shipped calendar. */
class DeadlineTests {

	private final WorkingDays workingDays = WorkingDays.standard();

	private static final LocalDate MONDAY_2_MARCH_2026 = LocalDate.of(2026, 3, 2);

	@Test
	void startingGivesTheAppointmentDateOfWorkingDays() {
		Deadline deadline = Deadline.start(this.workingDays, MONDAY_2_MARCH_2026, 8);
		// Tue 3 … Fri 6, Mon 9 … Thu 12.
		assertThat(deadline.appointment()).isEqualTo(LocalDate.of(2026, 3, 12));
		assertThat(deadline.usedDays()).isZero();
		assertThat(deadline.isStopped()).isFalse();
	}

	@Test
	void aSupplementRequestKeepsTheDaysUsedUpToAndIncludingTheRequestDay() {
		Deadline stopped = Deadline.start(this.workingDays, MONDAY_2_MARCH_2026, 8)
			.stop(this.workingDays, LocalDate.of(2026, 3, 5));
		// Tue 3, Wed 4, Thu 5.
		assertThat(stopped.usedDays()).isEqualTo(3);
		assertThat(stopped.remainingDays()).isEqualTo(5);
		assertThat(stopped.isStopped()).isTrue();
		assertThat(stopped.appointment()).isNull();
	}

	@Test
	void resubmissionGivesTheDaysLeftCountedAfterTheResubmissionDay() {
		Deadline resumed = Deadline.start(this.workingDays, MONDAY_2_MARCH_2026, 8)
			.stop(this.workingDays, LocalDate.of(2026, 3, 5))
			.resume(this.workingDays, LocalDate.of(2026, 3, 16));
		// 5 days left after Mon 16: Tue 17, Wed 18, Thu 19, Fri 20, Mon 23.
		assertThat(resumed.appointment()).isEqualTo(LocalDate.of(2026, 3, 23));
		assertThat(resumed.countingFrom()).isEqualTo(LocalDate.of(2026, 3, 16));
		assertThat(resumed.usedDays()).isEqualTo(3);
	}

	@Test
	void theTetBreakDuringTheSupplementIsNotCountedEither() {
		Deadline resumed = Deadline.start(this.workingDays, LocalDate.of(2026, 2, 9), 8)
			.stop(this.workingDays, LocalDate.of(2026, 2, 11))
			.resume(this.workingDays, LocalDate.of(2026, 2, 23));
		// Used Tue 10, Wed 11; 6 left after Mon 23: Tue 24 … Fri 27, Mon 2, Tue 3 March.
		assertThat(resumed.appointment()).isEqualTo(LocalDate.of(2026, 3, 3));
	}

	@Test
	void aDossierWhoseTimeHadRunOutIsDueTheWorkingDayAfterItComesBack() {
		Deadline stopped = Deadline.start(this.workingDays, MONDAY_2_MARCH_2026, 8)
			.stop(this.workingDays, LocalDate.of(2026, 3, 13));
		// Due Thu 12; the request on Fri 13 is the 9th day.
		assertThat(stopped.usedDays()).isEqualTo(9);
		assertThat(stopped.remainingDays()).isEqualTo(1);
		assertThat(stopped.resume(this.workingDays, LocalDate.of(2026, 3, 16)).appointment())
			.isEqualTo(LocalDate.of(2026, 3, 17));
	}

	@Test
	void aSupplementRequestedOnTheDayOfReceiptUsesNoDay() {
		Deadline stopped = Deadline.start(this.workingDays, MONDAY_2_MARCH_2026, 8)
			.stop(this.workingDays, MONDAY_2_MARCH_2026);
		assertThat(stopped.usedDays()).isZero();
		assertThat(stopped.resume(this.workingDays, LocalDate.of(2026, 3, 9)).appointment())
			.isEqualTo(LocalDate.of(2026, 3, 19));
	}

	@Test
	void aDossierReceivedOnSundayAndStoppedOnMondayUsesNoDay() {
		// Received Sun 8 March counts as received Mon 9.
		Deadline stopped = Deadline.start(this.workingDays, LocalDate.of(2026, 3, 8), 8)
			.stop(this.workingDays, LocalDate.of(2026, 3, 9));
		assertThat(stopped.usedDays()).isZero();
	}

	@Test
	void severalStopsAddUp() {
		Deadline deadline = Deadline.start(this.workingDays, MONDAY_2_MARCH_2026, 8)
			.stop(this.workingDays, LocalDate.of(2026, 3, 4))
			.resume(this.workingDays, LocalDate.of(2026, 3, 9))
			.stop(this.workingDays, LocalDate.of(2026, 3, 11))
			.resume(this.workingDays, LocalDate.of(2026, 3, 16));
		// 2 days (Tue 3, Wed 4) + 2 days (Tue 10, Wed 11); 4 left after Mon 16: Tue 17 … Fri 20.
		assertThat(deadline.usedDays()).isEqualTo(4);
		assertThat(deadline.appointment()).isEqualTo(LocalDate.of(2026, 3, 20));
	}

	@Test
	void aStoppedDossierIsNeverOverdueAndHasNoAppointmentToMeet() {
		Deadline stopped = Deadline.start(this.workingDays, MONDAY_2_MARCH_2026, 8)
			.stop(this.workingDays, LocalDate.of(2026, 3, 5));
		assertThat(stopped.isOverdueOn(LocalDate.of(2026, 6, 1))).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> stopped.isOnTime(LocalDate.of(2026, 3, 6)));
	}

	@Test
	void aRunningDossierIsOnTimeUpToItsAppointmentAndOverdueAfter() {
		Deadline deadline = Deadline.start(this.workingDays, MONDAY_2_MARCH_2026, 8);
		assertThat(deadline.isOnTime(LocalDate.of(2026, 3, 12))).isTrue();
		assertThat(deadline.isOnTime(LocalDate.of(2026, 3, 13))).isFalse();
		assertThat(deadline.isOverdueOn(LocalDate.of(2026, 3, 12))).isFalse();
		assertThat(deadline.isOverdueOn(LocalDate.of(2026, 3, 13))).isTrue();
	}

	@Test
	void stoppingTwiceOrResumingARunningDeadlineIsRefused() {
		Deadline running = Deadline.start(this.workingDays, MONDAY_2_MARCH_2026, 8);
		Deadline stopped = running.stop(this.workingDays, LocalDate.of(2026, 3, 5));
		assertThatIllegalStateException().isThrownBy(() -> stopped.stop(this.workingDays, LocalDate.of(2026, 3, 6)));
		assertThatIllegalStateException().isThrownBy(() -> running.resume(this.workingDays, LocalDate.of(2026, 3, 6)));
	}

	@Test
	void datesBeforeTheRunningPeriodOrTheStopAreRefused() {
		Deadline running = Deadline.start(this.workingDays, MONDAY_2_MARCH_2026, 8);
		assertThatIllegalArgumentException().isThrownBy(() -> running.stop(this.workingDays, LocalDate.of(2026, 3, 1)));
		Deadline stopped = running.stop(this.workingDays, LocalDate.of(2026, 3, 5));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> stopped.resume(this.workingDays, LocalDate.of(2026, 3, 4)));
	}

	@Test
	void anInconsistentDeadlineCannotBeBuilt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Deadline(0, 0, MONDAY_2_MARCH_2026, MONDAY_2_MARCH_2026, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Deadline(8, 0, null, null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Deadline(8, 0, MONDAY_2_MARCH_2026, MONDAY_2_MARCH_2026, MONDAY_2_MARCH_2026));
	}

}
