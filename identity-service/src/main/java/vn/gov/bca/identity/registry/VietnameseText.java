package vn.gov.bca.identity.registry;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese names and addresses are stored as typed, in Unicode NFC, and searched folded:
 * without diacritics, lower case, single spaces, so that "Nguyễn Thị Hà" is found by "nguyen thi
 * ha" and by "NGUYỄN  THỊ HÀ" alike. Folding is for officers' search only: checking who someone is
 * compares the names with their diacritics ({@link #sameName}), since "Lê Thị Hạ" and "Lê Thị Hà"
 * are two different people.
 */
public final class VietnameseText {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	/**
	 * ASCII white space and every Unicode separator: a no-break space (U+00A0), a figure space
	 * (U+2007) or a narrow no-break space (U+202F) pasted from a word processor is a space like any
	 * other. {@code \s} alone and {@code String.strip()} miss them.
	 */
	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u0085\\uFEFF]+");

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private VietnameseText() {
	}

	/** The stored form: NFC, trimmed, single spaces. */
	public static String normalize(String text) {
		return singleSpaces(Normalizer.normalize(text, Normalizer.Form.NFC));
	}

	/** The search form: no diacritics (đ becomes d), lower case, single spaces. */
	public static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return singleSpaces(withoutMarks.toLowerCase(Locale.ROOT));
	}

	/**
	 * Whether two names are the same name: compared with their diacritics, after NFC and white-space
	 * normalisation, regardless of case only ("LÊ THỊ HẠ" is "Lê Thị Hạ"; "Lê Thị Hà" is not).
	 */
	public static boolean sameName(String one, String other) {
		if (one == null || other == null) {
			return false;
		}
		return normalize(one).toLowerCase(VIETNAMESE).equals(normalize(other).toLowerCase(VIETNAMESE));
	}

	private static String singleSpaces(String text) {
		return SPACES.matcher(text).replaceAll(" ").strip();
	}

}
