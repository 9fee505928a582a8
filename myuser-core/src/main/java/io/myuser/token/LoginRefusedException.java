package io.myuser.token;

import io.myuser.support.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The one answer to every failed password login: unknown address, wrong password or inactive account.
 */
public class LoginRefusedException extends ProblemException {

	/** The message every failed login gets. */
	public static final String DETAIL = "No active account found with the given credentials.";

	public LoginRefusedException() {
		super(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials", DETAIL);
		getHeaders().set("WWW-Authenticate", "Bearer");
	}

}
