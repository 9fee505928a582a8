package io.myuser.token;

import io.myuser.support.RefusedException;

/**
 * The one answer to every failed password login: unknown address, wrong password or inactive account.
 */
public class LoginRefusedException extends RefusedException {

	/** The message every failed login gets. */
	public static final String DETAIL = "No active account found with the given credentials.";

	public LoginRefusedException() {
		super(Reason.NOT_AUTHENTICATED, "invalid-credentials", "Invalid credentials", DETAIL);
	}

}
