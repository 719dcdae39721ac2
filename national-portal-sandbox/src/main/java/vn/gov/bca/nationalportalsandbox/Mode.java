package vn.gov.bca.nationalportalsandbox;

/**
 * How the sandbox answers the integration API, set by {@code POST /sandbox/mode}: the ways a real
 * portal misbehaves. The sandbox's own pages and controls answer whatever the mode.
 */
public enum Mode {

	/** Answers as the portal does. */
	NORMAL,
	/** Down: every call answers 503, nothing is taken. */
	DOWN,
	/** Answers, after the mode's delay. */
	SLOW,
	/** Answers {@code error_code} 99 ("system error") to every operation, and takes nothing. */
	ERROR

}
