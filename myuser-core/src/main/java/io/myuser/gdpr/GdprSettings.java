package io.myuser.gdpr;

import java.time.Duration;
import java.time.Period;

import org.springframework.util.Assert;

/**
 * How data requests are handled.
 *
 * @param responseTime how long the controller has to answer a request (GDPR Art. 12(3): one month); recorded as
 * each request's due date
 * @param deletionGracePeriod how long a deletion request waits, withdrawable, before the account is erased; may
 * be zero
 * @param exportEnabled whether users may request exports
 * @param deletionEnabled whether users may request the deletion of their account
 */
public record GdprSettings(Period responseTime, Duration deletionGracePeriod, boolean exportEnabled,
		boolean deletionEnabled) {

	public GdprSettings {
		Assert.isTrue(responseTime != null && !responseTime.isNegative() && !responseTime.isZero(),
				"responseTime must be positive");
		Assert.isTrue(deletionGracePeriod != null && !deletionGracePeriod.isNegative(),
				"deletionGracePeriod must not be negative");
	}

	/**
	 * The defaults: one month to answer, deletions wait seven days, exports and deletions offered.
	 * @return the default settings
	 */
	public static GdprSettings defaults() {
		return new GdprSettings(Period.ofMonths(1), Duration.ofDays(7), true, true);
	}

}
