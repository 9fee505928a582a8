package io.myuser.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * While the store is down, failing open lets every call through and failing closed refuses it with a 503 refusal;
 * either way each failure is counted, and the log gets one warning a minute with the number since the last one.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailOpenRateLimiterTests {

	private static final RateLimit LIMIT = RateLimit.parse("3/min");

	private static final RateLimitKey KEY = new RateLimitKey("login.per-ip", "subject");

	private final FailureBackoffTests.SteppedClock clock = new FailureBackoffTests.SteppedClock();

	private final RateLimiter down = new RateLimiter() {

		@Override
		public RateLimitDecision tryConsume(RateLimitKey key, RateLimit limit) {
			throw new RateLimitStoreException("connection refused", new java.io.IOException("refused"));
		}

		@Override
		public RateLimitDecision probe(RateLimitKey key, RateLimit limit) {
			throw new RateLimitStoreException("connection refused", new java.io.IOException("refused"));
		}

		@Override
		public void reset(RateLimitKey key) {
			throw new RateLimitStoreException("connection refused", new java.io.IOException("refused"));
		}

	};

	@Test
	void failingOpenLetsEveryCallThroughCountsAndLogsOnceAMinute(CapturedOutput output) {
		FailOpenRateLimiter limiter = new FailOpenRateLimiter(this.down, true, this.clock);
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.tryConsume(KEY, LIMIT).allowed()).isTrue();
			assertThat(limiter.probe(KEY, LIMIT).allowed()).isTrue();
			limiter.reset(KEY);
		}
		assertThat(limiter.getStoreFailures()).isEqualTo(30);
		assertThat(warnings(output)).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(61));
		limiter.tryConsume(KEY, LIMIT);
		assertThat(warnings(output)).isEqualTo(2);
		assertThat(output.getOut()).contains("30 call(s) since the last report").contains("fail-open");
	}

	@Test
	void failingClosedRefusesWith503AndARetryAfter() {
		FailOpenRateLimiter limiter = new FailOpenRateLimiter(this.down, false, this.clock);
		RateLimitUnavailableException refused = assertThatExceptionOfType(RateLimitUnavailableException.class)
			.isThrownBy(() -> limiter.tryConsume(KEY, LIMIT))
			.actual();
		assertThat(refused.getReason()).isEqualTo(io.myuser.support.RefusedException.Reason.UNAVAILABLE);
		assertThat(refused.getRetryAfter()).hasValue(Duration.ofSeconds(5));
		// A reset that could not happen never refuses: the budget simply stays spent until its window ends.
		limiter.reset(KEY);
		assertThat(limiter.getStoreFailures()).isEqualTo(2);
	}

	@Test
	void tryResetSaysTheStoreFailedAndCountsItForTheNextWarning(CapturedOutput output) {
		FailOpenRateLimiter limiter = new FailOpenRateLimiter(this.down, true, this.clock);
		assertThat(limiter.tryReset(KEY)).isFalse();
		assertThat(limiter.getStoreFailures()).isEqualTo(1);
		assertThat(warnings(output)).as("the caller says what could not be reset").isZero();
		limiter.tryConsume(KEY, LIMIT);
		assertThat(output.getOut()).contains("2 call(s) since the last report");
		FailOpenRateLimiter up = new FailOpenRateLimiter(new MemoryRateLimiter(this.clock, 100), true, this.clock);
		assertThat(up.tryReset(KEY)).isTrue();
	}

	private static long warnings(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.contains("The rate-limit store cannot be reached")).count();
	}

}
