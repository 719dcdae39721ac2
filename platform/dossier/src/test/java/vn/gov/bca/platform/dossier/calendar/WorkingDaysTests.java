package vn.gov.bca.platform.dossier.calendar;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Appointment dates on the shipped calendar. Each test states the days it skips; "received D + N"
 * means a dossier received on D with N working days allowed, due on the N-th working day after D.
 */
class WorkingDaysTests {

	private final WorkingDays workingDays = WorkingDays.standard();

	@Test
	void receivedOnMondayWithFiveDaysIsDueOnMondayOfTheNextWeek() {
		// Tue 3, Wed 4, Thu 5, Fri 6, Mon 9 March 2026.
		assertThat(this.workingDays.plus(LocalDate.of(2026, 3, 2), 5)).isEqualTo(LocalDate.of(2026, 3, 9));
	}

	@Test
	void receivedOnFridayWithOneDayIsDueOnMondayTheReceiptDayNotCounted() {
		assertThat(this.workingDays.plus(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
	}

	@Test
	void receivedOnSaturdayCountsAsReceivedOnMondaySoOneDayIsDueOnTuesday() {
		assertThat(this.workingDays.receiptDay(LocalDate.of(2026, 3, 7))).isEqualTo(LocalDate.of(2026, 3, 9));
		assertThat(this.workingDays.plus(LocalDate.of(2026, 3, 7), 1)).isEqualTo(LocalDate.of(2026, 3, 10));
		assertThat(this.workingDays.plus(LocalDate.of(2026, 3, 8), 1)).isEqualTo(LocalDate.of(2026, 3, 10));
	}

	@Test
	void zeroDaysIsTheDayTheDossierCountsAsReceived() {
		assertThat(this.workingDays.plus(LocalDate.of(2026, 3, 4), 0)).isEqualTo(LocalDate.of(2026, 3, 4));
		assertThat(this.workingDays.plus(LocalDate.of(2026, 3, 7), 0)).isEqualTo(LocalDate.of(2026, 3, 9));
	}

	@Test
	void receivedFriday13February2026WithFiveDaysSkipsTheNineDayTetBreakAndIsDueFriday27February() {
		// Off Sat 14 – Sun 22 Feb (Tết Mon 16 – Fri 20); then Mon 23, Tue 24, Wed 25, Thu 26, Fri 27.
		assertThat(this.workingDays.plus(LocalDate.of(2026, 2, 13), 5)).isEqualTo(LocalDate.of(2026, 2, 27));
	}

	@Test
	void receivedOnlineOnTheFirstDayOfTet2026CountsFromMonday23February() {
		// Received Tue 17 Feb (mùng 1) → counts as received Mon 23; 1 day → Tue 24.
		assertThat(this.workingDays.plus(LocalDate.of(2026, 2, 17), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
	}

	@Test
	void receivedThursday4February2027WithThreeDaysSkipsTheExpectedTetBreakAndIsDueTuesday16February() {
		// Off Fri 5, Sat 6 (mùng 1), Sun 7, Mon 8, Tue 9, Wed 10 and Thu 11 (substitutes); Fri 12, Mon 15, Tue 16.
		assertThat(this.workingDays.plus(LocalDate.of(2027, 2, 4), 3)).isEqualTo(LocalDate.of(2027, 2, 16));
	}

	@Test
	void eightDaysForAPassportReceivedMonday9February2026AreDueThursday26February() {
		// Tue 10, Wed 11, Thu 12, Fri 13, (off Sat 14 – Sun 22), Mon 23, Tue 24, Wed 25, Thu 26.
		assertThat(this.workingDays.plus(LocalDate.of(2026, 2, 9), 8)).isEqualTo(LocalDate.of(2026, 2, 26));
	}

	@Test
	void receivedFriday24April2026WithOneDaySkipsTheHungKingsSubstituteAndIsDueTuesday28April() {
		// Hùng Kings' day is Sun 26 Apr 2026; Mon 27 is the substitute day.
		assertThat(this.workingDays.plus(LocalDate.of(2026, 4, 24), 1)).isEqualTo(LocalDate.of(2026, 4, 28));
	}

	@Test
	void receivedFriday24April2026WithThreeDaysAlsoSkips30AprilAnd1MayAndIsDueMonday4May() {
		// Tue 28, Wed 29, (Thu 30 Apr, Fri 1 May, weekend), Mon 4 May.
		assertThat(this.workingDays.plus(LocalDate.of(2026, 4, 24), 3)).isEqualTo(LocalDate.of(2026, 5, 4));
	}

	@Test
	void receivedFriday25April2025WithOneDayIsDueOnTheSaturday26AprilWorkedInExchange() {
		assertThat(this.workingDays.plus(LocalDate.of(2025, 4, 25), 1)).isEqualTo(LocalDate.of(2025, 4, 26));
	}

	@Test
	void receivedFriday25April2025WithFourDaysSkipsThe30AprilTo4MayBreakAndIsDueMonday5May() {
		// Sat 26 (worked), Mon 28, Tue 29, (Wed 30 Apr, Thu 1 May, Fri 2 May in exchange, weekend), Mon 5 May.
		assertThat(this.workingDays.plus(LocalDate.of(2025, 4, 25), 4)).isEqualTo(LocalDate.of(2025, 5, 5));
	}

	@Test
	void receivedOnTheSaturdayWorkedInExchangeCountsFromThatSaturday() {
		assertThat(this.workingDays.receiptDay(LocalDate.of(2025, 4, 26))).isEqualTo(LocalDate.of(2025, 4, 26));
		assertThat(this.workingDays.plus(LocalDate.of(2025, 4, 26), 1)).isEqualTo(LocalDate.of(2025, 4, 28));
	}

	@Test
	void receivedFriday29August2025WithOneDaySkipsNationalDayAndIsDueWednesday3September() {
		// Mon 1 and Tue 2 Sep 2025 off.
		assertThat(this.workingDays.plus(LocalDate.of(2025, 8, 29), 1)).isEqualTo(LocalDate.of(2025, 9, 3));
	}

	@Test
	void receivedFriday28August2026WithOneDaySkipsTheFiveDayNationalDayBreakAndIsDueThursday3September() {
		// Mon 31 Aug in exchange for Sat 22 Aug, Tue 1 and Wed 2 Sep off.
		assertThat(this.workingDays.plus(LocalDate.of(2026, 8, 28), 1)).isEqualTo(LocalDate.of(2026, 9, 3));
	}

	@Test
	void receivedFriday21August2026WithOneDayIsDueOnTheSaturday22AugustWorkedInExchange() {
		assertThat(this.workingDays.plus(LocalDate.of(2026, 8, 21), 1)).isEqualTo(LocalDate.of(2026, 8, 22));
	}

	@Test
	void receivedWednesday31December2025WithOneDaySkipsNewYearAndItsSwapAndIsDueMonday5January() {
		// Thu 1 Jan 2026, Fri 2 Jan in exchange for Sat 10 Jan, weekend.
		assertThat(this.workingDays.plus(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 5));
	}

	@Test
	void betweenCountsTheWorkingDaysAfterTheFirstDayUpToAndIncludingTheSecond() {
		assertThat(this.workingDays.between(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 27))).isEqualTo(5);
		assertThat(this.workingDays.between(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2))).isZero();
		assertThat(this.workingDays.between(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 8))).isZero();
		assertThat(this.workingDays.between(LocalDate.of(2025, 4, 25), LocalDate.of(2025, 4, 26))).isEqualTo(1);
	}

	@Test
	void betweenTheDayCountedAsReceiptAndTheAppointmentIsTheTimeAllowedOnEveryDayOf2026() {
		for (LocalDate day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2026, 12, 1)); day = day.plusDays(1)) {
			LocalDate appointment = this.workingDays.plus(day, 8);
			assertThat(this.workingDays.between(this.workingDays.receiptDay(day), appointment)).as(day.toString())
				.isEqualTo(8);
			assertThat(this.workingDays.isWorkingDay(appointment)).as(day.toString()).isTrue();
		}
	}

	@Test
	void betweenRefusesDatesInTheWrongOrder() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.workingDays.between(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 2)));
	}

	@Test
	void aNegativeTimeLimitIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.workingDays.plus(LocalDate.of(2026, 3, 2), -1));
	}

	@Test
	void aCountThatRunsPastTheLastYearOfTheFileIsRefused() {
		assertThatExceptionOfType(DateOutsideCalendarException.class)
			.isThrownBy(() -> this.workingDays.plus(LocalDate.of(2027, 12, 27), 5))
			.withMessageContaining("2028");
		assertThatExceptionOfType(DateOutsideCalendarException.class)
			.isThrownBy(() -> this.workingDays.between(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 3)));
	}

	@Test
	void aResultOnOrBeforeTheAppointmentDateIsOnTime() {
		LocalDate appointment = LocalDate.of(2026, 2, 27);
		assertThat(WorkingDays.onTime(appointment, LocalDate.of(2026, 2, 26))).isTrue();
		assertThat(WorkingDays.onTime(appointment, appointment)).isTrue();
		assertThat(WorkingDays.onTime(appointment, LocalDate.of(2026, 2, 28))).isFalse();
	}

	@Test
	void aDossierIsOverdueFromTheDayAfterItsAppointmentAndLateByWorkingDays() {
		LocalDate appointment = LocalDate.of(2026, 2, 13);
		assertThat(WorkingDays.isOverdue(appointment, appointment)).isFalse();
		assertThat(WorkingDays.isOverdue(appointment, LocalDate.of(2026, 2, 14))).isTrue();
		assertThat(this.workingDays.workingDaysLate(appointment, appointment)).isZero();
		// The Tết break is not counted as lateness: Mon 23 Feb is the first day late.
		assertThat(this.workingDays.workingDaysLate(appointment, LocalDate.of(2026, 2, 22))).isZero();
		assertThat(this.workingDays.workingDaysLate(appointment, LocalDate.of(2026, 2, 23))).isEqualTo(1);
	}

	@Test
	void anAppointmentPastTheLastYearOfTheFileCountsWeekendsOnlyThereAndIsProvisional() {
		// Mon 27 Dec 2027, 8 working days: 28, 29, 30, 31 Dec (2027 in the file), then the ordinary
		// week of 2028 (no holiday known yet): Mon 3, Tue 4, Wed 5, Thu 6 Jan.
		assertThat(this.workingDays.isWorkingDay(LocalDate.of(2027, 12, 31))).isTrue();
		WorkingDays.Appointment appointment = this.workingDays.appointment(LocalDate.of(2027, 12, 27), 8);
		assertThat(appointment.date()).isEqualTo(LocalDate.of(2028, 1, 6));
		assertThat(appointment.provisional()).isTrue();

		WorkingDays.Appointment inside = this.workingDays.appointment(LocalDate.of(2026, 3, 2), 8);
		assertThat(inside).isEqualTo(new WorkingDays.Appointment(this.workingDays.plus(LocalDate.of(2026, 3, 2), 8), false));
		assertThat(this.workingDays.elapsed(LocalDate.of(2027, 12, 27), LocalDate.of(2028, 1, 4))).isEqualTo(6);
	}

}
