package vn.gov.bca.platform.dossier.calendar;

/**
 * How a listed day differs from the ordinary week (Monday to Friday worked, Saturday and Sunday
 * off). Only the exceptions are listed, so each kind only makes sense on one side of the week.
 */
public enum DayKind {

	/**
	 * A weekday off: a public holiday, the substitute for a holiday that falls on a weekend, or a
	 * weekday given off in exchange for a Saturday worked.
	 */
	HOLIDAY,

	/** A Saturday or Sunday worked in exchange for a weekday off ("làm bù"). */
	WORKING_DAY

}
