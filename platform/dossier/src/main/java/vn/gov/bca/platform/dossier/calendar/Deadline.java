package vn.gov.bca.platform.dossier.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dossier's time limit, which stops while the applicant supplements the dossier: the time for
 * supplementing is not counted in the time to process (Decree 61/2018/NĐ-CP, as amended by Decree
 * 107/2021/NĐ-CP). This is the rule chosen here:
 * <ul>
 * <li>On receipt, the appointment date is the {@code allowedDays}-th working day after the day the
 * dossier counts as received ({@link WorkingDays#plus}).</li>
 * <li>When a supplement is requested on day S, the working days used so far are kept: those after
 * the day counting started, up to and including S ({@link WorkingDays#between}). The clock stops and
 * there is no appointment date while it is stopped.</li>
 * <li>When the applicant resubmits on day R, the new appointment date is the working day
 * {@code allowedDays − used} after R, but at least the first working day after R: a dossier whose
 * time had already run out is not due on the day it comes back. Day R itself is not counted.</li>
 * <li>Several stops add up: each one adds the working days used since the last resumption.</li>
 * </ul>
 *
 * <p>The appointment date is kept as computed: a date promised to a citizen does not move when the
 * holiday file is amended later.
 *
 * @param allowedDays the working days the procedure allows
 * @param usedDays the working days used before the last stop (all stops together)
 * @param countingFrom the day the current running period started (receipt or resubmission); null
 * while stopped
 * @param appointment the appointment date; null while stopped
 * @param stoppedOn the day the supplement was requested; null while running
 * @param provisional whether the appointment was counted beyond the holiday file's last year
 * (weekends only there, {@link WorkingDays#appointment})
 */
public record Deadline(int allowedDays, int usedDays, LocalDate countingFrom, LocalDate appointment,
		LocalDate stoppedOn, boolean provisional) {

	public Deadline {
		if (allowedDays < 1) {
			throw new IllegalArgumentException("A procedure allows at least 1 working day, not " + allowedDays);
		}
		if (usedDays < 0) {
			throw new IllegalArgumentException("Used days cannot be negative: " + usedDays);
		}
		boolean running = stoppedOn == null;
		if (running && (countingFrom == null || appointment == null)) {
			throw new IllegalArgumentException("A running deadline has a start and an appointment date");
		}
		if (!running && (countingFrom != null || appointment != null)) {
			throw new IllegalArgumentException("A stopped deadline has no running period and no appointment date");
		}
	}

	/** A deadline counted inside the holiday file's years. */
	public Deadline(int allowedDays, int usedDays, LocalDate countingFrom, LocalDate appointment,
			LocalDate stoppedOn) {
		this(allowedDays, usedDays, countingFrom, appointment, stoppedOn, false);
	}

	/**
	 * The deadline of a dossier received on {@code received}: always an answer, provisional if it was
	 * counted beyond the holiday file.
	 */
	public static Deadline start(WorkingDays workingDays, LocalDate received, int allowedDays) {
		WorkingDays.Appointment appointment = workingDays.appointment(received, allowedDays);
		return new Deadline(allowedDays, 0, received, appointment.date(), null, appointment.provisional());
	}

	/** Stops the clock: a supplement was requested on {@code requestedOn}. */
	public Deadline stop(WorkingDays workingDays, LocalDate requestedOn) {
		if (isStopped()) {
			throw new IllegalStateException("The deadline is already stopped since " + this.stoppedOn);
		}
		if (requestedOn.isBefore(this.countingFrom)) {
			throw new IllegalArgumentException("A supplement cannot be requested on " + requestedOn
					+ ", before the dossier was received on " + this.countingFrom);
		}
		int used = workingDays.elapsed(this.countingFrom, requestedOn);
		return new Deadline(this.allowedDays, this.usedDays + used, null, null, requestedOn, false);
	}

	/** Restarts the clock: the applicant resubmitted on {@code resubmittedOn}. */
	public Deadline resume(WorkingDays workingDays, LocalDate resubmittedOn) {
		if (!isStopped()) {
			throw new IllegalStateException("The deadline is running: there is nothing to resume");
		}
		if (resubmittedOn.isBefore(this.stoppedOn)) {
			throw new IllegalArgumentException("A dossier cannot be resubmitted on " + resubmittedOn
					+ ", before the supplement was requested on " + this.stoppedOn);
		}
		WorkingDays.Appointment appointment = workingDays.appointment(resubmittedOn, remainingDays());
		return new Deadline(this.allowedDays, this.usedDays, resubmittedOn, appointment.date(), null,
				appointment.provisional());
	}

	public boolean isStopped() {
		return this.stoppedOn != null;
	}

	/** The working days left when the clock restarts: what was not used, at least 1. */
	public int remainingDays() {
		return Math.max(1, this.allowedDays - this.usedDays);
	}

	/** Whether a result ready on {@code processedOn} meets the appointment date. */
	public boolean isOnTime(LocalDate processedOn) {
		return WorkingDays.onTime(requireAppointment(), processedOn);
	}

	/** Whether the dossier is overdue on {@code asOf}; never while the applicant supplements it. */
	public boolean isOverdueOn(LocalDate asOf) {
		return !isStopped() && WorkingDays.isOverdue(this.appointment, asOf);
	}

	private LocalDate requireAppointment() {
		if (isStopped()) {
			throw new IllegalStateException("No appointment date while the applicant supplements the dossier");
		}
		return Objects.requireNonNull(this.appointment);
	}

}
