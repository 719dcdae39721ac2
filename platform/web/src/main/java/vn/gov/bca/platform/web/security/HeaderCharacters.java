package vn.gov.bca.platform.web.security;

/**
 * What Spring Security's firewall lets through in header names and values: no control characters
 * (no CR/LF header injection, no NUL), horizontal tab allowed. The firewall's default check is a
 * Unicode regular expression run over every character of every header on each access; on the
 * ~1.5 kB bearer token of every request it cost the gateway about half its CPU, so the same rule
 * is applied here with a plain loop.
 */
public final class HeaderCharacters {

	private HeaderCharacters() {
	}

	/** True for an absent value (the firewall also checks lookups of headers that are not there). */
	public static boolean isAllowed(String value) {
		if (value == null) {
			return true;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
				return false;
			}
		}
		return true;
	}

}
