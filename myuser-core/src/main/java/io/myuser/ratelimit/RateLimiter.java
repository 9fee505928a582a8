package io.myuser.ratelimit;

/**
 * Spends and reads budgets in a store that every node of the application shares (or, for the memory store, in
 * this node only). Implementations are thread-safe, keep a budget at most until it is whole again, and answer for
 * any key, known or not, in the same way. A store that cannot be reached throws a
 * {@link RateLimitStoreException}; what follows from it is decided by {@code FailOpenRateLimiter}.
 */
public interface RateLimiter {

	/**
	 * Spends one request of the key's budget when one is left.
	 * @param key the budget
	 * @param limit its size and window, the same for every call with this key's scope
	 * @return whether the request was allowed, and what is left
	 * @throws RateLimitStoreException if the store cannot be reached
	 */
	RateLimitDecision tryConsume(RateLimitKey key, RateLimit limit);

	/**
	 * Reads the key's budget without spending it: {@code allowed} says whether one request would be.
	 * @param key the budget
	 * @param limit its size and window
	 * @return what is left
	 * @throws RateLimitStoreException if the store cannot be reached
	 */
	RateLimitDecision probe(RateLimitKey key, RateLimit limit);

	/**
	 * Gives the key its whole budget back (forgets it).
	 * @param key the budget
	 * @throws RateLimitStoreException if the store cannot be reached
	 */
	void reset(RateLimitKey key);

}
