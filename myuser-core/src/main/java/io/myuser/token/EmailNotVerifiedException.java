package io.myuser.token;

import io.myuser.support.RefusedException;

/**
 * Thrown when the password is right but the address is not verified while verification is mandatory.
 */
public class EmailNotVerifiedException extends RefusedException {

	public EmailNotVerifiedException() {
		super(Reason.FORBIDDEN, "email-not-verified", "Email not verified",
				"The email address of this account is not verified yet.");
	}

}
