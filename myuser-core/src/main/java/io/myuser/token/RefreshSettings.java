package io.myuser.token;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How refresh tokens are used.
 *
 * @param rotate whether each refresh issues a new refresh token and retires the presented one
 * @param reuseGracePeriod how long after a rotation the same retired token may be presented again and get the
 * same successor pair (tabs racing, a lost response); after that, presenting it is treated as theft
 */
public record RefreshSettings(boolean rotate, Duration reuseGracePeriod) {

	public RefreshSettings {
		Assert.isTrue(reuseGracePeriod != null && !reuseGracePeriod.isNegative(),
				"reuseGracePeriod must not be negative");
	}

	/**
	 * The defaults: rotation on, 10 second grace period.
	 * @return the settings
	 */
	public static RefreshSettings defaults() {
		return new RefreshSettings(true, Duration.ofSeconds(10));
	}

}
