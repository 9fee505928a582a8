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
 */
public record SessionSettings(Duration idleTimeout, Duration activityResolution, Duration revocationHorizon) {

	public SessionSettings {
		Assert.isTrue(idleTimeout != null && !idleTimeout.isNegative() && !idleTimeout.isZero(),
				"idleTimeout must be positive");
		Assert.isTrue(activityResolution != null && !activityResolution.isNegative(),
				"activityResolution must not be negative");
		Assert.isTrue(revocationHorizon != null && !revocationHorizon.isNegative(),
				"revocationHorizon must not be negative");
	}

}
