package io.myuser.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A bearer token that is not a valid MyUser access token.
 */
public class InvalidAccessTokenException extends AuthenticationException {

	public InvalidAccessTokenException(String message) {
		super(message);
	}

	public InvalidAccessTokenException(String message, Throwable cause) {
		super(message, cause);
	}

}
