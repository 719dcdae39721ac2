package vn.gov.bca.platform.document;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Amounts of Vietnamese đồng as documents write them: in figures ("2.019.000 đồng") and in words
 * ("Hai triệu không trăm mười chín nghìn đồng").
 *
 * <p>Reading rules, per group of three digits:
 * <ul>
 *   <li>a zero hundreds inside the number is read "không trăm" (2.019.000: "hai triệu không trăm
 *       mười chín nghìn"); the leading group never says it (19.000: "mười chín nghìn");</li>
 *   <li>a zero tens before a units digit is read "linh" (105: "một trăm linh năm"). The southern
 *       "lẻ" is just as correct; we write "linh", the form of the northern standard used in
 *       administrative documents;</li>
 *   <li>tens 1 is "mười", tens 2–9 is "<digit> mươi";</li>
 *   <li>units 1 after tens ≥ 2 is "mốt" (21: "hai mươi mốt"), otherwise "một" (11: "mười một");</li>
 *   <li>units 5 after tens ≥ 1 is "lăm" (15, 25), otherwise "năm" (105);</li>
 *   <li>units 4 stays "bốn" after tens ≥ 2 (24: "hai mươi bốn"): "tư" is a spoken variant; "bốn"
 *       cannot be misread as a word rather than a digit;</li>
 *   <li>groups: "nghìn" (10^3), "triệu" (10^6), "tỷ" (10^9); above that "tỷ" repeats (10^12 is
 *       "một nghìn tỷ"); an all-zero group is skipped (1.000.005: "một triệu không trăm linh năm").</li>
 * </ul>
 * The words start with a capital letter and end with "đồng"; zero is "Không đồng".
 */
public final class VietnameseAmounts {

	private static final String[] DIGITS = {
		"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"
	};
	private static final String[] GROUPS = {"", "nghìn", "triệu"};
	private static final long BILLION = 1_000_000_000L;
	private static final String CURRENCY = "đồng";

	private VietnameseAmounts() {
	}

	/** "2.019.000 đồng": dots separate thousands. */
	public static String inFigures(long amount) {
		return figures(amount) + " " + CURRENCY;
	}

	/** "2.019.000": the number alone, dots separating thousands. */
	public static String figures(long amount) {
		requireNotNegative(amount);
		DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
		symbols.setGroupingSeparator('.');
		return new DecimalFormat("#,##0", symbols).format(amount);
	}

	/** "Hai triệu không trăm mười chín nghìn đồng". */
	public static String inWords(long amount) {
		String words = numberInWords(amount);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " " + CURRENCY;
	}

	/** "hai triệu không trăm mười chín nghìn": the number alone, in lower case. */
	public static String numberInWords(long number) {
		requireNotNegative(number);
		if (number == 0) {
			return DIGITS[0];
		}
		List<String> words = new ArrayList<>();
		read(number, false, words);
		return String.join(" ", words);
	}

	/** {@code inner}: digits were already read before this part, so its zero hundreds are spoken. */
	private static void read(long number, boolean inner, List<String> words) {
		if (number >= BILLION) {
			read(number / BILLION, inner, words);
			words.add("tỷ");
			long rest = number % BILLION;
			if (rest > 0) {
				read(rest, true, words);
			}
			return;
		}
		boolean spoken = inner;
		for (int group = 2; group >= 0; group--) {
			int value = (int) (number / pow1000(group) % 1000);
			if (value == 0) {
				continue;
			}
			readGroup(value, spoken, words);
			if (!GROUPS[group].isEmpty()) {
				words.add(GROUPS[group]);
			}
			spoken = true;
		}
	}

	private static void readGroup(int value, boolean inner, List<String> words) {
		int hundreds = value / 100;
		int tens = value / 10 % 10;
		int units = value % 10;
		boolean hundredsSpoken = hundreds > 0 || inner;
		if (hundredsSpoken) {
			words.add(DIGITS[hundreds]);
			words.add("trăm");
		}
		if (tens == 0) {
			if (units > 0 && hundredsSpoken) {
				words.add("linh");
			}
		} else if (tens == 1) {
			words.add("mười");
		} else {
			words.add(DIGITS[tens]);
			words.add("mươi");
		}
		if (units == 0) {
			return;
		}
		if (units == 1 && tens >= 2) {
			words.add("mốt");
		} else if (units == 5 && tens >= 1) {
			words.add("lăm");
		} else {
			words.add(DIGITS[units]);
		}
	}

	private static long pow1000(int group) {
		return group == 0 ? 1 : group == 1 ? 1_000 : 1_000_000;
	}

	private static void requireNotNegative(long amount) {
		if (amount < 0) {
			throw new IllegalArgumentException("an amount of money is never negative: " + amount);
		}
	}
}
