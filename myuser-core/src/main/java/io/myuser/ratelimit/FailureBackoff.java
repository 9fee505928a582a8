package io.myuser.ratelimit;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * Growing waits after repeated failures (wrong passwords), always temporary. A track (one key, such as an address
 * with a client IP) may fail {@code freeFailures} times at no cost; every further failure makes the next attempt
 * wait, {@code firstWait} at first and twice as long after each further failure, up to {@code maxWait}. The
 * failures are forgotten {@code memory} after the first of them, or when the owner proves who they are
 * ({@link #forget}). Nothing is ever locked for good.
 * <p>
 * It is built on the budgets of a {@link RateLimiter}, so it works on every store and is shared by every node: the
 * failures are the spent tokens of a large budget that comes back after {@code memory}, and each wait is a budget of
 * one request per wait, spent by the failure that started it.
 */
public class FailureBackoff {

	/** Most failures a track counts in one memory window; more count as this many. */
	static final long MAX_COUNTED = 100_000;

	private final RateLimiter limiter;

	private final Settings settings;

	private final RateLimit failures;

	private final RateLimitListener listener;

	public FailureBackoff(RateLimiter limiter, Settings settings) {
		this(limiter, settings, RateLimitListener.NONE);
	}

	/**
	 * Create a backoff that tells a listener of every attempt it refuses.
	 * @param limiter the store
	 * @param settings how the waits grow
	 * @param listener told of refusals ({@link RateLimitListener#refused})
	 */
	public FailureBackoff(RateLimiter limiter, Settings settings, RateLimitListener listener) {
		Assert.notNull(limiter, "limiter cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(listener, "listener cannot be null");
		this.limiter = limiter;
		this.settings = settings;
		this.listener = listener;
		this.failures = new RateLimit(MAX_COUNTED, settings.memory());
	}

	/**
	 * Refuses an attempt while its track waits.
	 * @param scope the track's scope, such as {@code login.failures.per-address}
	 * @param track the track
	 * @return the failures the track has counted (so that a caller forgets only what there is to forget)
	 * @throws RateLimitedException while the track waits
	 */
	public long check(String scope, RateLimitKey track) {
		long failed = failures(track);
		if (failed <= this.settings.freeFailures()) {
			return failed;
		}
		int level = level(failed);
		// Spent, not only read: once a wait is over, one attempt goes on, and parallel ones wait for its outcome
		// (a failure starts the next, longer wait), so no burst of guesses slips through at the end of a wait.
		RateLimitDecision wait = this.limiter.tryConsume(waitKey(track, level), waitLimit(level));
		if (!wait.allowed()) {
			this.listener.refused(scope);
			throw new RateLimitedException(scope, wait.retryAfter());
		}
		return failed;
	}

	/**
	 * Counts a failure of the track and starts its wait when it has used its free failures.
	 * @param track the track
	 * @return whether this failure started the track's first wait (in this memory window)
	 */
	public boolean recordFailure(RateLimitKey track) {
		RateLimitDecision counted = this.limiter.tryConsume(failureKey(track), this.failures);
		long failed = MAX_COUNTED - counted.remaining();
		if (failed <= this.settings.freeFailures()) {
			return false;
		}
		int level = level(failed);
		RateLimitKey waitKey = waitKey(track, level);
		this.limiter.reset(waitKey);
		this.limiter.tryConsume(waitKey, waitLimit(level));
		return failed == this.settings.freeFailures() + 1;
	}

	/**
	 * Forgets the track's failures and waits. The count of failures goes first: once it is forgotten, the waits
	 * left are never read again (each failure past the free ones starts its wait afresh), so a forgetting the store
	 * cuts short after it leaves nothing that still refuses. The first failure of the store ends the forgetting,
	 * rather than waiting for a store that is down once per wait; what is left is forgotten as if no one had asked,
	 * at the end of its wait and of {@code memory}.
	 * @param track the track
	 * @return whether everything was forgotten; {@code false} when the store failed (with a limiter wrapped in
	 * {@link FailOpenRateLimiter}, which counts the failure)
	 * @throws RateLimitStoreException if the store failed and the limiter is not wrapped in its failure policy
	 */
	public boolean forget(RateLimitKey track) {
		if (!reset(failureKey(track))) {
			return false;
		}
		for (int level = 0; level <= maxLevel(); level++) {
			if (!reset(waitKey(track, level))) {
				return false;
			}
		}
		return true;
	}

	private boolean reset(RateLimitKey key) {
		if (this.limiter instanceof FailOpenRateLimiter failOpen) {
			return failOpen.tryReset(key);
		}
		this.limiter.reset(key);
		return true;
	}

	/**
	 * Return the wait after the given number of failures, zero while they are free.
	 * @param failed the failures counted
	 * @return the wait
	 */
	public Duration waitAfter(long failed) {
		return (failed <= this.settings.freeFailures()) ? Duration.ZERO : waitLimit(level(failed)).period();
	}

	/**
	 * Return the failures the track has counted in its memory window, without spending anything.
	 * @param track the track
	 * @return the count
	 */
	public long failures(RateLimitKey track) {
		RateLimitDecision counted = this.limiter.probe(failureKey(track), this.failures);
		return MAX_COUNTED - counted.remaining();
	}

	private int level(long failed) {
		return (int) Math.min(failed - this.settings.freeFailures() - 1, maxLevel());
	}

	/** The level from which the wait is the cap. */
	private int maxLevel() {
		int level = 0;
		Duration wait = this.settings.firstWait();
		while (wait.compareTo(this.settings.maxWait()) < 0 && level < 40) {
			wait = wait.multipliedBy(2);
			level++;
		}
		return level;
	}

	private RateLimit waitLimit(int level) {
		Duration wait = this.settings.firstWait().multipliedBy(1L << Math.min(level, 40));
		return new RateLimit(1, (wait.compareTo(this.settings.maxWait()) > 0) ? this.settings.maxWait() : wait);
	}

	private static RateLimitKey failureKey(RateLimitKey track) {
		return new RateLimitKey(track.scope() + ".failed", track.subject());
	}

	private static RateLimitKey waitKey(RateLimitKey track, int level) {
		return new RateLimitKey(track.scope() + ".wait" + level, track.subject());
	}

	/**
	 * How the waits grow.
	 *
	 * @param freeFailures failures a track may have before it waits
	 * @param firstWait the first wait
	 * @param maxWait the longest wait
	 * @param memory how long failures are counted, from the first of them
	 */
	public record Settings(int freeFailures, Duration firstWait, Duration maxWait, Duration memory) {

		public Settings {
			Assert.isTrue(freeFailures >= 1, "freeFailures must be at least 1");
			Assert.isTrue(firstWait != null && firstWait.compareTo(Duration.ofSeconds(1)) >= 0,
					"firstWait must be at least a second");
			Assert.isTrue(maxWait != null && maxWait.compareTo(firstWait) >= 0, "maxWait must be at least firstWait");
			Assert.isTrue(maxWait.compareTo(RateLimit.MAX_PERIOD) <= 0, "maxWait must be at most 366 days");
			Assert.isTrue(memory != null && memory.compareTo(Duration.ofSeconds(1)) >= 0
					&& memory.compareTo(RateLimit.MAX_PERIOD) <= 0, "memory must be between a second and 366 days");
		}

	}

}
