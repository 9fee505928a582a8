package io.myuser.session;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How sessions behave.
 *
 * @param idleTimeout a session that saw no activity for this long ends
 * @param activityResolution how stale {@code last_activity} may get on plain requests before it is written again
 * @param revocationHorizon how long a revoked session's access tokens may still be presented (the access-token
 * lifetime plus clock leeway): revocation records are kept that long
 * @param cacheSize most sessions whose owner, and most sessions whose last written activity, a node keeps in memory
 * (each cache evicts entry by entry beyond it: an evicted session costs one query when it comes back)
 */
public record SessionSettings(Duration idleTimeout, Duration activityResolution, Duration revocationHorizon,
		int cacheSize) {

	/** How many sessions the caches of a node hold unless told otherwise. */
	public static final int DEFAULT_CACHE_SIZE = 200_000;

	public SessionSettings {
		Assert.isTrue(idleTimeout != null && !idleTimeout.isNegative() && !idleTimeout.isZero(),
				"idleTimeout must be positive");
		Assert.isTrue(activityResolution != null && !activityResolution.isNegative(),
				"activityResolution must not be negative");
		Assert.isTrue(revocationHorizon != null && !revocationHorizon.isNegative(),
				"revocationHorizon must not be negative");
		Assert.isTrue(cacheSize >= 0, "cacheSize must not be negative");
	}

	/**
	 * Settings whose caches hold {@value #DEFAULT_CACHE_SIZE} sessions.
	 * @param idleTimeout a session that saw no activity for this long ends
	 * @param activityResolution how stale {@code last_activity} may get on plain requests before it is written again
	 * @param revocationHorizon how long a revoked session's access tokens may still be presented
	 */
	public SessionSettings(Duration idleTimeout, Duration activityResolution, Duration revocationHorizon) {
		this(idleTimeout, activityResolution, revocationHorizon, DEFAULT_CACHE_SIZE);
	}

}
