package vn.gov.bca.platform.sandbox;

/** A sandbox's pages show what any caller sent: every value goes through {@link #escape}. */
public final class Html {

	private Html() {
	}

	/** The text safe in an element's content and in a quoted attribute. */
	public static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
