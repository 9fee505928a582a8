package io.myuser.account;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.myuser.support.SeededRandom;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link NormalizingPasswordEncoder}, over real Spring Security encoders.
 */
class NormalizingPasswordEncoderTests {

	/** "Crème brûlée, café" with every accent precomposed. */
	private static final String COMPOSED = "Cr\u00e8me br\u00fbl\u00e9e, caf\u00e9";

	/** The same text with every accent as letter plus combining accent. */
	private static final String DECOMPOSED = "Cre\u0300me bru\u0302le\u0301e, cafe\u0301";

	/** One PBKDF2 round: a real hasher, cheap enough for thousands of comparisons. */
	private static final PasswordEncoder CHEAP = new Pbkdf2PasswordEncoder("", 8, 1,
			Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);

	private final CountingPasswordEncoder delegate = new CountingPasswordEncoder(CHEAP);

	private final NormalizingPasswordEncoder encoder = new NormalizingPasswordEncoder(this.delegate);

	@Test
	void encodeWhenDecomposedThenTheDelegateHashesTheComposedForm() {
		assertThat(DECOMPOSED).isNotEqualTo(COMPOSED);
		String hash = this.encoder.encode(DECOMPOSED);
		assertThat(CHEAP.matches(COMPOSED, hash)).as("the delegate got the NFKC form").isTrue();
		assertThat(CHEAP.matches(DECOMPOSED, hash)).isFalse();
	}

	@Test
	void matchesWhenSetInOneFormAndTypedInTheOtherThenTrueBothWays() {
		assertThat(this.encoder.matches(COMPOSED, this.encoder.encode(DECOMPOSED))).isTrue();
		assertThat(this.encoder.matches(DECOMPOSED, this.encoder.encode(COMPOSED))).isTrue();
		assertThat(this.encoder.matches(COMPOSED + "!", this.encoder.encode(DECOMPOSED))).isFalse();
	}

	@Test
	void matchesWhenCompatibilityVariantsThenTheSamePassword() {
		// Full-width letters from an East Asian input method, a no-break and an ideographic space, a ligature.
		String hash = this.encoder.encode("office password 42");
		assertThat(this.encoder.matches("o\ufb03ce\u00a0password\u300042", hash)).isTrue();
		assertThat(this.encoder.matches("\uff4f\uff46\uff46\uff49\uff43\uff45 password \uff14\uff12", hash)).isTrue();
		assertThat(this.encoder.matches("Office password 42", hash)).as("case is not folded").isFalse();
	}

	@Test
	void matchesWhenHashWasMadeBeforeNormalisationThenTheFormAsEnteredStillVerifies() {
		String legacyDecomposed = CHEAP.encode(DECOMPOSED);
		String legacyComposed = CHEAP.encode(COMPOSED);
		String legacyFullWidth = CHEAP.encode("\uff50\uff41\uff53\uff53 phrase");

		assertThat(this.encoder.matches(DECOMPOSED, legacyDecomposed)).isTrue();
		assertThat(this.encoder.matches(COMPOSED, legacyComposed)).isTrue();
		assertThat(this.encoder.matches(DECOMPOSED, legacyComposed)).as("its normal form was hashed").isTrue();
		assertThat(this.encoder.matches("\uff50\uff41\uff53\uff53 phrase", legacyFullWidth)).isTrue();
		// What the old hash never accepted, it still does not.
		assertThat(this.encoder.matches(COMPOSED, legacyDecomposed)).isFalse();
		assertThat(this.encoder.matches("pass phrase", legacyFullWidth)).isFalse();
	}

	@Test
	void matchesWhenInputIsAlreadyNormalThenOneComparisonAndOtherwiseTwoOnFailure() {
		String hash = this.encoder.encode(COMPOSED);

		assertThat(comparisons(() -> this.encoder.matches("not the password", hash))).isOne();
		assertThat(comparisons(() -> this.encoder.matches(COMPOSED, hash))).isOne();
		assertThat(comparisons(() -> this.encoder.matches(DECOMPOSED, hash))).as("matched in normal form").isOne();
		assertThat(comparisons(() -> this.encoder.matches("wro\u0301ng", hash))).as("raw form tried too").isEqualTo(2);
	}

