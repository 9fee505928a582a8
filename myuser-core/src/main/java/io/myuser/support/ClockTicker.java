package io.myuser.support;

import java.time.Clock;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.util.Assert;

/**
 * A Caffeine {@link Ticker} that reads the application's {@link Clock}, so that cache entries expire on the same
 * time line as the expiry times they are computed from ({@code exp} of a token, the end of a session), and a clock
 * moved in a test moves the caches' expiry with it. A clock set back makes entries live longer than computed, never
 * shorter; the caches that use this ticker check the expiry they hold against the clock on every read as well.
 */
public final class ClockTicker implements Ticker {

	private final Clock clock;

	/**
	 * Create a ticker.
	 * @param clock the clock it reads
	 */
	public ClockTicker(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	@Override
	public long read() {
		Instant now = this.clock.instant();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

}
