package io.myuser.token;

import io.myuser.support.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Thrown when the password is right but the address is not verified while verification is mandatory.
 */
public class EmailNotVerifiedException extends ProblemException {

	public EmailNotVerifiedException() {
		super(HttpStatus.FORBIDDEN, "email-not-verified", "Email not verified",
				"The email address of this account is not verified yet.");
	}

}
