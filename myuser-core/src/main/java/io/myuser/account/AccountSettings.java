package io.myuser.account;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How the account flows behave.
 *
 * @param emailVerification whether a new address must, may or need not be verified
 * @param verificationTokenTimeToLive how long a verification link works
 * @param passwordResetTokenTimeToLive how long a password reset link works
 */
public record AccountSettings(EmailVerificationMode emailVerification, Duration verificationTokenTimeToLive,
		Duration passwordResetTokenTimeToLive) {

	public AccountSettings {
		Assert.notNull(emailVerification, "emailVerification cannot be null");
		Assert.isTrue(verificationTokenTimeToLive != null && !verificationTokenTimeToLive.isNegative()
				&& !verificationTokenTimeToLive.isZero(), "verificationTokenTimeToLive must be positive");
		Assert.isTrue(passwordResetTokenTimeToLive != null && !passwordResetTokenTimeToLive.isNegative()
				&& !passwordResetTokenTimeToLive.isZero(), "passwordResetTokenTimeToLive must be positive");
	}

	/**
	 * Email verification modes, as django-allauth's ACCOUNT_EMAIL_VERIFICATION.
	 */
	public enum EmailVerificationMode {

		/** The address must be verified before the first login. */
		MANDATORY,
		/** A verification email is sent, but login works without it. */
		OPTIONAL,
		/** No verification email is sent; new addresses count as verified. */
		NONE

	}

}
