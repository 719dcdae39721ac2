package vn.gov.bca.gateway.edge;

/**
 * A request body over its route's limit, found while it streamed through the gateway (or refused
 * by the service before the gateway had sent all of it). A client error: answered 413, never a
 * failure of the service for the route's circuit breaker.
 */
public class BodyTooLargeException extends RuntimeException {

	public BodyTooLargeException(String message) {
		super(message, null, false, false);
	}

	public BodyTooLargeException(String message, Throwable cause) {
		super(message, cause, false, false);
	}

	/** Is this failure (or one of its causes) a body refused for its size? */
	public static boolean isCauseOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof BodyTooLargeException) {
				return true;
			}
		}
		return false;
	}

}
