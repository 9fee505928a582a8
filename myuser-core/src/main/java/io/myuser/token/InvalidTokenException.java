package io.myuser.token;

/**
 * Thrown when a token cannot be accepted. The message is safe to show to clients.
 */
public class InvalidTokenException extends RuntimeException {

	public InvalidTokenException(String message) {
		super(message);
	}

	public InvalidTokenException(String message, Throwable cause) {
		super(message, cause);
	}

}
