package vn.gov.bca.paymentsandbox;

/** A request the platform answers with a 4xx and {@code {"error": message}}. */
final class RequestRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	RequestRefused(int status, String message) {
		super(message);
		this.status = status;
	}

	static RequestRefused badRequest(String message) {
		return new RequestRefused(400, message);
	}

	int status() {
		return status;
	}
}
