package io.myuser.ratelimit;

import java.time.Duration;

import io.myuser.support.RefusedException;

/**
 * A request was refused because a budget it spends is used up. The answer says when to ask again and nothing
 * about which budget, so it reads the same for a registered address and an unknown one.
 */
public class RateLimitedException extends RefusedException {

	/** The problem type's last segment: {@code .../problems/rate-limited}. */
	public static final String CODE = "rate-limited";

	private final String scope;

	public RateLimitedException(String scope, Duration retryAfter) {
		super(Reason.TOO_MANY_REQUESTS, CODE, "Too many requests",
				"Too many requests. Try again in " + seconds(retryAfter) + " seconds.");
		this.scope = scope;
		setRetryAfter(retryAfter);
		setProperty("retry_after", seconds(retryAfter));
	}

	private static long seconds(Duration wait) {
		return Math.max(1, wholeSecondsUp(wait));
	}

	/**
	 * Return the scope whose budget is used up, for logs and metrics; never sent to the caller.
	 * @return the scope
	 */
	public String getScope() {
		return this.scope;
	}

}
