package io.myuser.security;

import org.springframework.security.core.AuthenticationException;

/**
 * An {@code Authorization} header that announces a bearer token but does not hold one.
 */
public class MalformedBearerHeaderException extends AuthenticationException {

	public MalformedBearerHeaderException(String message) {
		super(message);
	}

}
