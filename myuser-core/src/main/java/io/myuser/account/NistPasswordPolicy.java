package io.myuser.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

import io.myuser.support.Texts;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * A {@link PasswordPolicy} after NIST SP 800-63B: length and a blocklist, no composition rules (no "one digit, one
 * upper-case letter"), and every printable Unicode character allowed, spaces included.
 * <p>
 * The rules apply to the password's normalised form ({@link NormalizingPasswordEncoder#normalize}, NFKC), the form
 * MyUser hashes and verifies, so that equivalent spellings of one password get one answer. A password is refused
 * when:
 * <ul>
 * <li>it holds a control character (C0, DEL or C1), an unpaired surrogate or U+FFFE/U+FFFF, as entered or once
 * normalised; nothing else is checked then;</li>
 * <li>it has fewer than {@code minLength} or more than {@code maxLength} characters, counted as Unicode code points
 * of the normalised form, so an emoji or an accented letter typed as letter plus combining accent counts as
 * one (and a ligature such as U+FB01 as the two letters it stands for);</li>
 * <li>it is longer, in UTF-8 bytes, than the password hasher accepts ({@code maxBytes}): the password is refused
 * rather than silently cut, since bcrypt would ignore everything after its 72nd byte. Both the normalised form,
 * which is hashed, and the password as entered, which is tried against hashes made before normalisation, must
 * fit;</li>
 * <li>it consists of white space and invisible formatting characters only;</li>
 * <li>({@code rejectEmail}) it is the account's email address or the part before the {@code @};</li>
 * <li>({@code rejectCommon}) it is on MyUser's list of 30,000 common passwords (taken from zxcvbn4j).</li>
 * </ul>
 * The last two comparisons ignore case, leading and trailing white space and compatibility differences (NFKC, so
 * full-width letters match), and also refuse a password that only adds trailing digits, punctuation or symbols to
 * a refused one: {@code "Password123!"} is refused because {@code "password"} is. Two stripped forms are tried:
 * without trailing punctuation and symbols ({@code "12345678!"} becomes {@code "12345678"}), and without any
 * trailing digits, punctuation and symbols ({@code "password123!"} becomes {@code "password"}).
 */
public final class NistPasswordPolicy implements PasswordPolicy {

	/** The value of {@code maxBytes} that means the hasher takes passwords of any length. */
	public static final int NO_BYTE_LIMIT = Integer.MAX_VALUE;

	/** The most bytes bcrypt reads; Spring Security's {@link BCryptPasswordEncoder} refuses longer input. */
	public static final int BCRYPT_MAX_BYTES = 72;

	/** ASCII text whose prefixes probe a password encoder's limit: a prefix of n characters is n bytes. */
	private static final String PROBE = "myuser-password-length-probe-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ";

	private static final IntPredicate PUNCTUATION_OR_SYMBOL = NistPasswordPolicy::isPunctuationOrSymbol;

	private static final IntPredicate DIGIT_PUNCTUATION_OR_SYMBOL = (codePoint) -> Character.isDigit(codePoint)
			|| isPunctuationOrSymbol(codePoint);

	private final PasswordPolicySettings settings;

	private final SingletonSupplier<Integer> maxBytes;

	/**
	 * Create a policy for a hasher with a known input limit.
	 * @param settings the lengths and rules
	 * @param maxBytes the most UTF-8 bytes the hasher accepts, {@link #NO_BYTE_LIMIT} if it has no limit
	 */
	public NistPasswordPolicy(PasswordPolicySettings settings, int maxBytes) {
		Assert.notNull(settings, "settings cannot be null");
		Assert.isTrue(maxBytes >= 1, "maxBytes must be positive");
		this.settings = settings;
		this.maxBytes = SingletonSupplier.of(maxBytes);
	}

	/**
	 * Create a policy whose byte limit is that of a password encoder, found by {@link #maxBytesFor} when the first
	 * password is checked, so that startup does not pay for the probe (one encode and one match with the usual
	 * encoders).
	 * @param settings the lengths and rules
	 * @param passwordEncoder the encoder that hashes the passwords this policy accepts
	 */
	public NistPasswordPolicy(PasswordPolicySettings settings, PasswordEncoder passwordEncoder) {
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(passwordEncoder, "passwordEncoder cannot be null");
		this.settings = settings;
		this.maxBytes = SingletonSupplier.of(() -> maxBytesFor(passwordEncoder));
	}

	/**
	 * The most UTF-8 bytes a password encoder accepts without refusing or truncating the input.
	 * <p>
	 * A {@link BCryptPasswordEncoder} gives {@value #BCRYPT_MAX_BYTES}, and Spring Security's Argon2, PBKDF2 and
	 * scrypt encoders give {@link #NO_BYTE_LIMIT}, without hashing anything; a {@link NormalizingPasswordEncoder}
	 * gives the limit of its delegate. Any other encoder is probed, because
	 * a {@code DelegatingPasswordEncoder} does not tell which encoder it writes with (Spring Security 7 has no
	 * accessor for its encoding id or encoders, and reading its fields by reflection would break silently when
	 * they change) and a custom encoder may wrap bcrypt. The probe encodes a 73-byte ASCII password:
	 * <ul>
	 * <li>if the encoder refuses it with an {@link IllegalArgumentException}, as Spring Security's bcrypt does, the
	 * limit is the longest prefix it accepts: 72 bytes for bcrypt, found with one more encode;</li>
	 * <li>if the hash also matches the first 72 bytes alone, the encoder truncates silently, and the limit is the
	 * shortest prefix the hash matches;</li>
	 * <li>otherwise there is no limit.</li>
	 * </ul>
	 * For the encoders MyUser and Spring Security build, the probe costs one encode and one match. Limits above
	 * 72 bytes are not looked for.
	 * @param passwordEncoder the encoder
	 * @return the limit in bytes, or {@link #NO_BYTE_LIMIT}
	 * @throws IllegalStateException if the encoder refuses even a one-byte password
	 */
	public static int maxBytesFor(PasswordEncoder passwordEncoder) {
		Assert.notNull(passwordEncoder, "passwordEncoder cannot be null");
		if (passwordEncoder instanceof NormalizingPasswordEncoder normalizing) {
			return maxBytesFor(normalizing.getDelegate());
		}
		if (passwordEncoder instanceof BCryptPasswordEncoder) {
			return BCRYPT_MAX_BYTES;
		}
		if (passwordEncoder instanceof Argon2PasswordEncoder || passwordEncoder instanceof Pbkdf2PasswordEncoder
				|| passwordEncoder instanceof SCryptPasswordEncoder) {
			return NO_BYTE_LIMIT;
		}
		String probe = PROBE.substring(0, BCRYPT_MAX_BYTES + 1);
		@Nullable String hash = encodes(passwordEncoder, probe);
		if (hash == null) {
			return longestAccepted(passwordEncoder);
		}
		if (!passwordEncoder.matches(probe.substring(0, BCRYPT_MAX_BYTES), hash)) {
			return NO_BYTE_LIMIT;
		}
		return shortestMatching(passwordEncoder, hash);
	}

	/**
	 * The length of the longest prefix of the probe, up to 72 bytes, that the encoder accepts: 72 is tried first.
	 */
	private static int longestAccepted(PasswordEncoder passwordEncoder) {
		if (encodes(passwordEncoder, PROBE.substring(0, BCRYPT_MAX_BYTES)) != null) {
			return BCRYPT_MAX_BYTES;
		}
		int low = 0;
		int high = BCRYPT_MAX_BYTES - 1;
		while (low < high) {
			int middle = (low + high + 1) / 2;
			if (encodes(passwordEncoder, PROBE.substring(0, middle)) != null) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		if (low == 0) {
			throw new IllegalStateException("The password encoder " + passwordEncoder.getClass().getName()
					+ " refuses even a one-byte password");
		}
		return low;
	}

	/**
	 * The length of the shortest prefix of the probe that a hash of the 73-byte probe matches: where a truncating
	 * encoder cuts.
	 */
	private static int shortestMatching(PasswordEncoder passwordEncoder, String hash) {
		int low = 1;
		int high = BCRYPT_MAX_BYTES;
		while (low < high) {
			int middle = (low + high) / 2;
			if (passwordEncoder.matches(PROBE.substring(0, middle), hash)) {
				high = middle;
			}
			else {
				low = middle + 1;
			}
		}
		return low;
	}

	private static @Nullable String encodes(PasswordEncoder passwordEncoder, String password) {
		try {
			String hash = passwordEncoder.encode(password);
			Assert.state(hash != null, "The password encoder returned no hash");
			return hash;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public List<String> violations(String password, @Nullable String email) {
		Assert.notNull(password, "password cannot be null");
		List<String> violations = new ArrayList<>();
		String normalized = Texts.isClean(password) ? NormalizingPasswordEncoder.normalize(password) : password;
		if (!Texts.isClean(password) || !Texts.isClean(normalized)) {
			violations.add("Password must not contain control characters or invalid Unicode.");
			return violations;
		}
		int length = normalized.codePointCount(0, normalized.length());
		int maxBytes = getMaxBytes();
		if (length < this.settings.minLength()) {
			violations.add("Password must be at least " + this.settings.minLength() + " characters long.");
		}
		else if (length > this.settings.maxLength()) {
			violations.add("Password must be at most " + this.settings.maxLength() + " characters long.");
		}
		else if (utf8Length(password) > maxBytes || utf8Length(normalized) > maxBytes) {
			violations.add("Password is too long: at most " + maxBytes
					+ " bytes can be stored, and characters outside ASCII take 2 to 4 bytes each.");
		}
		if (!normalized.isEmpty() && normalized.codePoints().allMatch(NistPasswordPolicy::isBlank)) {
			violations.add("Password must not consist of spaces only.");
		}
		Set<String> keys = comparisonKeys(normalized);
		if (this.settings.rejectEmail() && email != null && isEmailOrLocalPart(keys, email)) {
			violations.add("Password must not be your email address or the part of it before the @.");
		}
		if (this.settings.rejectCommon() && keys.stream().anyMatch(CommonPasswords::contains)) {
			violations.add("Password is too common; choose one that is not on lists of frequently used passwords.");
		}
		return violations;
	}

	public PasswordPolicySettings getSettings() {
		return this.settings;
	}

	/**
	 * The most UTF-8 bytes a password may have. With the constructor that takes a {@link PasswordEncoder}, the
	 * first call probes the encoder.
	 * @return the limit, or {@link #NO_BYTE_LIMIT}
	 */
	public int getMaxBytes() {
		return this.maxBytes.obtain();
	}

	private static boolean isEmailOrLocalPart(Set<String> keys, String email) {
		String address = CommonPasswords.key(email);
		if (address.isEmpty()) {
			return false;
		}
		int at = address.lastIndexOf('@');
		String localPart = (at >= 0) ? address.substring(0, at) : address;
		return keys.contains(address) || (!localPart.isEmpty() && keys.contains(localPart));
	}

	/**
	 * The forms compared with the email address and the list of common passwords: the key itself, the key without
	 * trailing punctuation and symbols, and the key without trailing digits, punctuation and symbols.
	 */
	private static Set<String> comparisonKeys(String password) {
		String key = CommonPasswords.key(password);
		Set<String> keys = new LinkedHashSet<>(4);
		keys.add(key);
		keys.add(stripTrailing(key, PUNCTUATION_OR_SYMBOL));
		keys.add(stripTrailing(key, DIGIT_PUNCTUATION_OR_SYMBOL));
		keys.remove("");
		return keys;
	}

	private static String stripTrailing(String text, IntPredicate strippable) {
		int end = text.length();
		while (end > 0) {
			int codePoint = text.codePointBefore(end);
			if (!strippable.test(codePoint) && !isBlank(codePoint)) {
				break;
			}
			end -= Character.charCount(codePoint);
		}
		return text.substring(0, end);
	}

	private static boolean isPunctuationOrSymbol(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
					Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
					Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
					Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL ->
				true;
			default -> false;
		};
	}

	/**
	 * White space, including no-break spaces, and invisible formatting characters such as U+200B ZERO WIDTH SPACE.
	 */
	private static boolean isBlank(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
				|| Character.getType(codePoint) == Character.FORMAT;
	}

	private static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
