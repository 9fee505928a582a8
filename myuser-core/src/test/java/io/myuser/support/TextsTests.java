package io.myuser.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Texts}.
 */
class TextsTests {

	private static final String[] PIECES = { "a", "Z", "7", " ", "\u00e9", "\u00df", "\u65e5", "\u672c", "\ud83d\ude00",
			"\ud83d\udc69\u200d\ud83d\udcbb", "\ud800\udc00", "\udbff\udfff", "e\u0301" };

	@Test
	void truncateWhenNullThenNull() {
		assertThat(Texts.truncate(null, 10)).isNull();
		assertThat(Texts.truncate(null, 0)).isNull();
	}

	@Test
	void truncateWhenShortEnoughThenSameText() {
		String text = "h\u00e9llo \ud83d\ude00";
		assertThat(Texts.truncate(text, text.length())).isSameAs(text);
		assertThat(Texts.truncate(text, 100)).isSameAs(text);
		assertThat(Texts.truncate("", 0)).isEmpty();
	}

	@Test
	void truncateWhenLongerThenCutToMaxLength() {
		assertThat(Texts.truncate("abcdef", 3)).isEqualTo("abc");
		assertThat(Texts.truncate("abcdef", 0)).isEmpty();
	}

	@Test
	void truncateWhenCutFallsInsideSurrogatePairThenDropsWholePair() {
		String text = "ab\ud83d\ude00cd";
		assertThat(Texts.truncate(text, 3)).isEqualTo("ab");
		assertThat(Texts.truncate(text, 4)).isEqualTo("ab\ud83d\ude00");
		assertThat(Texts.truncate("\ud83d\ude00", 1)).isEmpty();
	}

	@Test
	void truncateWhenRandomTextWithEmojiThenLongestPrefixWithoutSplitPair() {
		SeededRandom random = SeededRandom.forTest("truncateWhenRandomTextWithEmojiThenLongestPrefixWithoutSplitPair");
		for (int i = 0; i < 20_000; i++) {
			StringBuilder builder = new StringBuilder();
			int pieces = random.nextInt(30);
			for (int p = 0; p < pieces; p++) {
				builder.append(PIECES[random.nextInt(PIECES.length)]);
			}
			String text = builder.toString();
			int maxLength = random.nextInt(text.length() + 3);
			String cut = Texts.truncate(text, maxLength);
			String context = "text '" + text + "' cut to " + maxLength + ", " + random;
			assertThat(text).as(context).startsWith(cut);
			assertThat(cut.length()).as(context).isLessThanOrEqualTo(maxLength);
			if (text.length() <= maxLength) {
				assertThat(cut).as(context).isSameAs(text);
				continue;
			}
			assertThat(Texts.isClean(cut)).as("no unpaired surrogate in '%s', %s", cut, context).isTrue();
			if (cut.length() < maxLength) {
				// Only a high surrogate at the cut may cost the one char.
				assertThat(cut.length()).as(context).isEqualTo(maxLength - 1);
				assertThat(Character.isHighSurrogate(text.charAt(maxLength - 1))).as(context).isTrue();
			}
			else {
				assertThat(Character.isHighSurrogate(cut.isEmpty() ? 'x' : cut.charAt(cut.length() - 1)))
					.as(context)
					.isFalse();
			}
		}
	}

	@Test
	void isCleanWhenNulThenFalse() {
		assertThat(Texts.isClean("\u0000")).isFalse();
		assertThat(Texts.isClean("abc\u0000def")).isFalse();
	}

	@Test
	void isCleanWhenAnyC0OrC1ControlOrDeleteThenFalse() {
		for (char c = 0; c <= 0x9F; c++) {
			boolean control = c < 0x20 || c >= 0x7F;
			String text = "ab" + c + "cd";
			assertThat(Texts.isClean(text)).as("U+%04X", (int) c).isEqualTo(!control);
		}
	}

	@Test
	void isCleanWhenUnpairedSurrogateThenFalse() {
		assertThat(Texts.isClean("\ud83d")).as("lone high surrogate at the end").isFalse();
		assertThat(Texts.isClean("a\ud83db")).as("high surrogate followed by a letter").isFalse();
		assertThat(Texts.isClean("\ud83d\ud83d\ude00")).as("two high surrogates then a low one").isFalse();
		assertThat(Texts.isClean("\ude00")).as("lone low surrogate").isFalse();
		assertThat(Texts.isClean("a\ude00b")).as("lone low surrogate inside").isFalse();
		assertThat(Texts.isClean("\ude00\ud83d")).as("pair in the wrong order").isFalse();
	}

