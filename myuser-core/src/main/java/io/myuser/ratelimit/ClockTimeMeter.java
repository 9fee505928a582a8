package io.myuser.ratelimit;

import java.time.Clock;
import java.time.Instant;

import io.github.bucket4j.TimeMeter;

import org.springframework.util.Assert;

/**
 * Bucket4j's time source read from the application's {@link Clock}: nanoseconds since the epoch, so that buckets
 * written by several nodes (and by a node before and after a restart) are on one time line, and a clock moved in a
 * test moves every bucket with it.
 */
final class ClockTimeMeter implements TimeMeter {

	private final Clock clock;

	ClockTimeMeter(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	@Override
	public long currentTimeNanos() {
		Instant now = this.clock.instant();
		return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
	}

	@Override
	public boolean isWallClockBased() {
		return true;
	}

}
