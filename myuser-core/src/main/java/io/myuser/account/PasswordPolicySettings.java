package io.myuser.account;

import org.springframework.util.Assert;

/**
 * The settings of a {@link NistPasswordPolicy}.
 *
 * @param minLength the fewest characters (Unicode code points of the NFKC-normalised form, see
 * {@link NormalizingPasswordEncoder}) a password may have
 * @param maxLength the most characters a password may have
 * @param rejectEmail whether a password equal to the account's email address or to its local part is refused
 * @param rejectCommon whether passwords on MyUser's list of common passwords are refused
 */
public record PasswordPolicySettings(int minLength, int maxLength, boolean rejectEmail, boolean rejectCommon) {

	/** The default minimum length, NIST SP 800-63B's minimum for a password chosen by the user. */
	public static final int DEFAULT_MIN_LENGTH = 8;

	/** The default maximum length; NIST SP 800-63B asks that at least 64 characters be allowed. */
	public static final int DEFAULT_MAX_LENGTH = 128;

	/** The largest maximum length that may be configured. */
	public static final int MAX_LENGTH_LIMIT = 4096;

	public PasswordPolicySettings {
		Assert.isTrue(minLength >= 1, "minLength must be at least 1");
		Assert.isTrue(maxLength >= minLength, "maxLength must not be less than minLength");
		Assert.isTrue(maxLength <= MAX_LENGTH_LIMIT, "maxLength must be at most " + MAX_LENGTH_LIMIT);
	}

	/**
	 * The defaults: 8 to 128 characters, email and common passwords refused.
	 * @return the default settings
	 */
	public static PasswordPolicySettings defaults() {
		return new PasswordPolicySettings(DEFAULT_MIN_LENGTH, DEFAULT_MAX_LENGTH, true, true);
	}

}
