package io.myuser.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A bearer token that is not a valid MyUser access token.
 */
public class InvalidBearerTokenException extends AuthenticationException {

	public InvalidBearerTokenException(String message) {
		super(message);
	}

	public InvalidBearerTokenException(String message, Throwable cause) {
		super(message, cause);
	}

}