	@Test
	void matchesWhenFormAsEnteredIsTooLongForBcryptThenFalseWithoutException() {
		// 25 times e + U+0301: 75 bytes as entered, 50 once composed; bcrypt takes 72.
		NormalizingPasswordEncoder bcrypt = new NormalizingPasswordEncoder(new BCryptPasswordEncoder(4));
		String decomposed = "e\u0301".repeat(25);
		String hash = bcrypt.encode(decomposed);

		assertThat(bcrypt.matches(decomposed, hash)).isTrue();
		assertThat(bcrypt.matches("\u00e9".repeat(25), hash)).isTrue();
		assertThatCode(() -> assertThat(bcrypt.matches("o\u0301".repeat(25), hash)).isFalse())
			.doesNotThrowAnyException();
	}

	@Test
	void upgradeEncodingAndUnknownFormatsBehaveAsTheDelegate() {
		DelegatingPasswordEncoder myUser = MyUserPasswordEncoders.createDelegatingPasswordEncoder();
		NormalizingPasswordEncoder normalizing = NormalizingPasswordEncoder.of(myUser);
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(COMPOSED);

		assertThat(normalizing.upgradeEncoding(bcrypt)).isTrue();
		assertThat(normalizing.upgradeEncoding(normalizing.encode(COMPOSED))).isFalse();
		assertThat(normalizing.matches(DECOMPOSED, bcrypt)).isTrue();
		assertThat(normalizing.encode(DECOMPOSED)).startsWith("{argon2}");
		assertThatIllegalArgumentException().isThrownBy(() -> normalizing.matches(COMPOSED, "no-id-prefix"));
	}

	@Test
	void nullPasswordsArePassedOnUntouched() {
		assertThat(this.encoder.encode(null)).isEqualTo(CHEAP.encode(null));
		assertThat(this.encoder.matches(null, CHEAP.encode(COMPOSED))).isEqualTo(CHEAP.matches(null, CHEAP.encode(COMPOSED)));
	}

	@Test
	void ofWrapsOnceAndConstructorRefusesNullOrNormalisingDelegate() {
		NormalizingPasswordEncoder once = NormalizingPasswordEncoder.of(CHEAP);
		assertThat(NormalizingPasswordEncoder.of(once)).isSameAs(once);
		assertThat(once.getDelegate()).isSameAs(CHEAP);
		assertThatIllegalArgumentException().isThrownBy(() -> new NormalizingPasswordEncoder(once));
		assertThatIllegalArgumentException().isThrownBy(() -> new NormalizingPasswordEncoder(null));
		assertThatIllegalArgumentException().isThrownBy(() -> NormalizingPasswordEncoder.of(null));
		assertThatIllegalArgumentException().isThrownBy(() -> NormalizingPasswordEncoder.normalize(null));
	}

	@Test
	void normalizeIsNfkc() {
		assertThat(NormalizingPasswordEncoder.FORM).isEqualTo(Normalizer.Form.NFKC);
		assertThat(NormalizingPasswordEncoder.normalize(DECOMPOSED)).isEqualTo(COMPOSED);
		assertThat(NormalizingPasswordEncoder.normalize("\ufb01\u00b2\u2126\u00a0")).isEqualTo("fi2\u03a9 ");
	}

	@Test
	void normalizeIsIdempotentAndEquivalentFormsVerifyAgainstEachOthersHash() {
		SeededRandom random = SeededRandom.forTest("normalizeIsIdempotentAndEquivalentFormsVerifyAgainstEachOthersHash");
		for (int i = 0; i < 2_000; i++) {
			String text = RandomUnicode.text(random, 1 + random.nextInt(24));
			String normal = NormalizingPasswordEncoder.normalize(text);
			assertThat(NormalizingPasswordEncoder.normalize(normal)).as("case %d, %s, %s", i,
					RandomPasswords.describe(text), random).isEqualTo(normal);
			Set<String> forms = new LinkedHashSet<>();
			for (Normalizer.Form form : Normalizer.Form.values()) {
				forms.add(Normalizer.normalize(text, form));
			}
			forms.add(text);
			List<String> hashes = forms.stream().map(this.encoder::encode).toList();
			for (String form : forms) {
				assertThat(NormalizingPasswordEncoder.normalize(form)).as("case %d, %s, %s", i,
						RandomPasswords.describe(form), random).isEqualTo(normal);
				for (String hash : hashes) {
					assertThat(this.encoder.matches(form, hash)).as("case %d, %s, %s", i,
							RandomPasswords.describe(form), random).isTrue();
				}
			}
			String other = text + nonNul(random);
			if (!NormalizingPasswordEncoder.normalize(other).equals(normal)) {
				assertThat(this.encoder.matches(other, hashes.get(0))).as("case %d, %s, %s", i,
						RandomPasswords.describe(other), random).isFalse();
			}
		}
	}