	@Test
	void isCleanWhenNonCharacterFffeOrFfffThenFalse() {
		assertThat(Texts.isClean("a\ufffe")).isFalse();
		assertThat(Texts.isClean("\uffffb")).isFalse();
	}

	@Test
	void isCleanWhenEmojiAccentsOrCjkThenTrue() {
		assertThat(Texts.isClean("")).isTrue();
		assertThat(Texts.isClean("Zo\u00eb \u00c5ngstr\u00f6m")).isTrue();
		assertThat(Texts.isClean("Jose\u0301 Garc\u00eda")).isTrue();
		assertThat(Texts.isClean("\u5c71\u7530\u592a\u90ce \uae40\ubbfc\uc900")).isTrue();
		assertThat(Texts.isClean("\ud83d\ude00")).isTrue();
		assertThat(Texts.isClean("\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67 family")).isTrue();
		assertThat(Texts.isClean("\u00a0non-breaking and \ufffd replacement")).isTrue();
	}

	@Test
	void isCleanWhenMultilineThenLineFeedCarriageReturnAndTabAllowed() {
		assertThat(Texts.isClean("first line\nsecond line", true)).isTrue();
		assertThat(Texts.isClean("windows\r\nline\rold mac", true)).isTrue();
		assertThat(Texts.isClean("name\tvalue", true)).isTrue();
		assertThat(Texts.isClean("\n\n\t\r", true)).isTrue();
		assertThat(Texts.isClean("Zo\u00eb\n\ud83d\ude00\t\u65e5\u672c", true)).isTrue();
	}

	@Test
	void isCleanWhenNotMultilineThenLineFeedCarriageReturnAndTabRefused() {
		for (String text : new String[] { "a\nb", "a\rb", "a\tb", "\n", "\t", "trailing\r\n" }) {
			assertThat(Texts.isClean(text, false)).as("%s", text.replace("\n", "\\n").replace("\r", "\\r")
				.replace("\t", "\\t")).isFalse();
			assertThat(Texts.isClean(text)).isFalse();
		}
	}

	@Test
	void isCleanWhenMultilineThenEveryOtherC0OrC1ControlOrDeleteStillRefused() {
		for (char c = 0; c <= 0x9F; c++) {
			boolean control = c < 0x20 || c >= 0x7F;
			boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
			String text = "ab" + c + "cd";
			assertThat(Texts.isClean(text, true)).as("U+%04X", (int) c).isEqualTo(!control || lineBreakOrTab);
		}
		// Vertical tab, form feed, NEL (U+0085): line breaks of a kind, but not the allowed ones.
		assertThat(Texts.isClean("a\u000bb", true)).isFalse();
		assertThat(Texts.isClean("a\fb", true)).isFalse();
		assertThat(Texts.isClean("a\u0085b", true)).isFalse();
		assertThat(Texts.isClean("line\n\u0000", true)).isFalse();
	}

	@Test
	void isCleanWhenMultilineThenUnpairedSurrogatesAndNonCharactersStillRefused() {
		assertThat(Texts.isClean("a\n\ud83d", true)).isFalse();
		assertThat(Texts.isClean("\ude00\n", true)).isFalse();
		assertThat(Texts.isClean("\ud83d\n\ude00", true)).as("a pair split by a line feed").isFalse();
		assertThat(Texts.isClean("a\t\ufffe", true)).isFalse();
		assertThat(Texts.isClean("\uffff\r\n", true)).isFalse();
	}

	@Test
	void isCleanWhenSingleArgumentThenSameAsNotMultiline() {
		SeededRandom random = SeededRandom.forTest("isCleanWhenSingleArgumentThenSameAsNotMultiline");
		char[] alphabet = { 'a', ' ', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '\u0085', '\u00a0', '\ud83d',
				'\ude00', '\ufffe', '\uffff', '\u2028', '\u65e5' };
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int n = random.nextInt(8); n > 0; n--) {
				text.append(alphabet[random.nextInt(alphabet.length)]);
			}
			String value = text.toString();
			assertThat(Texts.isClean(value)).as("%s, %s", value.chars().boxed().toList(), random)
				.isEqualTo(Texts.isClean(value, false));
			if (Texts.isClean(value, false)) {
				assertThat(Texts.isClean(value, true)).as("clean on one line is clean on many: %s, %s",
						value.chars().boxed().toList(), random).isTrue();
			}
			String withoutBreaks = value.replace("\n", "").replace("\r", "").replace("\t", "");
			if (withoutBreaks.equals(value)) {
				assertThat(Texts.isClean(value, true)).as("%s, %s", value.chars().boxed().toList(), random)
					.isEqualTo(Texts.isClean(value, false));
			}
		}
	}

}
