package vn.gov.bca.platform.web.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Personal id numbers never appear in logs in full, nor a person's name in public answers. */
public final class PersonalIds {

	/** Twelve digits standing alone (not part of a longer number): a personal id in a path or text. */
	private static final Pattern IN_TEXT = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");

	private PersonalIds() {
	}

	/** {@code 001085012345} becomes {@code 001*****2345}. */
	public static String mask(String personalId) {
		if (personalId == null) {
			return null;
		}
		if (personalId.length() < 8) {
			return "*".repeat(personalId.length());
		}
		return personalId.substring(0, 3) + "*".repeat(personalId.length() - 7)
				+ personalId.substring(personalId.length() - 4);
	}

	/**
	 * The text with every personal id in it masked, e.g. a request path logged with a failure:
	 * {@code /api/identity/accounts/001085012345/unlock} becomes {@code /api/identity/accounts/001*****2345/unlock}.
	 */
	public static String maskIn(String text) {
		if (text == null) {
			return null;
		}
		return IN_TEXT.matcher(text).replaceAll((match) -> Matcher.quoteReplacement(mask(match.group())));
	}

	/**
	 * A person's name as anyone may see it in a public answer (the fine lookup, a document's
	 * verification): its initials, "Nguyễn Văn An" → "N. V. A.".
	 */
	public static String initials(String name) {
		if (name == null) {
			return null;
		}
		StringBuilder initials = new StringBuilder();
		for (String word : name.strip().split("\\s+")) {
			if (!word.isEmpty()) {
				initials.append(initials.isEmpty() ? "" : " ").appendCodePoint(word.codePointAt(0)).append('.');
			}
		}
		return initials.toString();
	}

}
