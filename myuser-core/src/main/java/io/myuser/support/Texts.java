package io.myuser.support;

import org.jspecify.annotations.Nullable;

/**
 * Small text helpers with no feature knowledge.
 */
public final class Texts {

	private Texts() {
	}

	/**
	 * Cut a text to at most {@code maxLength} UTF-16 chars without splitting a surrogate pair.
	 * @param text the text, may be {@code null}
	 * @param maxLength the largest length allowed
	 * @return the text, cut if needed, or {@code null} for {@code null}
	 */
	public static @Nullable String truncate(@Nullable String text, int maxLength) {
		if (text == null || text.length() <= maxLength) {
			return text;
		}
		int end = maxLength;
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

	/**
	 * Whether a text is free of characters that have no business in a user-supplied field: C0/C1 control
	 * characters (except none), unpaired surrogates and the non-characters U+FFFE and U+FFFF.
	 * @param text the text to check
	 * @return {@code true} if every character is acceptable
	 */
	public static boolean isClean(String text) {
		return isClean(text, false);
	}

	/**
	 * Whether a text is clean as {@link #isClean(String)} says, optionally allowing line breaks and tabs (for
	 * free-text fields such as notes).
	 * @param text the text to check
	 * @param multiline whether line feeds, carriage returns and tabs are allowed
	 * @return {@code true} if every character is acceptable
	 */
	public static boolean isClean(String text, boolean multiline) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
				continue;
			}
			if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
