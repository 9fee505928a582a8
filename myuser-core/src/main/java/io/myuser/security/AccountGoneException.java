package io.myuser.security;

import io.myuser.support.RefusedException;

/**
 * The access token is valid, but its account was deleted or deactivated since it was issued: answered like
 * an invalid token.
 */
public class AccountGoneException extends RefusedException {

	public AccountGoneException() {
		super(Reason.INVALID_TOKEN, "invalid-token", "Invalid token",
				"The account of this token no longer exists or is inactive.");
	}

}
