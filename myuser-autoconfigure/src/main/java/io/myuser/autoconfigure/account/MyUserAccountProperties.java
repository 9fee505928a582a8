package io.myuser.autoconfigure.account;

import java.time.Duration;

import io.myuser.account.PasswordPolicySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Account properties, checked when they are bound.
 */
@ConfigurationProperties("myuser.account")
@Validated
public class MyUserAccountProperties {

	/**
	 * Whether a user must verify the email address before logging in (mandatory), may use the account before
	 * verifying it (optional), or is never asked to (none).
	 */
	@NotNull
	private EmailVerification emailVerification = EmailVerification.MANDATORY;

	/**
	 * Whether the registration endpoints are enabled.
	 */
	private boolean registrationEnabled = true;

	/**
	 * How long the link in an email-confirmation email works.
	 */
	@NotNull
	@DurationMin(inclusive = false, message = "must be positive")
	private Duration verificationTokenTimeToLive = Duration.ofDays(1);

	/**
	 * How long the link in a password-reset email works.
	 */
	@NotNull
	@DurationMin(inclusive = false, message = "must be positive")
	private Duration passwordResetTokenTimeToLive = Duration.ofHours(1);

	/**
	 * Whether a login with the right password to an account whose email address is not verified yet answers 403
	 * email-not-verified. Off by default: such a login answers the 401 of a wrong password, so that registering an
	 * address and then logging in does not tell whether the address already had an account; a fresh
	 * verification email goes to the address instead.
	 */
	private boolean revealUnverifiedLogin;

	/**
	 * The least time between two verification emails that logins to one unverified account send.
	 */
	@NotNull
	@DurationMin(message = "must not be negative")
	private Duration unverifiedLoginEmailInterval = Duration.ofMinutes(5);

	public boolean isRevealUnverifiedLogin() {
		return this.revealUnverifiedLogin;
	}

	public void setRevealUnverifiedLogin(boolean revealUnverifiedLogin) {
		this.revealUnverifiedLogin = revealUnverifiedLogin;
	}

	public Duration getUnverifiedLoginEmailInterval() {
		return this.unverifiedLoginEmailInterval;
	}

	public void setUnverifiedLoginEmailInterval(Duration unverifiedLoginEmailInterval) {
		this.unverifiedLoginEmailInterval = unverifiedLoginEmailInterval;
	}

	public boolean isRegistrationEnabled() {
		return this.registrationEnabled;
	}

	public void setRegistrationEnabled(boolean registrationEnabled) {
		this.registrationEnabled = registrationEnabled;
	}

	public Duration getVerificationTokenTimeToLive() {
		return this.verificationTokenTimeToLive;
	}

	public void setVerificationTokenTimeToLive(Duration verificationTokenTimeToLive) {
		this.verificationTokenTimeToLive = verificationTokenTimeToLive;
	}

	public Duration getPasswordResetTokenTimeToLive() {
		return this.passwordResetTokenTimeToLive;
	}

	public void setPasswordResetTokenTimeToLive(Duration passwordResetTokenTimeToLive) {
		this.passwordResetTokenTimeToLive = passwordResetTokenTimeToLive;
	}

	@Valid
	private final Password password = new Password();

	public EmailVerification getEmailVerification() {
		return this.emailVerification;
	}

	public void setEmailVerification(EmailVerification emailVerification) {
		this.emailVerification = emailVerification;
	}

	public Password getPassword() {
		return this.password;
	}

	/**
	 * Email verification modes, as in django-allauth's ACCOUNT_EMAIL_VERIFICATION.
	 */
	public enum EmailVerification {

		/** The address must be verified before the first login. */
		MANDATORY,
		/** A verification email is sent, but login works without it. */
		OPTIONAL,
		/** No verification email is sent. */
		NONE

	}

	/**
	 * Rules for the passwords users choose, after NIST SP 800-63B.
	 */
	@PasswordLengths
	public static class Password {

		/**
		 * Fewest characters a password may have, counted as Unicode code points of its NFKC form, the form that
		 * is hashed.
		 */
		@Min(value = 1, message = "must be at least 1")
		private int minLength = 8;

		/**
		 * Most characters a password may have, counted like min-length. A password longer than the password
		 * hasher accepts (72 bytes for bcrypt) is refused even when it is within this length.
		 */
		@Max(value = PasswordPolicySettings.MAX_LENGTH_LIMIT,
				message = "must be at most " + PasswordPolicySettings.MAX_LENGTH_LIMIT)
		private int maxLength = 128;

		/**
		 * Whether passwords on MyUser's list of 30,000 common passwords are refused, also with trailing digits,
		 * punctuation or symbols added.
		 */
		private boolean rejectCommon = true;

		/**
		 * Whether a password equal to the account's email address, or to the part before the @, is refused.
		 */
		private boolean rejectEmail = true;

		public int getMinLength() {
			return this.minLength;
		}

		public void setMinLength(int minLength) {
			this.minLength = minLength;
		}

		public int getMaxLength() {
			return this.maxLength;
		}

		public void setMaxLength(int maxLength) {
			this.maxLength = maxLength;
		}

		public boolean isRejectCommon() {
			return this.rejectCommon;
		}

		public void setRejectCommon(boolean rejectCommon) {
			this.rejectCommon = rejectCommon;
		}

		public boolean isRejectEmail() {
			return this.rejectEmail;
		}

		public void setRejectEmail(boolean rejectEmail) {
			this.rejectEmail = rejectEmail;
		}

	}

}
