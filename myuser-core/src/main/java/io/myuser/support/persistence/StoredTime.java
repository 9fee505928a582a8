package io.myuser.support.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.util.Assert;

/**
 * Times as MyUser's tables keep them: to the microsecond ({@code timestamp(6)} on every supported database).
 * Entities cut a time to this precision when they are given it, so what an answer shows right after a write is
 * what every later read shows; left to the database, the extra digits would be cut or rounded (PostgreSQL rounds)
 * on the way in, and the answer of the write would disagree with the stored value.
 */
public final class StoredTime {

	private StoredTime() {
	}

	/**
	 * The time as it is stored.
	 * @param time a time, at any precision
	 * @return the same time cut to the microsecond
	 */
	public static Instant of(Instant time) {
		Assert.notNull(time, "time cannot be null");
		return time.truncatedTo(ChronoUnit.MICROS);
	}

}
