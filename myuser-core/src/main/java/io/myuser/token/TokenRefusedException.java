package io.myuser.token;

import io.myuser.support.RefusedException;

/**
 * A refused token presented in a request body ({@code token/refresh/}, {@code token/verify/}).
 */
public class TokenRefusedException extends RefusedException {

	public TokenRefusedException(String detail) {
		super(Reason.INVALID_TOKEN, "invalid-token", "Invalid token", detail);
	}

}
