package io.myuser.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every 429 is told to the listeners once, with its scope, whether a budget was used up or a wait after failures
 * refused the attempt; a listener that throws neither changes the decision nor keeps the others from being told.
 */
class RateLimitListenerTests {

	private final FailureBackoffTests.SteppedClock clock = new FailureBackoffTests.SteppedClock();

	private final List<String> refused = new ArrayList<>();

	private final List<String> decided = new ArrayList<>();

	private final RateLimitListener recording = new RateLimitListener() {

		@Override
		public void decided(String scope, RateLimit limit, RateLimitDecision decision) {
			RateLimitListenerTests.this.decided.add(scope);
		}

		@Override
		public void refused(String scope) {
			RateLimitListenerTests.this.refused.add(scope);
		}

	};

	private final RateLimitListener failing = new RateLimitListener() {

		@Override
		public void decided(String scope, RateLimit limit, RateLimitDecision decision) {
			throw new IllegalStateException("broken listener");
		}

		@Override
		public void refused(String scope) {
			throw new IllegalStateException("broken listener");
		}

	};

	private RateLimits limits(RateLimitListener listener) {
		return new RateLimits(new MemoryRateLimiter(this.clock, 1_000), new RateLimitKeys(new byte[32]),
				Map.of("login.per-ip", RateLimit.parse("2/min")), listener);
	}

	@Test
	void spendWhenBudgetUsedUpThenRefusedIsToldOnce() {
		RateLimits limits = limits(RateLimitListener.composite(List.of(this.failing, this.recording)));
		limits.spendForIp("login.per-ip", "192.0.2.1");
		limits.spendForIp("login.per-ip", "192.0.2.1");
		assertThat(this.refused).isEmpty();
		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> limits.spendForIp("login.per-ip", "192.0.2.1"));
		assertThat(this.decided).containsExactly("login.per-ip", "login.per-ip", "login.per-ip");
		assertThat(this.refused).containsExactly("login.per-ip");
	}

	@Test
	void checkWhenWaitingAfterFailuresThenRefusedIsTold() {
		RateLimits limits = limits(this.recording);
		FailureBackoff backoff = limits
			.backoff(new FailureBackoff.Settings(1, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofDays(1)));
		RateLimitKey track = new RateLimitKey("login.failures.per-address-ip", "track");
		backoff.recordFailure(track);
		backoff.recordFailure(track);
		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> backoff.check("login.failures.per-address-ip", track));
		assertThat(this.refused).containsExactly("login.failures.per-address-ip");
	}

	@Test
	void compositeWhenOneListenerThenThatListener() {
		assertThat(RateLimitListener.composite(List.of(this.recording))).isSameAs(this.recording);
		assertThat(RateLimitListener.composite(List.of())).isSameAs(RateLimitListener.NONE);
	}

}
