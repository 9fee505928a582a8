package io.myuser.ratelimit;

/**
 * The rate-limit store could not be reached or answered with an error.
 */
public class RateLimitStoreException extends RuntimeException {

	public RateLimitStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
