package io.myuser.admin;

import java.time.Duration;

import io.myuser.support.RefusedException;

/**
 * The refusals of the administration API, each with its stable code (see {@code docs/errors.md}).
 */
public final class AdminRefusals {

	private AdminRefusals() {
	}

	/**
	 * The caller's token carries the admin authority, but its account is no longer active staff: 403.
	 * @return the refusal
	 */
	public static RefusedException notStaff() {
		return new RefusedException(RefusedException.Reason.FORBIDDEN, "admin-not-staff", "Not staff",
				"Your account is no longer active staff.");
	}

	/**
	 * No live account has the id: 404.
	 * @return the refusal
	 */
	public static RefusedException userNotFound() {
		return new RefusedException(RefusedException.Reason.NOT_FOUND, "user-not-found", "User not found",
				"No account has this id.");
	}

	/**
	 * An administrator tried to deactivate their own account: 409.
	 * @return the refusal
	 */
	public static RefusedException ownAccount() {
		return new RefusedException(RefusedException.Reason.CONFLICT, "admin-own-account", "Your own account",
				"You cannot deactivate your own account; ask another administrator.");
	}

	/**
	 * The account's address is verified already: 409.
	 * @return the refusal
	 */
	public static RefusedException alreadyVerified() {
		return new RefusedException(RefusedException.Reason.CONFLICT, "email-already-verified",
				"Email already verified", "This account's email address is verified already.");
	}

	/**
	 * The account is deactivated, so no verification mail is sent: 409.
	 * @return the refusal
	 */
	public static RefusedException inactive() {
		return new RefusedException(RefusedException.Reason.CONFLICT, "account-inactive", "Account inactive",
				"This account is deactivated; reactivate it first.");
	}

	/**
	 * A verification mail was sent to the account a moment ago: 429 with {@code Retry-After}.
	 * @param wait how long until another may be sent
	 * @return the refusal
	 */
	public static RefusedException verificationEmailSentRecently(Duration wait) {
		return new VerificationEmailSentRecently(wait);
	}

	private static final class VerificationEmailSentRecently extends RefusedException {

		VerificationEmailSentRecently(Duration wait) {
			super(Reason.TOO_MANY_REQUESTS, "verification-email-sent-recently", "Verification email sent recently",
					"A verification email was sent to this account a moment ago.");
			setRetryAfter(wait);
		}

	}

}
