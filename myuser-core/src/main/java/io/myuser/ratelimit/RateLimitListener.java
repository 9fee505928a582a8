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

	/**
	 * A request was refused, and is answered 429: by a budget {@link #decided used up}, or by a wait after
	 * repeated failures ({@link FailureBackoff}, which spends no configured budget and tells only this). The
	 * default does nothing.
	 * @param scope the scope of the budget or of the failures' track, such as {@code login.per-ip} or
	 * {@code login.failures.per-address}
	 */
	default void refused(String scope) {
	}

	/**
	 * Return a listener that tells each of the given ones, in order. A listener that throws does not stop the others
	 * from being told, and the decision stands.
	 * @param listeners the listeners
	 * @return the composite, or the only listener when there is one
	 */
	static RateLimitListener composite(java.util.List<? extends RateLimitListener> listeners) {
		org.springframework.util.Assert.notNull(listeners, "listeners cannot be null");
		if (listeners.isEmpty()) {
			return NONE;
		}
		if (listeners.size() == 1) {
			return listeners.get(0);
		}
		return new CompositeRateLimitListener(listeners);
	}

}
