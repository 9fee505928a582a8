package io.myuser.jobs;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How a failed job is retried: the first retry waits {@code initialDelay}, each later one
 * {@code backoffMultiplier} times longer than the one before (the wait after the n-th failed attempt is
 * {@code initialDelay * backoffMultiplier^(n-1)}), and after {@code maxAttempts} failed attempts (the first run
 * included) the job is given up.
 *
 * @param initialDelay the wait before the first retry
 * @param maxAttempts how many attempts a job gets in all, the first one included
 * @param backoffMultiplier by how much each wait grows
 */
public record RetrySettings(Duration initialDelay, int maxAttempts, double backoffMultiplier) {

	public RetrySettings {
		Assert.isTrue(initialDelay != null && !initialDelay.isNegative(), "initialDelay must not be negative");
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.isTrue(backoffMultiplier >= 1.0, "backoffMultiplier must be at least 1");
	}

	/**
	 * The defaults: ten attempts, the first retry after 10 seconds, each wait twice the one before (about 85
	 * minutes from the first failure to the last attempt).
	 * @return the default settings
	 */
	public static RetrySettings defaults() {
		return new RetrySettings(Duration.ofSeconds(10), 10, 2.0);
	}

}
