package io.myuser.admin;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How the administration API behaves.
 *
 * @param verificationEmailInterval the least time between two verification mails an administrator sends to one
 * account (a double click sends one)
 * @param defaultPageSize the page size of the account search when none is asked for
 * @param maxPageSize the largest page size the account search answers
 */
public record AdminSettings(Duration verificationEmailInterval, int defaultPageSize, int maxPageSize) {

	public AdminSettings {
		Assert.notNull(verificationEmailInterval, "verificationEmailInterval cannot be null");
		Assert.isTrue(!verificationEmailInterval.isNegative(), "verificationEmailInterval must not be negative");
		Assert.isTrue(defaultPageSize > 0, "defaultPageSize must be positive");
		Assert.isTrue(maxPageSize >= defaultPageSize, "maxPageSize must be at least defaultPageSize");
	}

	/**
	 * The defaults: one minute between verification mails, pages of 20, at most 100.
	 * @return the default settings
	 */
	public static AdminSettings defaults() {
		return new AdminSettings(Duration.ofMinutes(1), 20, 100);
	}

}
