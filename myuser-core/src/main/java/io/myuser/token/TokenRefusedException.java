package io.myuser.token;

import io.myuser.support.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A 401 for a token presented in a request body ({@code token/refresh/}, {@code token/verify/}).
 */
public class TokenRefusedException extends ProblemException {

	public TokenRefusedException(String detail) {
		super(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token", detail);
		getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
	}

}
