package io.myuser.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.myuser.support.SeededRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link NistPasswordPolicy}.
 */
class NistPasswordPolicyTests {

	private static final String TOO_SHORT = "Password must be at least 8 characters long.";

	private static final String TOO_LONG = "Password must be at most 128 characters long.";

	private static final String TOO_MANY_BYTES = "Password is too long: at most 72 bytes can be stored, and characters "
			+ "outside ASCII take 2 to 4 bytes each.";

	private static final String BLANK = "Password must not consist of spaces only.";

	private static final String UNCLEAN = "Password must not contain control characters or invalid Unicode.";

	private static final String EMAIL = "Password must not be your email address or the part of it before the @.";

	private static final String COMMON = "Password is too common; choose one that is not on lists of frequently used "
			+ "passwords.";

	private static final String EMAIL_ADDRESS = "Alice.Smith@Example.com";

	private static final String GRINNING = "\ud83d\ude00";

	private static final String E_ACUTE_NFD = "e\u0301";

	private final NistPasswordPolicy policy = new NistPasswordPolicy(PasswordPolicySettings.defaults(),
			NistPasswordPolicy.NO_BYTE_LIMIT);

	private final NistPasswordPolicy bcryptPolicy = new NistPasswordPolicy(PasswordPolicySettings.defaults(),
			NistPasswordPolicy.BCRYPT_MAX_BYTES);

	@ParameterizedTest
	@ValueSource(strings = { "correct horse battery staple", "Tr0ub4dor&3 but longer", "kq7#mZp2",
			"Zoë Ångström's llama", "\u5c71\u7530\u592a\u90ce\u306e\u30d1\u30b9\u30ef\u30fc\u30c9",
			"   leading and trailing spaces   ", "emoji \ud83d\ude00\ud83d\udc69\u200d\ud83d\udcbb inside" })
	void violationsWhenStrongPassphraseThenEmpty(String password) {
		assertThat(this.policy.violations(password, EMAIL_ADDRESS)).isEmpty();
		assertThat(this.policy.violations(password, null)).isEmpty();
	}

