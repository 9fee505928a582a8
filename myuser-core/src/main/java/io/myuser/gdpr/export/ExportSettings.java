package io.myuser.gdpr.export;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How export archives are built and kept.
 *
 * @param retention how long an archive can be downloaded before it is deleted
 * @param maxDownloads how many times its link may be used, or {@code null} for no limit
 * @param pageSize how many rows are read from the database at a time
 */
public record ExportSettings(Duration retention, @Nullable Integer maxDownloads, int pageSize) {

	public ExportSettings {
		Assert.isTrue(retention != null && !retention.isNegative() && !retention.isZero(),
				"retention must be positive");
		Assert.isTrue(maxDownloads == null || maxDownloads > 0, "maxDownloads must be positive");
		Assert.isTrue(pageSize > 0 && pageSize <= 100_000, "pageSize must be between 1 and 100000");
	}

	/**
	 * The defaults: kept seven days, five downloads, pages of 1,000 rows.
	 * @return the default settings
	 */
	public static ExportSettings defaults() {
		return new ExportSettings(Duration.ofDays(7), 5, 1000);
	}

}
