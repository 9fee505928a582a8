package io.myuser.ratelimit;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * The answer of a {@link RateLimiter}.
 *
 * @param allowed whether the request may go on (its token was spent)
 * @param remaining tokens left in the budget after this request
 * @param retryAfter when refused, how long until a request would be allowed again; zero when allowed
 * @param reset how long until the whole budget is back
 */
public record RateLimitDecision(boolean allowed, long remaining, Duration retryAfter, Duration reset) {

	public RateLimitDecision {
		Assert.isTrue(remaining >= 0, "remaining cannot be negative");
		Assert.isTrue(retryAfter != null && !retryAfter.isNegative(), "retryAfter cannot be negative");
		Assert.isTrue(reset != null && !reset.isNegative(), "reset cannot be negative");
		Assert.isTrue(!allowed || retryAfter.isZero(), "an allowed request has no retryAfter");
	}

}
