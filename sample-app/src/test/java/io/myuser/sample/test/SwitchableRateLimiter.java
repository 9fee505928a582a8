package io.myuser.sample.test;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.myuser.ratelimit.MemoryRateLimiter;
import io.myuser.ratelimit.RateLimit;
import io.myuser.ratelimit.RateLimitDecision;
import io.myuser.ratelimit.RateLimitKey;
import io.myuser.ratelimit.RateLimitStoreException;
import io.myuser.ratelimit.RateLimiter;

/**
 * A rate-limit store a test can take down and bring back, as a host's {@link RateLimiter} bean: MyUser's memory
 * store while it is up; while it is down, every call throws {@link RateLimitStoreException} (as the Redis and
 * PostgreSQL stores do when they cannot be reached) and is counted.
 */
public final class SwitchableRateLimiter implements RateLimiter {

	private final MemoryRateLimiter store;

	private final AtomicBoolean down = new AtomicBoolean();

	private final AtomicInteger callsWhileDown = new AtomicInteger();

	public SwitchableRateLimiter(Clock clock) {
		this.store = new MemoryRateLimiter(clock, 100_000);
	}

	/** Takes the store down: from now on every call fails. */
	public void goDown() {
		this.callsWhileDown.set(0);
		this.down.set(true);
	}

	/** Brings the store back, with what it held before it went down. */
	public void comeBack() {
		this.down.set(false);
	}

	/**
	 * Return how many calls failed since the store last went down.
	 * @return the count
	 */
	public int callsWhileDown() {
		return this.callsWhileDown.get();
	}

	@Override
	public RateLimitDecision tryConsume(RateLimitKey key, RateLimit limit) {
		failIfDown();
		return this.store.tryConsume(key, limit);
	}

	@Override
	public RateLimitDecision probe(RateLimitKey key, RateLimit limit) {
		failIfDown();
		return this.store.probe(key, limit);
	}

	@Override
	public void reset(RateLimitKey key) {
		failIfDown();
		this.store.reset(key);
	}

	private void failIfDown() {
		if (this.down.get()) {
			this.callsWhileDown.incrementAndGet();
			throw new RateLimitStoreException("The test store is down",
					new java.net.ConnectException("Connection refused"));
		}
	}

}
