package io.myuser.account;

/**
 * What a one-time token is good for.
 */
public enum EmailLinkTokenPurpose {

	/** Confirms that the user owns the email address. */
	EMAIL_VERIFICATION,
	/** Lets the user set a new password. */
	PASSWORD_RESET,
	/** Withdraws a pending deletion of the account (the link in the "deletion scheduled" email). */
	DELETION_CANCEL

}
