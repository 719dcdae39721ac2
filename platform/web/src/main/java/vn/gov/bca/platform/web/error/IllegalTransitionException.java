package vn.gov.bca.platform.web.error;

/**
 * An aggregate refused an action in its current state (409). The problem names both, as
 * {@code status} and {@code action} members, so a client can refresh and show what is possible.
 */
public class IllegalTransitionException extends ApiException {

	public IllegalTransitionException(Enum<?> from, String action) {
		super(ProblemType.ILLEGAL_TRANSITION, "illegal-transition", action, from.name());
		with("status", from.name());
		with("action", action);
	}

}
