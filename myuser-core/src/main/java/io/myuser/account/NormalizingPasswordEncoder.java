package io.myuser.account;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.Assert;

/**
 * A {@link PasswordEncoder} that applies Unicode normalisation form NFKC to a password before its delegate hashes
 * or checks it (NIST SP 800-63B), so that one password typed in different but equivalent ways, such as {@code é}
 * as one precomposed character or as {@code e} plus a combining accent, a full-width letter from an East Asian
 * input method, or a no-break space pasted from a document, is one password.
 * <p>
 * NFKC rather than NFC: NIST SP 800-63B names NFKC or NFKD; of those NFKC is the composed, shorter form, which
 * matters for hashers with a byte limit such as bcrypt; and MyUser's blocklist and email comparison already
 * compare NFKC forms. NFKC also folds what NFC keeps apart (full-width and half-width forms, ligatures,
 * superscript digits, the many Unicode spaces into U+0020), all of which users meet as "the same character"
 * on different keyboards; the few bits of guessing entropy this gives up are not worth the lock-outs.
 * <p>
 * Hashes made before normalisation keep verifying: when the normalised password does not match and differs from
 * the password as entered, the password as entered is also tried. This widens nothing for a hash made by this
 * encoder: the raw input can only match it if it is itself the normalised form. Such a failed login costs two
 * hash comparisons; it does so for unknown accounts too, since the comparison against MyUser's stand-in hash goes
 * through the same encoder. A hash of the raw form is replaced by a hash of the normalised form when the password
 * is next set or when the delegate asks for an upgrade after a login.
 * <p>
 * {@link #encode} and {@link #upgradeEncoding} otherwise behave as the delegate's; a {@code null} password is
 * passed on untouched.
 */
public final class NormalizingPasswordEncoder implements PasswordEncoder {

	/** The normalisation form applied to every password. */
	public static final Normalizer.Form FORM = Normalizer.Form.NFKC;

	private final PasswordEncoder delegate;

	/**
	 * Create an encoder.
	 * @param delegate the encoder that hashes and checks the normalised password
	 */
	public NormalizingPasswordEncoder(PasswordEncoder delegate) {
		Assert.notNull(delegate, "delegate cannot be null");
		Assert.isTrue(!(delegate instanceof NormalizingPasswordEncoder), "delegate is already normalising");
		this.delegate = delegate;
	}

	/**
	 * Wrap an encoder, unless it already normalises.
	 * @param encoder the encoder
	 * @return a normalising encoder around it, or the encoder itself if it is one
	 */
	public static NormalizingPasswordEncoder of(PasswordEncoder encoder) {
		Assert.notNull(encoder, "encoder cannot be null");
		return (encoder instanceof NormalizingPasswordEncoder normalizing) ? normalizing
				: new NormalizingPasswordEncoder(encoder);
	}

	/**
	 * Return the normalised form of a password: what is hashed, checked and measured.
	 * @param password the password as entered
	 * @return its NFKC form
	 */
	public static String normalize(CharSequence password) {
		Assert.notNull(password, "password cannot be null");
		return Normalizer.normalize(password, FORM);
	}

	/**
	 * Return the encoder that receives the normalised passwords.
	 * @return the delegate
	 */
	public PasswordEncoder getDelegate() {
		return this.delegate;
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		return this.delegate.encode((rawPassword != null) ? normalize(rawPassword) : null);
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		if (rawPassword == null) {
			return this.delegate.matches(null, encodedPassword);
		}
		String normalized = normalize(rawPassword);
		if (this.delegate.matches(normalized, encodedPassword)) {
			return true;
		}
		if (normalized.contentEquals(rawPassword)) {
			return false;
		}
		try {
			// A hash made from the password as entered, before MyUser normalised passwords.
			return this.delegate.matches(rawPassword, encodedPassword);
		}
		catch (IllegalArgumentException ex) {
			// The form as entered can be longer than the hasher takes (bcrypt refuses more than 72 bytes).
			return false;
		}
	}

	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

}