	@Test
	void equivalentFormsVerifyWithMyUsersDefaultEncoder() {
		SeededRandom random = SeededRandom.forTest("equivalentFormsVerifyWithMyUsersDefaultEncoder");
		NormalizingPasswordEncoder argon2 = NormalizingPasswordEncoder
			.of(MyUserPasswordEncoders.createDelegatingPasswordEncoder());
		for (int i = 0; i < 4; i++) {
			String text = RandomUnicode.text(random, 8 + random.nextInt(16));
			String hash = argon2.encode(Normalizer.normalize(text, Normalizer.Form.NFD));
			for (Normalizer.Form form : Normalizer.Form.values()) {
				assertThat(argon2.matches(Normalizer.normalize(text, form), hash)).as("case %d, %s, %s, %s", i, form,
						RandomPasswords.describe(text), random).isTrue();
			}
		}
	}

	/**
	 * One random character other than U+0000: PBKDF2 keys its HMAC with the password, and HMAC pads a short key
	 * with zero bytes, so for the cheap delegate {@code p} and {@code p + U+0000} are one password.
	 */
	private static String nonNul(java.util.Random random) {
		String text;
		do {
			text = RandomUnicode.text(random, 1);
		}
		while (text.equals("\u0000"));
		return text;
	}

	private int comparisons(Runnable action) {
		int before = this.delegate.matches.get();
		action.run();
		return this.delegate.matches.get() - before;
	}

	/** Random text that is rich in characters normalisation changes. */
	static final class RandomUnicode {

		private static final int[][] RANGES = {
				{ 0x20, 0x7e }, // ASCII
				{ 0xc0, 0x17f }, // precomposed Latin letters
				{ 0x300, 0x36f }, // combining diacritical marks, in any order
				{ 0x386, 0x3ce }, // Greek, with tonos
				{ 0x1100, 0x1112 }, { 0x1161, 0x1175 }, { 0x11a8, 0x11c2 }, // conjoining Hangul jamo
				{ 0xac00, 0xd7a3 }, // Hangul syllables
				{ 0x958, 0x95f }, { 0x93c, 0x93c }, { 0x915, 0x92f }, // Devanagari with nukta (composition exclusions)
				{ 0xff01, 0xff5e }, { 0xff61, 0xff9f }, // full-width ASCII, half-width katakana
				{ 0xfb00, 0xfb06 }, // Latin ligatures
				{ 0x2000, 0x200a }, { 0xa0, 0xa0 }, { 0x3000, 0x3000 }, // spaces
				{ 0xb2, 0xb3 }, { 0xb9, 0xb9 }, { 0x2070, 0x2079 }, // superscripts
				{ 0x2126, 0x2126 }, { 0x212a, 0x212b }, { 0x344, 0x344 }, { 0x1e9b, 0x1e9b }, // singletons and oddities
				{ 0x2460, 0x24ff }, { 0x3300, 0x33ff }, // enclosed and squared forms
				{ 0x1f600, 0x1f64f }, // emoji
				{ 0x1d400, 0x1d7ff }, // mathematical alphanumerics
		};

		private RandomUnicode() {
		}

		static String text(java.util.Random random, int codePoints) {
			StringBuilder builder = new StringBuilder();
			for (int i = 0; i < codePoints; i++) {
				builder.appendCodePoint(codePoint(random));
			}
			return builder.toString();
		}

		private static int codePoint(java.util.Random random) {
			if (random.nextInt(10) == 0) {
				// Anything but a surrogate: unassigned and private-use code points included.
				int codePoint;
				do {
					codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
				}
				while (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
				return codePoint;
			}
			int[] range = RANGES[random.nextInt(RANGES.length)];
			return range[0] + random.nextInt(range[1] - range[0] + 1);
		}

	}

	/** Counts the delegate's comparisons. */
	static final class CountingPasswordEncoder implements PasswordEncoder {

		final AtomicInteger matches = new AtomicInteger();

		private final PasswordEncoder delegate;

		CountingPasswordEncoder(PasswordEncoder delegate) {
			this.delegate = delegate;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			return this.delegate.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.matches.incrementAndGet();
			return this.delegate.matches(rawPassword, encodedPassword);
		}

	}

}
