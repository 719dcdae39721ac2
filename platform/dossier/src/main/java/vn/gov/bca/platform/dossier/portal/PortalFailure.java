package vn.gov.bca.platform.dossier.portal;

/**
 * A call the national portal did not take: {@link Unavailable} when it could not answer (down, a
 * timeout, an HTTP error, its own system error): the update waits and is tried again, as long as it
 * takes; {@link Refused} when it answered that the data are wrong ({@code error_code} 2 or 3): tried
 * a few times, then dead-lettered for an administrator.
 */
public abstract sealed class PortalFailure extends RuntimeException {

	PortalFailure(String message, Throwable cause) {
		super(message, cause, false, false);
	}

	public static final class Unavailable extends PortalFailure {

		Unavailable(String message, Throwable cause) {
			super(message, cause);
		}

	}

	public static final class Refused extends PortalFailure {

		Refused(String message) {
			super(message, null);
		}

	}

}
