package vn.gov.bca.platform.dossier.calendar;

/**
 * The holiday file cannot be used as it is. Appointment dates promised to citizens depend on it,
 * so a doubtful file is refused as a whole rather than half read; the message names the line or
 * the date to correct.
 */
public class InvalidCalendarException extends RuntimeException {

	public InvalidCalendarException(String message) {
		super(message);
	}

	public InvalidCalendarException(String message, Throwable cause) {
		super(message, cause);
	}

}
