package vn.gov.bca.identity.registry;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese names and addresses are stored as typed, in Unicode NFC, and searched folded:
 * without diacritics, lower case, single spaces, so that "Nguyễn Thị Hà" is found by "nguyen thi
 * ha" and by "NGUYỄN  THỊ HÀ" alike.
 */
public final class VietnameseText {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private VietnameseText() {
	}

	/** The stored form: NFC, trimmed, single spaces. */
	public static String normalize(String text) {
		return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).strip()).replaceAll(" ");
	}

	/** The search form: no diacritics (đ becomes d), lower case, single spaces. */
	public static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return SPACES.matcher(withoutMarks.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
	}

}
