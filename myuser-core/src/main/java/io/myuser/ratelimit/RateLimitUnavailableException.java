package io.myuser.ratelimit;

import java.time.Duration;

import io.myuser.support.RefusedException;

/**
 * The rate-limit store cannot be reached and rate limiting fails closed ({@code myuser.rate-limit.fail-open=false}):
 * limited requests are refused until the store is back.
 */
public class RateLimitUnavailableException extends RefusedException {

	public RateLimitUnavailableException(Duration retryAfter) {
		super(Reason.UNAVAILABLE, "rate-limit-unavailable", "Service unavailable",
				"The service cannot take this request right now. Try again shortly.");
		setRetryAfter(retryAfter);
	}

}
