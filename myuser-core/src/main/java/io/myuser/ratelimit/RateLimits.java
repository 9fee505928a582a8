package io.myuser.ratelimit;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The budgets MyUser's features spend before they do any expensive work (a password hash, a mail job, a row): each
 * call spends one request of a scope's budget for a subject, and throws {@link RateLimitedException} when it is
 * used up. A scope without a configured limit, and every scope while rate limiting is off ({@link #disabled()}),
 * spends nothing.
 */
public class RateLimits {

	private static final RateLimits DISABLED = new RateLimits();

	private final @Nullable RateLimiter limiter;

	private final @Nullable RateLimitKeys keys;

	private final Map<String, RateLimit> limits;

	private final RateLimitListener listener;

	/**
	 * Creates the budgets.
	 * @param limiter the store, wrapped in its failure policy
	 * @param keys makes the keys, with the secret every node shares
	 * @param limits the limit of each scope
	 * @param listener told of every decision
	 */
	public RateLimits(RateLimiter limiter, RateLimitKeys keys, Map<String, RateLimit> limits,
			RateLimitListener listener) {
		Assert.notNull(limiter, "limiter cannot be null");
		Assert.notNull(keys, "keys cannot be null");
		Assert.notNull(limits, "limits cannot be null");
		Assert.notNull(listener, "listener cannot be null");
		this.limiter = limiter;
		this.keys = keys;
		this.limits = Map.copyOf(limits);
		this.listener = listener;
	}

	private RateLimits() {
		this.limiter = null;
		this.keys = null;
		this.limits = Map.of();
		this.listener = RateLimitListener.NONE;
	}

	/**
	 * Budgets that are never used up, for {@code myuser.rate-limit.enabled=false}.
	 * @return the budgets
	 */
	public static RateLimits disabled() {
		return DISABLED;
	}

	/**
	 * Return whether a scope is limited.
	 * @param scope the scope
	 * @return whether it has a limit and rate limiting is on
	 */
	public boolean isLimited(String scope) {
		return this.limiter != null && this.limits.containsKey(scope);
	}

	/**
	 * Return how many calls found the store down since startup (they were let through or refused, as
	 * {@code myuser.rate-limit.fail-open} says).
	 * @return the count, 0 while rate limiting is off
	 */
	public long getStoreFailures() {
		return (this.limiter instanceof FailOpenRateLimiter failOpen) ? failOpen.getStoreFailures() : 0;
	}

	/**
	 * Return growing waits after repeated failures, kept in the same store and under the same failure policy as
	 * the budgets.
	 * @param settings how the waits grow
	 * @return the backoff, or {@code null} while rate limiting is off
	 */
	public @Nullable FailureBackoff backoff(FailureBackoff.Settings settings) {
		return (this.limiter != null) ? new FailureBackoff(this.limiter, settings, this.listener) : null;
	}

	/**
	 * Return the key maker, whose secret every node shares.
	 * @return the keys, or {@code null} while rate limiting is off
	 */
	public @Nullable RateLimitKeys keys() {
		return this.keys;
	}

	/**
	 * Spends one request of a per-IP budget.
	 * @param scope the scope
	 * @param ip the client IP the trusted resolver gave, or {@code null} when unknown (nothing is spent)
	 * @throws RateLimitedException if the budget is used up
	 */
	public void spendForIp(String scope, @Nullable String ip) {
		if (ip != null && !ip.isBlank() && isLimited(scope)) {
			spend(scope, this.keys.ip(scope, ip));
		}
	}

	/**
	 * Spends one request of a per-address budget: the address as submitted, whether an account has it or not.
	 * @param scope the scope
	 * @param address the submitted address, or {@code null} (nothing is spent: the request is invalid anyway)
	 * @throws RateLimitedException if the budget is used up
	 */
	public void spendForAddress(String scope, @Nullable String address) {
		if (address != null && !address.isBlank() && isLimited(scope)) {
			spend(scope, this.keys.address(scope, address));
		}
	}

	/**
	 * Spends one request of a per-account budget.
	 * @param scope the scope
	 * @param userId the account
	 * @throws RateLimitedException if the budget is used up
	 */
	public void spendForUser(String scope, UUID userId) {
		if (isLimited(scope)) {
			spend(scope, this.keys.user(scope, userId));
		}
	}

	/**
	 * Return the limit of a scope.
	 * @param scope the scope
	 * @return the limit, or {@code null} when the scope is not limited
	 */
	public @Nullable RateLimit limit(String scope) {
		return (this.limiter != null) ? this.limits.get(scope) : null;
	}

	/**
	 * Reads a budget without spending it.
	 * @param scope the scope
	 * @param key the key
	 * @return what is left, or {@code null} when the scope is not limited
	 */
	public @Nullable RateLimitDecision probe(String scope, RateLimitKey key) {
		RateLimit limit = limit(scope);
		return (limit != null) ? this.limiter.probe(key, limit) : null;
	}

	/**
	 * Spends one request of a budget of the caller's own, outside the configured scopes, without refusing: for
	 * things that must happen at most so often (an alert a day).
	 * @param key the key
	 * @param limit the limit
	 * @return whether the request was within the budget; {@code true} while rate limiting is off
	 */
	public boolean tryOnce(RateLimitKey key, RateLimit limit) {
		return this.limiter == null || this.limiter.tryConsume(key, limit).allowed();
	}

	/**
	 * Spends one request of a budget whose key the caller made.
	 * @param scope the scope
	 * @param key the key
	 * @throws RateLimitedException if the budget is used up
	 */
	public void spend(String scope, RateLimitKey key) {
		RateLimit limit = this.limits.get(scope);
		if (this.limiter == null || limit == null) {
			return;
		}
		RateLimitDecision decision = this.limiter.tryConsume(key, limit);
		this.listener.decided(scope, limit, decision);
		if (!decision.allowed()) {
			this.listener.refused(scope);
			throw new RateLimitedException(scope, decision.retryAfter());
		}
	}

}
