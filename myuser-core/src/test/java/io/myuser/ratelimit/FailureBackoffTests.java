package io.myuser.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Waits after repeated failures: free failures first, then a wait that doubles with every further failure up to
 * the cap, forgotten after the memory window or on {@link FailureBackoff#forget}; never a permanent lock.
 */
class FailureBackoffTests {

	private final SteppedClock clock = new SteppedClock();

	private final FailureBackoff backoff = new FailureBackoff(new MemoryRateLimiter(this.clock, 10_000),
			new FailureBackoff.Settings(3, Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofDays(1)));

	private final RateLimitKey track = new RateLimitKey("login.failures.per-address-ip", "track1");

	@Test
	void freeFailuresThenWaitsThatDoubleUpToTheCap() {
		for (int i = 0; i < 3; i++) {
			this.backoff.check("s", this.track);
			assertThat(this.backoff.recordFailure(this.track)).isFalse();
		}
		this.backoff.check("s", this.track);
		assertThat(this.backoff.recordFailure(this.track)).as("the first wait starts").isTrue();
		long[] expectedMinutes = { 1, 2, 4, 8, 10, 10 };
		for (long minutes : expectedMinutes) {
			RateLimitedException waiting = assertThatExceptionOfType(RateLimitedException.class)
				.isThrownBy(() -> this.backoff.check("s", this.track))
				.actual();
			assertThat(waiting.getRetryAfter()).hasValue(Duration.ofMinutes(minutes));
			this.clock.advance(Duration.ofMinutes(minutes).plusSeconds(1));
			this.backoff.check("s", this.track);
			assertThat(this.backoff.recordFailure(this.track)).isFalse();
		}
	}

	@Test
	void failuresAreForgottenAfterTheMemoryWindowOrWhenAsked() {
		for (int i = 0; i < 4; i++) {
			this.backoff.recordFailure(this.track);
		}
		assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> this.backoff.check("s", this.track));
		this.backoff.forget(this.track);
		this.backoff.check("s", this.track);
		for (int i = 0; i < 4; i++) {
			this.backoff.recordFailure(this.track);
		}
		this.clock.advance(Duration.ofDays(1).plusSeconds(1));
		this.backoff.check("s", this.track);
		assertThat(this.backoff.recordFailure(this.track)).as("counting starts again").isFalse();
	}

	@Test
	void neverLockedForGood() {
		long seed = System.nanoTime();
		System.out.println("FailureBackoffTests.neverLockedForGood seed " + seed);
		Random random = new Random(seed);
		for (int i = 0; i < 200; i++) {
			this.backoff.recordFailure(this.track);
			if (random.nextInt(4) == 0) {
				this.clock.advance(Duration.ofSeconds(random.nextInt(900)));
			}
		}
		// Whatever happened, the cap bounds the wait.
		this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
		this.backoff.check("s", this.track);
		assertThat(this.backoff.waitAfter(1_000_000)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void tracksAreIndependent() {
		RateLimitKey other = new RateLimitKey("login.failures.per-address-ip", "track2");
		for (int i = 0; i < 10; i++) {
			this.backoff.recordFailure(this.track);
		}
		this.backoff.check("s", other);
	}

	@Test
	void forgetStopsAtTheFirstFailureOfTheStoreAndSaysSo() {
		FlakyResets store = new FlakyResets(new MemoryRateLimiter(this.clock, 10_000), 0);
		FailureBackoff backoff = new FailureBackoff(new FailOpenRateLimiter(store, true, this.clock),
				new FailureBackoff.Settings(3, Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofDays(1)));
		for (int i = 0; i < 4; i++) {
			backoff.recordFailure(this.track);
		}
		int resets = store.resets;

		assertThat(backoff.forget(this.track)).isFalse();
		assertThat(store.resets - resets).as("resets tried while the store fails").isEqualTo(1);
		assertThatExceptionOfType(RateLimitedException.class).as("nothing was forgotten")
			.isThrownBy(() -> backoff.check("s", this.track));
		assertThatExceptionOfType(RateLimitStoreException.class).as("a store without its failure policy")
			.isThrownBy(() -> new FailureBackoff(store, new FailureBackoff.Settings(3, Duration.ofMinutes(1),
					Duration.ofMinutes(10), Duration.ofDays(1))).forget(this.track));
	}

	@Test
	void aForgettingCutShortAfterTheCountLeavesNothingThatRefuses() {
		// The store forgets the count of failures, then fails for every wait.
		FlakyResets store = new FlakyResets(new MemoryRateLimiter(this.clock, 10_000), 1);
		FailureBackoff backoff = new FailureBackoff(new FailOpenRateLimiter(store, true, this.clock),
				new FailureBackoff.Settings(3, Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofDays(1)));
		for (int i = 0; i < 6; i++) {
			backoff.recordFailure(this.track);
		}
		store.resets = 0;

		assertThat(backoff.forget(this.track)).isFalse();
		backoff.check("s", this.track);
		for (int i = 0; i < 3; i++) {
			assertThat(backoff.recordFailure(this.track)).isFalse();
			backoff.check("s", this.track);
		}
		store.failAfter = Integer.MAX_VALUE;
		assertThat(backoff.recordFailure(this.track)).as("a first wait again").isTrue();
		RateLimitedException waiting = assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> backoff.check("s", this.track))
			.actual();
		assertThat(waiting.getRetryAfter()).hasValue(Duration.ofMinutes(1));
	}

	/** A store whose resets fail once it has made {@code failAfter} of them. */
	private static final class FlakyResets implements RateLimiter {

		private final RateLimiter store;

		int failAfter;

		int resets;

		FlakyResets(RateLimiter store, int failAfter) {
			this.store = store;
			this.failAfter = failAfter;
		}

		@Override
		public RateLimitDecision tryConsume(RateLimitKey key, RateLimit limit) {
			return this.store.tryConsume(key, limit);
		}

		@Override
		public RateLimitDecision probe(RateLimitKey key, RateLimit limit) {
			return this.store.probe(key, limit);
		}

		@Override
		public void reset(RateLimitKey key) {
			if (++this.resets > this.failAfter) {
				throw new RateLimitStoreException("connection refused", new java.io.IOException("refused"));
			}
			this.store.reset(key);
		}

	}

	static final class SteppedClock extends Clock {

		private Instant now = Instant.parse("2026-12-03T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
