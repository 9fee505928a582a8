package io.myuser.security;

import io.myuser.support.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The access token is valid, but its account was deleted or deactivated since it was issued: answered 401 like
 * an invalid token.
 */
public class AccountGoneException extends ProblemException {

	public AccountGoneException() {
		super(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token",
				"The account of this token no longer exists or is inactive.");
		getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
	}

}
