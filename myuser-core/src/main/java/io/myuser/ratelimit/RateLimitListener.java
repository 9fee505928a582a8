package io.myuser.ratelimit;

/**
 * Told of every decision {@link RateLimits} takes, allowed or refused, in the thread of the request: the web edge
 * uses it for the {@code RateLimit} headers, and metrics may count it.
 */
@FunctionalInterface
public interface RateLimitListener {

	/** A listener that does nothing. */
	RateLimitListener NONE = (scope, limit, decision) -> {
	};

	/**
	 * A budget was spent or refused.
	 * @param scope the scope, such as {@code login.per-ip}
	 * @param limit its limit
	 * @param decision what the limiter said
	 */
	void decided(String scope, RateLimit limit, RateLimitDecision decision);

}