	@Test
	void violationsWhenNullPasswordThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.policy.violations(null, EMAIL_ADDRESS))
			.withMessage("password cannot be null");
	}

	@Test
	void violationsWhenEmptyThenTooShort() {
		assertThat(this.policy.violations("", EMAIL_ADDRESS)).containsExactly(TOO_SHORT);
	}

	@Test
	void violationsWhenMinLengthBoundaryThenOnlyShorterRefused() {
		assertThat(this.policy.violations("kq7#mZp", null)).containsExactly(TOO_SHORT);
		assertThat(this.policy.violations("kq7#mZp2", null)).isEmpty();
	}

	@Test
	void violationsWhenEmojiThenEachCountsAsOneCharacter() {
		assertThat(GRINNING.repeat(7)).hasSize(14);
		assertThat(this.policy.violations(GRINNING.repeat(7), null)).containsExactly(TOO_SHORT);
		assertThat(this.policy.violations(GRINNING.repeat(8), null)).isEmpty();
		assertThat(this.policy.violations(GRINNING.repeat(128), null)).isEmpty();
		assertThat(this.policy.violations(GRINNING.repeat(129), null)).containsExactly(TOO_LONG);
	}

	@Test
	void violationsWhenMaxLengthBoundaryThenOnlyLongerRefused() {
		String base = "kq7#mZp2".repeat(16);
		assertThat(base).hasSize(128);
		assertThat(this.policy.violations(base, null)).isEmpty();
		assertThat(this.policy.violations(base + "x", null)).containsExactly(TOO_LONG);
	}

	@Test
	void violationsWhenConfiguredLengthsThenTheyApply() {
		NistPasswordPolicy policy = new NistPasswordPolicy(new PasswordPolicySettings(12, 20, true, true),
				NistPasswordPolicy.NO_BYTE_LIMIT);
		assertThat(policy.violations("kq7#mZp2abc", null))
			.containsExactly("Password must be at least 12 characters long.");
		assertThat(policy.violations("kq7#mZp2abcd", null)).isEmpty();
		assertThat(policy.violations("kq7#mZp2abcdefghijkl", null)).isEmpty();
		assertThat(policy.violations("kq7#mZp2abcdefghijklm", null))
			.containsExactly("Password must be at most 20 characters long.");
	}

	@Test
	void violationsWhenDecomposedAccentsThenCountedAfterNfc() {
		// e + COMBINING ACUTE ACCENT is two code points as typed and one (é) once normalised.
		assertThat(this.policy.violations(E_ACUTE_NFD.repeat(4), null)).as("8 code points as typed, 4 after NFC")
			.containsExactly(TOO_SHORT);
		assertThat(this.policy.violations(E_ACUTE_NFD.repeat(8), null)).isEmpty();
		assertThat(this.policy.violations("\u00e9".repeat(8), null)).isEmpty();
		assertThat(this.policy.violations(E_ACUTE_NFD.repeat(128), null)).as("256 code points as typed, 128 after NFC")
			.isEmpty();
		assertThat(this.policy.violations(E_ACUTE_NFD.repeat(129), null)).containsExactly(TOO_LONG);
	}

	@Test
	void violationsWhenNfcAndNfdFormsThenSameAnswer() {
		String nfc = "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e";
		String nfd = "Cafe\u0301 cre\u0300me bru\u0302le\u0301e";
		assertThat(this.policy.violations(nfc, EMAIL_ADDRESS)).isEqualTo(this.policy.violations(nfd, EMAIL_ADDRESS))
			.isEmpty();
	}

	@Test
	void violationsWhenCompatibilityCharactersThenCountedAsTheirNormalisedForm() {
		// NFKC, the form MyUser hashes: the ligature U+FB01 is "fi", two characters; U+FDFA is 18.
		assertThat(this.policy.violations("\ufb01".repeat(4), null)).as("4 typed, 8 normalised").isEmpty();
		assertThat(this.policy.violations("\ufb01".repeat(3) + "x", null)).as("7 normalised").containsExactly(TOO_SHORT);
		assertThat(this.policy.violations("\ufdfa".repeat(7), null)).as("126 normalised").isEmpty();
		assertThat(this.policy.violations("\ufdfa".repeat(8), null)).as("144 normalised").containsExactly(TOO_LONG);
		// Full-width letters are the ASCII ones once normalised, for every rule.
		assertThat(this.policy.violations("\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44", null))
			.containsExactly(COMMON);
		assertThat(this.policy.violations("\uff41\uff4c\uff49\uff43\uff45.smith", EMAIL_ADDRESS)).containsExactly(EMAIL);
	}

	@Test
	void violationsWhenEquivalentFormsOfRandomPassphrasesThenSameAnswer() {
		SeededRandom random = SeededRandom.forTest("violationsWhenEquivalentFormsOfRandomPassphrasesThenSameAnswer");
		for (int i = 0; i < 1_000; i++) {
			String password = RandomPasswords.passphrase(random, 1 + random.nextInt(140));
			List<String> expected = this.policy.violations(password, EMAIL_ADDRESS);
			for (java.text.Normalizer.Form form : java.text.Normalizer.Form.values()) {
				String equivalent = java.text.Normalizer.normalize(password, form);
				assertThat(this.policy.violations(equivalent, EMAIL_ADDRESS))
					.as("%s of %s, %s", form, RandomPasswords.describe(password), random)
					.isEqualTo(expected);
			}
		}
	}

	@Test
	void maxBytesForWhenNormalisingEncoderThenTheLimitOfItsDelegate() {
		assertThat(NistPasswordPolicy.maxBytesFor(new NormalizingPasswordEncoder(new BCryptPasswordEncoder(4))))
			.isEqualTo(NistPasswordPolicy.BCRYPT_MAX_BYTES);
		assertThat(NistPasswordPolicy
			.maxBytesFor(new NormalizingPasswordEncoder(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8())))
			.isEqualTo(NistPasswordPolicy.NO_BYTE_LIMIT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "          ", "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0",
			"\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000", "\u2003 \u2003 \u2003 \u2003 \u2003",
			"\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b", " \u2028 \u2029 \ufeff \u202f \u205f " })
	void violationsWhenWhitespaceOnlyThenRefused(String password) {
		assertThat(this.policy.violations(password, EMAIL_ADDRESS)).containsExactly(BLANK);
	}

	@Test
	void violationsWhenShortWhitespaceOnlyThenTooShortAndBlank() {
		assertThat(this.policy.violations("   ", null)).containsExactly(TOO_SHORT, BLANK);
	}

	@ParameterizedTest
	@ValueSource(strings = { "kq7#mZp2\u0000", "kq7#\tmZp2", "kq7#mZp2\n", "kq7#\rmZp2", "\u001bkq7#mZp2",
			"kq7#mZp2\u007f", "kq7#\u0085mZp2", "kq7#mZp2\u009f", "kq7#mZp2\ud83d", "\ude00kq7#mZp2",
			"kq7#\ude00\ud83dmZp2", "kq7#mZp2\ufffe", "kq7#mZp2\uffff",
			"\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000", "\t\t\t\t\t\t\t\t" })
	void violationsWhenControlCharacterOrUnpairedSurrogateThenOnlyThatIsReported(String password) {
		assertThat(this.policy.violations(password, EMAIL_ADDRESS)).containsExactly(UNCLEAN);
	}

	@Test
	void violationsWhenControlCharacterInCommonPasswordThenStillRefused() {
		assertThat(this.policy.violations("password\u0000", null)).containsExactly(UNCLEAN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Alice.Smith@Example.com", "alice.smith@example.com", "ALICE.SMITH@EXAMPLE.COM",
			"  alice.smith@example.com  ", "alice.smith",
			"ALICE.SMITH", "  Alice.Smith ", "alice.smith2024!", "Alice.Smith@Example.com!",
			"\uff41\uff4c\uff49\uff43\uff45.smith" })
	void violationsWhenEmailOrLocalPartInAnyCaseThenRefused(String password) {
		assertThat(this.policy.violations(password, EMAIL_ADDRESS)).containsExactly(EMAIL);
	}

	@Test
	void violationsWhenEmailGivenUntrimmedOrInOtherCaseThenStillMatches() {
		assertThat(this.policy.violations("alice.smith", "  ALICE.SMITH@example.COM ")).containsExactly(EMAIL);
		assertThat(this.policy.violations("alice.smith@example.com", "\u00a0Alice.Smith@Example.com\u00a0"))
			.containsExactly(EMAIL);
	}

	@Test
	void violationsWhenEmailInDecomposedFormThenStillMatches() {
		assertThat(this.policy.violations("Ren\u00e9e.Dupont", "rene\u0301e.dupont@example.fr")).containsExactly(EMAIL);
		assertThat(this.policy.violations("rene\u0301e.dupont", "Ren\u00e9e.Dupont@example.fr")).containsExactly(EMAIL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "my alice.smith passphrase", "alice.smith.rocks", "smith@example.com" })
	void violationsWhenOnlyContainingOrResemblingEmailThenAccepted(String password) {
		assertThat(this.policy.violations(password, EMAIL_ADDRESS)).isEmpty();
	}

	@Test
	void violationsWhenEmailUnknownOrRuleOffThenEmailIsNotChecked() {
		assertThat(this.policy.violations("alice.smith@example.com", null)).isEmpty();
		assertThat(this.policy.violations("alice.smith", "")).isEmpty();
		NistPasswordPolicy policy = new NistPasswordPolicy(new PasswordPolicySettings(8, 128, false, true),
				NistPasswordPolicy.NO_BYTE_LIMIT);
		assertThat(policy.violations("alice.smith@example.com", EMAIL_ADDRESS)).isEmpty();
		assertThat(policy.violations("alice.smith", EMAIL_ADDRESS)).isEmpty();
	}

	@Test
	void violationsWhenEmailHasNoAtThenWholeValueIsTheLocalPart() {
		assertThat(this.policy.violations("alice.smith", "alice.smith")).containsExactly(EMAIL);
		assertThat(this.policy.violations("alice.smith", "@")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "password", "PASSWORD", "Password", " password ", "iloveyou", "ILoveYou", "sunshine",
			"password1", "trustno1", "Password123!", "password123!", "iloveyou2", "iloveyou!!", "sunshine 2024",
			"12345678", "12345678!", "123456789", "qwertyuiop", "qwerty123", "football\ud83d\ude00",
			"\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44", "letmein!1", "Dragon1234" })
	void violationsWhenCommonPasswordThenRefused(String password) {
		assertThat(this.policy.violations(password, null)).containsExactly(COMMON);
	}

	@Test
	void violationsWhenShortCommonPasswordThenTooShortAndCommon() {
		assertThat(this.policy.violations("123456", null)).containsExactly(TOO_SHORT, COMMON);
		assertThat(this.policy.violations("qwerty", null)).containsExactly(TOO_SHORT, COMMON);
		assertThat(this.policy.violations("dragon", null)).containsExactly(TOO_SHORT, COMMON);
	}

	@Test
	void violationsWhenCommonRuleOffThenCommonPasswordAccepted() {
		NistPasswordPolicy policy = new NistPasswordPolicy(new PasswordPolicySettings(8, 128, true, false),
				NistPasswordPolicy.NO_BYTE_LIMIT);
		assertThat(policy.violations("iloveyou", null)).isEmpty();
		assertThat(policy.violations("Password123!", null)).isEmpty();
		assertThat(policy.violations("123456", null)).containsExactly(TOO_SHORT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "password is not my password", "iloveyou so much", "sunshine on the river 2",
			"dragon-slayer-1984", "p4ssw0rd-but-longer-than-usual" })
	void violationsWhenCommonPasswordIsOnlyPartOfItThenAccepted(String password) {
		assertThat(this.policy.violations(password, null)).isEmpty();
	}

	@Test
	void violationsWhenBcryptLimitAnd73AsciiBytesThenRefusedInsteadOfTruncated() {
		String password = "kq7#mZp2".repeat(9);
		assertThat(password).hasSize(72);
		assertThat(this.bcryptPolicy.violations(password, null)).isEmpty();
		assertThat(this.bcryptPolicy.violations(password + "x", null)).containsExactly(TOO_MANY_BYTES);
		assertThat(this.policy.violations(password + "x", null)).isEmpty();
	}

	@Test
	void violationsWhenBcryptLimitAndMultiByteCharactersThenBytesCount() {
		// é is 2 bytes in UTF-8, an emoji 4.
		assertThat(this.bcryptPolicy.violations("\u00e9".repeat(36), null)).isEmpty();
		assertThat(this.bcryptPolicy.violations("\u00e9".repeat(37), null)).containsExactly(TOO_MANY_BYTES);
		assertThat(this.bcryptPolicy.violations(GRINNING.repeat(18), null)).isEmpty();
		assertThat(this.bcryptPolicy.violations(GRINNING.repeat(19), null)).containsExactly(TOO_MANY_BYTES);
	}

	@Test
	void violationsWhenBcryptLimitAndDecomposedFormTooLongThenRefused() {
		// As typed, e + U+0301 is 3 bytes; normalised, é is 2. The hasher gets the normalised form, but the form as
		// typed is tried against hashes made before normalisation, so it must fit too.
		assertThat(this.bcryptPolicy.violations(E_ACUTE_NFD.repeat(24), null)).isEmpty();
		assertThat(this.bcryptPolicy.violations(E_ACUTE_NFD.repeat(25), null)).containsExactly(TOO_MANY_BYTES);
	}

	@Test
	void violationsWhenOverMaxLengthThenLengthReportedRatherThanBytes() {
		assertThat(this.bcryptPolicy.violations("x".repeat(129), null)).containsExactly(TOO_LONG);
	}

	@Test
	void violationsWhenBcryptEncoderThen73BytePasswordRefusedAndArgon2ThenAccepted() {
		String password = "kq7#mZp2".repeat(9) + "x";
		NistPasswordPolicy withBcrypt = new NistPasswordPolicy(PasswordPolicySettings.defaults(),
				new BCryptPasswordEncoder(4));
		NistPasswordPolicy withArgon2 = new NistPasswordPolicy(PasswordPolicySettings.defaults(),
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		assertThat(withBcrypt.violations(password, null)).containsExactly(TOO_MANY_BYTES);
		assertThat(withBcrypt.getMaxBytes()).isEqualTo(72);
		assertThat(withArgon2.violations(password, null)).isEmpty();
		assertThat(withArgon2.getMaxBytes()).isEqualTo(NistPasswordPolicy.NO_BYTE_LIMIT);
	}

	@Test
	void maxBytesForWhenBcryptEncoderThen72() {
		assertThat(NistPasswordPolicy.maxBytesFor(new BCryptPasswordEncoder())).isEqualTo(72);
		assertThat(NistPasswordPolicy.maxBytesFor(new BCryptPasswordEncoder(4))).isEqualTo(72);
	}

	@Test
	void maxBytesForWhenBcryptEncoderThenSpringSecurityReallyRefuses73Bytes() {
		BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
		assertThat(encoder.encode("x".repeat(72))).startsWith("$2a$04$");
		assertThatIllegalArgumentException().isThrownBy(() -> encoder.encode("x".repeat(73)))
			.withMessageContaining("72 bytes");
	}

	@Test
	void maxBytesForWhenArgon2Pbkdf2OrScryptThenNoLimit() {
		assertThat(NistPasswordPolicy.maxBytesFor(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()))
			.isEqualTo(NistPasswordPolicy.NO_BYTE_LIMIT);
		assertThat(NistPasswordPolicy.maxBytesFor(Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()))
			.isEqualTo(NistPasswordPolicy.NO_BYTE_LIMIT);
		assertThat(NistPasswordPolicy.maxBytesFor(SCryptPasswordEncoder.defaultsForSpringSecurity_v5_8()))
			.isEqualTo(NistPasswordPolicy.NO_BYTE_LIMIT);
	}

	@Test
	void maxBytesForWhenDelegatingEncoderWritesBcryptThen72() {
		PasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(4), "argon2",
						Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
		assertThat(NistPasswordPolicy.maxBytesFor(encoder)).isEqualTo(72);
	}

	@Test
	void maxBytesForWhenDelegatingEncoderWritesArgon2ThenNoLimit() {
		// MyUser's default: writes Argon2id, still reads bcrypt.
		assertThat(NistPasswordPolicy.maxBytesFor(MyUserPasswordEncoders.createDelegatingPasswordEncoder()))
			.isEqualTo(NistPasswordPolicy.NO_BYTE_LIMIT);
	}

	@Test
	void maxBytesForWhenEncoderTruncatesSilentlyThenWhereItCuts() {
		assertThat(NistPasswordPolicy.maxBytesFor(new TruncatingPasswordEncoder(72))).isEqualTo(72);
		assertThat(NistPasswordPolicy.maxBytesFor(new TruncatingPasswordEncoder(50))).isEqualTo(50);
		assertThat(NistPasswordPolicy.maxBytesFor(new TruncatingPasswordEncoder(1))).isEqualTo(1);
	}

	@Test
	void maxBytesForWhenEncoderRefusesLongInputThenLongestAccepted() {
		assertThat(NistPasswordPolicy.maxBytesFor(new RefusingPasswordEncoder(72))).isEqualTo(72);
		assertThat(NistPasswordPolicy.maxBytesFor(new RefusingPasswordEncoder(40))).isEqualTo(40);
		assertThat(NistPasswordPolicy.maxBytesFor(new RefusingPasswordEncoder(1))).isEqualTo(1);
	}

	@Test
	void maxBytesForWhenEncoderRefusesEverythingThenIllegalState() {
		assertThatIllegalStateException()
			.isThrownBy(() -> NistPasswordPolicy.maxBytesFor(new RefusingPasswordEncoder(0)))
			.withMessageContaining("refuses even a one-byte password");
	}

	@Test
	void maxBytesForWhenEncoderTakesAnyLengthThenNoLimit() {
		assertThat(NistPasswordPolicy.maxBytesFor(NoOpPasswordEncoder.getInstance()))
			.isEqualTo(NistPasswordPolicy.NO_BYTE_LIMIT);
		assertThat(NistPasswordPolicy.maxBytesFor(new TruncatingPasswordEncoder(1000)))
			.isEqualTo(NistPasswordPolicy.NO_BYTE_LIMIT);
	}

	@Test
	void maxBytesForWhenNullThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> NistPasswordPolicy.maxBytesFor(null))
			.withMessage("passwordEncoder cannot be null");
	}

	@Test
	void getMaxBytesWhenBuiltFromEncoderThenProbedOnceOnFirstUse() {
		CountingPasswordEncoder encoder = new CountingPasswordEncoder();
		NistPasswordPolicy policy = new NistPasswordPolicy(PasswordPolicySettings.defaults(), encoder);
		assertThat(encoder.calls).as("nothing hashed at construction").isZero();
		assertThat(policy.violations("kq7#mZp2", null)).isEmpty();
		assertThat(policy.violations("kq7#mZp2kq7#mZp2", null)).isEmpty();
		assertThat(policy.getMaxBytes()).isEqualTo(NistPasswordPolicy.NO_BYTE_LIMIT);
		assertThat(encoder.calls).as("one encode and one match, once").isEqualTo(2);
	}

	@Test
	void constructorWhenInvalidArgumentsThenIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NistPasswordPolicy(null, NistPasswordPolicy.NO_BYTE_LIMIT))
			.withMessage("settings cannot be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NistPasswordPolicy(PasswordPolicySettings.defaults(), 0))
			.withMessage("maxBytes must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NistPasswordPolicy(PasswordPolicySettings.defaults(), (PasswordEncoder) null))
			.withMessage("passwordEncoder cannot be null");
	}

	@Test
	void violationsWhenRandomPassphrasesFromWideAlphabetThenAcceptedUnlessCommon() throws IOException {
		SeededRandom random = SeededRandom
			.forTest("violationsWhenRandomPassphrasesFromWideAlphabetThenAcceptedUnlessCommon");
		Set<String> list = CommonPasswordsTests.entries();
		for (int i = 0; i < 5_000; i++) {
			String password = RandomPasswords.passphrase(random, 12 + random.nextInt(53));
			String email = RandomPasswords.email(random);
			List<String> violations = this.policy.violations(password, email);
			String context = "'" + password + "' (" + RandomPasswords.describe(password) + "), " + random;
			if (violations.isEmpty()) {
				continue;
			}
			assertThat(violations).as(context).containsExactly(COMMON);
			assertThat(RandomPasswords.onList(list, password)).as(context).isTrue();
		}
	}

	@Test
	void violationsWhenRandomStringsWithInjectedControlCharactersThenRefused() {
		SeededRandom random = SeededRandom
			.forTest("violationsWhenRandomStringsWithInjectedControlCharactersThenRefused");
		for (int i = 0; i < 5_000; i++) {
			String password = RandomPasswords.withInjectedControl(random,
					RandomPasswords.passphrase(random, 1 + random.nextInt(64)));
			String context = "'" + RandomPasswords.describe(password) + "', " + random;
			assertThat(this.policy.violations(password, EMAIL_ADDRESS)).as(context).containsExactly(UNCLEAN);
		}
	}

	/**
	 * Hashes to the password itself, cut to a number of bytes, as some bcrypt libraries silently do.
	 */
	private static final class TruncatingPasswordEncoder implements PasswordEncoder {

		private final int maxBytes;

		TruncatingPasswordEncoder(int maxBytes) {
			this.maxBytes = maxBytes;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			byte[] bytes = rawPassword.toString().getBytes(StandardCharsets.UTF_8);
			return new String(bytes, 0, Math.min(bytes.length, this.maxBytes),
					StandardCharsets.UTF_8);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return encode(rawPassword).equals(encodedPassword);
		}

	}

	/**
	 * Refuses passwords longer than a number of bytes, as Spring Security's bcrypt does above 72.
	 */
	private static final class RefusingPasswordEncoder implements PasswordEncoder {

		private final int maxBytes;

		RefusingPasswordEncoder(int maxBytes) {
			this.maxBytes = maxBytes;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			if (rawPassword.toString().getBytes(StandardCharsets.UTF_8).length > this.maxBytes) {
				throw new IllegalArgumentException("password cannot be more than " + this.maxBytes + " bytes");
			}
			return "hash:" + rawPassword;
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return encodedPassword.equals("hash:" + rawPassword);
		}

	}

	/**
	 * Counts calls and takes passwords of any length.
	 */
	private static final class CountingPasswordEncoder implements PasswordEncoder {

		private int calls;

		@Override
		public String encode(CharSequence rawPassword) {
			this.calls++;
			return "hash:" + rawPassword;
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.calls++;
			return encodedPassword.equals("hash:" + rawPassword);
		}

	}

}
