package io.myuser.account;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Random passwords for the property-style tests of {@link NistPasswordPolicy}.
 */
final class RandomPasswords {

	/**
	 * Units a passphrase is made of; each is one Unicode code point after NFKC normalisation, the form the policy
	 * measures. They cover ASCII
	 * (space included), Latin letters with accents (precomposed and as letter plus combining accent), Greek,
	 * Cyrillic, Hebrew, Arabic, Devanagari, CJK, Hangul syllables, symbols, full-width forms and emoji outside
	 * the BMP.
	 */
	private static final String[] UNITS = units();

	private static final String[] LETTERS = { "a", "k", "Z", "\u00e9", "\u00df", "\u03bb", "\u0436", "\u05d0",
			"\u0628", "\u0915", "\u65e5", "\ud55c", "\ud83d\ude00" };

	private RandomPasswords() {
	}

	private static String[] units() {
		List<String> units = new ArrayList<>();
		for (char c = 0x20; c < 0x7f; c++) {
			units.add(String.valueOf(c));
		}
		String others = "\u00e0\u00e9\u00ee\u00f5\u00fc\u00f1\u00e7\u00df\u00f8\u00e5\u00c6\u0142\u0151\u0160"
				+ "\u03b1\u03b2\u03b3\u03a9\u03bb\u0436\u0449\u044f\u0416\u05d0\u05e9\u0628\u0639\u0915\u0937"
				+ "\u65e5\u672c\u8a9e\u5c71\u6c34\u3042\u30ab\ud55c\uad6d\u00a7\u00b6\u20ac\u00a3\u2211\u221e"
				+ "\u2605\u266b\uff21\uff42\uff13\u00a0\u3000";
		others.codePoints().forEach((codePoint) -> units.add(Character.toString(codePoint)));
		for (String pair : new String[] { "\ud83d\ude00", "\ud83d\udd12", "\ud83c\udf89", "\ud83e\udd84",
				"\ud801\udc37", "\ud835\udc00" }) {
			units.add(pair);
		}
		for (String decomposed : new String[] { "e\u0301", "a\u0300", "o\u0308", "n\u0303", "u\u0302" }) {
			units.add(decomposed);
		}
		return units.toArray(String[]::new);
	}

	/**
	 * A passphrase of the given number of characters (code points after NFKC) that starts with a letter, so that
	 * it is never blank.
	 * @param random the source of randomness
	 * @param length the number of characters
	 * @return the passphrase, possibly in a decomposed form
	 */
	static String passphrase(Random random, int length) {
		StringBuilder builder = new StringBuilder(LETTERS[random.nextInt(LETTERS.length)]);
		for (int i = 1; i < length; i++) {
			builder.append(UNITS[random.nextInt(UNITS.length)]);
		}
		String passphrase = builder.toString();
		String nfkc = Normalizer.normalize(passphrase, Normalizer.Form.NFKC);
		if (nfkc.codePointCount(0, nfkc.length()) != length) {
			throw new IllegalStateException("Units do not stay single characters after NFKC: " + describe(passphrase));
		}
		return passphrase;
	}

	/**
	 * A random email address made of ASCII letters.
	 * @param random the source of randomness
	 * @return the address
	 */
	static String email(Random random) {
		StringBuilder local = new StringBuilder();
		int length = 3 + random.nextInt(10);
		for (int i = 0; i < length; i++) {
			local.append((char) ('a' + random.nextInt(26)));
		}
		return local + "@example.com";
	}

	/**
	 * Insert into a text one to three control characters (C0, DEL or C1) or a non-character (U+FFFE, U+FFFF), or
	 * a single unpaired surrogate, at code-point boundaries.
	 * @param random the source of randomness
	 * @param text a clean text
	 * @return the text with the injected characters
	 */
	static String withInjectedControl(Random random, String text) {
		StringBuilder builder = new StringBuilder(text);
		if (random.nextInt(4) == 0) {
			char surrogate = (char) (random.nextBoolean() ? 0xD800 + random.nextInt(0x400)
					: 0xDC00 + random.nextInt(0x400));
			builder.insert(boundary(random, builder), surrogate);
			return builder.toString();
		}
		int count = 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			int kind = random.nextInt(4);
			char injected = switch (kind) {
				case 0 -> (char) random.nextInt(0x20);
				case 1 -> (char) 0x7f;
				case 2 -> (char) (0x80 + random.nextInt(0x20));
				default -> random.nextBoolean() ? '\ufffe' : '\uffff';
			};
			builder.insert(boundary(random, builder), injected);
		}
		return builder.toString();
	}

	/**
	 * Whether the list holds the password's key or the key without some trailing non-letters: the test's own,
	 * independent reading of the rule.
	 * @param list the entries of the list
	 * @param password the password
	 * @return {@code true} if the password counts as listed
	 */
	static boolean onList(Set<String> list, String password) {
		String key = Normalizer.normalize(password, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
		for (int end = key.length(); end > 0; end = key.offsetByCodePoints(end, -1)) {
			if (list.contains(key.substring(0, end).strip())) {
				return true;
			}
			if (Character.isLetter(key.codePointBefore(end))) {
				return false;
			}
		}
		return false;
	}

	/**
	 * A text with every code point outside printable ASCII written as U+XXXX, for assertion messages.
	 * @param text the text
	 * @return the description
	 */
	static String describe(String text) {
		StringBuilder builder = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				builder.append(c);
			}
			else {
				builder.append(String.format("<U+%04X>", (int) c));
			}
		}
		return builder.toString();
	}

	private static int boundary(Random random, StringBuilder builder) {
		int index = random.nextInt(builder.length() + 1);
		if (index > 0 && index < builder.length() && Character.isLowSurrogate(builder.charAt(index))
				&& Character.isHighSurrogate(builder.charAt(index - 1))) {
			index--;
		}
		return index;
	}

}
