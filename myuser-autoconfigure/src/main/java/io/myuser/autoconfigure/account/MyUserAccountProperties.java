package io.myuser.autoconfigure.account;

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
