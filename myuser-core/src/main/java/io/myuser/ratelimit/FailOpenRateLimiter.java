package io.myuser.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * What happens while the store is down ({@code myuser.rate-limit.fail-open}): failing open lets requests through
 * unlimited, failing closed refuses them with {@link RateLimitUnavailableException}. Either way every failure is
 * counted ({@link #getStoreFailures()}) and logged, at most once a minute with the number since the last line, so
 * that an outage does not flood the log.
 */
public class FailOpenRateLimiter implements RateLimiter {

	private static final Logger logger = LoggerFactory.getLogger(FailOpenRateLimiter.class);

	private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

	private static final Duration CLOSED_RETRY_AFTER = Duration.ofSeconds(5);

	private final RateLimiter store;

	private final boolean failOpen;

	private final Clock clock;

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong unlogged = new AtomicLong();

	private final AtomicReference<Instant> lastLogged = new AtomicReference<>(Instant.MIN);

	public FailOpenRateLimiter(RateLimiter store, boolean failOpen, Clock clock) {
		Assert.notNull(store, "store cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.store = store;
		this.failOpen = failOpen;
		this.clock = clock;
	}

	@Override
	public RateLimitDecision tryConsume(RateLimitKey key, RateLimit limit) {
		try {
			return this.store.tryConsume(key, limit);
		}
		catch (RateLimitStoreException ex) {
			return failed(ex, limit);
		}
	}

	@Override
	public RateLimitDecision probe(RateLimitKey key, RateLimit limit) {
		try {
			return this.store.probe(key, limit);
		}
		catch (RateLimitStoreException ex) {
			return failed(ex, limit);
		}
	}

	@Override
	public void reset(RateLimitKey key) {
		try {
			this.store.reset(key);
		}
		catch (RateLimitStoreException ex) {
			// A reset that did not happen leaves a budget spent until its window ends: log it, never refuse.
			record(ex);
		}
	}

	/**
	 * Gives the key its whole budget back, and tells whether the store could, for a caller that makes several resets
	 * in a row and stops at the first failure (the store is down: each further call would wait for it too). A
	 * failure is counted ({@link #getStoreFailures()}, and in the next warning's number) but not logged here: the
	 * caller says what could not be forgotten.
	 * @param key the budget
	 * @return whether the store reset it
	 */
	public boolean tryReset(RateLimitKey key) {
		try {
			this.store.reset(key);
			return true;
		}
		catch (RateLimitStoreException ex) {
			this.failures.incrementAndGet();
			this.unlogged.incrementAndGet();
			return false;
		}
	}

	/**
	 * Return how many calls found the store down since startup.
	 * @return the count
	 */
	public long getStoreFailures() {
		return this.failures.get();
	}

	/**
	 * Return the store behind this limiter.
	 * @return the store
	 */
	public RateLimiter getStore() {
		return this.store;
	}

	private RateLimitDecision failed(RateLimitStoreException ex, RateLimit limit) {
		record(ex);
		if (this.failOpen) {
			return new RateLimitDecision(true, limit.capacity(), Duration.ZERO, Duration.ZERO);
		}
		throw new RateLimitUnavailableException(CLOSED_RETRY_AFTER);
	}

	private void record(RateLimitStoreException ex) {
		this.failures.incrementAndGet();
		this.unlogged.incrementAndGet();
		Instant now = this.clock.instant();
		Instant last = this.lastLogged.get();
		if (now.isBefore(last.plus(LOG_INTERVAL)) || !this.lastLogged.compareAndSet(last, now)) {
			return;
		}
		long count = this.unlogged.getAndSet(0);
		logger.warn("The rate-limit store cannot be reached ({} call(s) since the last report); requests are {} "
				+ "until it is back: {}", count, this.failOpen ? "let through unlimited (fail-open)"
						: "refused with 503 (fail-closed)", ex.getMessage());
	}

}
