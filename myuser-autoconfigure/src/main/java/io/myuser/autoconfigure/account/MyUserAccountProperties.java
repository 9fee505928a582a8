package io.myuser.autoconfigure.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account properties.
 */
@ConfigurationProperties("myuser.account")
public class MyUserAccountProperties {

	/**
	 * Whether a user must verify the email address before logging in (mandatory), may use the account before
	 * verifying it (optional), or is never asked to (none).
	 */
	private EmailVerification emailVerification = EmailVerification.MANDATORY;

	/**
	 * Whether the registration endpoints are enabled.
	 */
	private boolean registrationEnabled = true;

	/**
	 * How long the link in an email-confirmation email works.
	 */
	private Duration verificationTokenTimeToLive = Duration.ofDays(1);

	/**
	 * How long the link in a password-reset email works.
	 */
	private Duration passwordResetTokenTimeToLive = Duration.ofHours(1);

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

	public EmailVerification getEmailVerification() {
		return this.emailVerification;
	}

	public void setEmailVerification(EmailVerification emailVerification) {
		this.emailVerification = emailVerification;
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

}
