package vn.gov.bca.identity.registry;

/**
 * The phone number and e-mail address the registry holds for a citizen (Law on Identification
 * 2023, Art. 9(1): the national population database records them). A VNeID registration proves
 * control of one of these, never of one given in the request.
 *
 * @param phone a Vietnamese mobile number ({@code 0xxxxxxxxx} or {@code +84xxxxxxxxx}), or null
 * @param email an e-mail address in lower case, or null
 */
public record Contact(String phone, String email) {

	public Contact {
		email = (email != null) ? email.strip().toLowerCase(java.util.Locale.ROOT) : null;
	}

	public boolean isEmpty() {
		return this.phone == null && this.email == null;
	}

}
