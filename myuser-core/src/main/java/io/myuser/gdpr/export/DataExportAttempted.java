package io.myuser.gdpr.export;

import java.time.Duration;
import java.util.Locale;

import org.springframework.util.Assert;

/**
 * Published after every attempt of the job engine to build an export archive, outside any transaction: what became
 * of it, how long it took and how large the archive was, and nothing about whose data it was (metrics count it).
 * Attempts that find nothing to do (the request is gone or no longer open, or its account went away before the
 * attempt began) publish nothing.
 *
 * @param result what became of the attempt
 * @param duration how long the attempt took, measured with the JVM's monotonic timer
 * @param sizeBytes the archive's size, or 0 when none was stored
 */
public record DataExportAttempted(Result result, Duration duration, long sizeBytes) {

	public DataExportAttempted {
		Assert.notNull(result, "result cannot be null");
		Assert.notNull(duration, "duration cannot be null");
		Assert.isTrue(sizeBytes >= 0, "sizeBytes must not be negative");
	}

	/**
	 * What became of an export attempt.
	 */
	public enum Result {

		/** The archive was stored and recorded; the "export ready" email follows. */
		COMPLETED,
		/** The attempt failed (the storage, the exporter or the database); the job engine retries it. */
		FAILED,
		/** The account was erased or deactivated meanwhile: the request failed and no archive is kept. */
		DISCARDED;

		/**
		 * Return the name used in metric tags: the constant's name in lower case.
		 * @return the tag value
		 */
		public String tagValue() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
