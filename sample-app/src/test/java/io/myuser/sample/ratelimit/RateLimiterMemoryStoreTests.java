package io.myuser.sample.ratelimit;

import java.time.Clock;
import java.time.Duration;

import io.myuser.ratelimit.MemoryRateLimiter;
import io.myuser.ratelimit.RateLimit;
import io.myuser.ratelimit.RateLimitKey;
import io.myuser.ratelimit.RateLimiter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract on the memory store, and its bounds: at most {@code maximumKeys} budgets, each forgotten once it is
 * whole again.
 */
class RateLimiterMemoryStoreTests extends RateLimiterContractTests {

	@Override
	RateLimiter newLimiter(Clock clock) {
		return new MemoryRateLimiter(clock, 100_000);
	}

	@Override
	int manyKeys() {
		return 50_000;
	}

	@Test
	void a_flood_of_keys_holds_no_more_budgets_than_the_bound() {
		MemoryRateLimiter bounded = new MemoryRateLimiter(this.clock, 1_000);
		for (int i = 0; i < 50_000; i++) {
			assertThat(bounded.tryConsume(newKey("login.per-ip"), THREE_PER_MINUTE).allowed()).isTrue();
			if (i % 10_000 == 0) {
				assertThat(bounded.estimatedKeyCount()).isLessThanOrEqualTo(1_000);
			}
		}
		assertThat(bounded.estimatedKeyCount()).isLessThanOrEqualTo(1_000).isGreaterThan(0);
	}

	@Test
	void a_budget_is_forgotten_once_it_is_whole_again() {
		MemoryRateLimiter limiter = new MemoryRateLimiter(this.clock, 1_000);
		RateLimitKey daily = newKey("data-request.per-user");
		for (int i = 0; i < 500; i++) {
			limiter.tryConsume(newKey("login.per-ip"), THREE_PER_MINUTE);
		}
		limiter.tryConsume(daily, RateLimit.parse("2/day"));
		assertThat(limiter.estimatedKeyCount()).isEqualTo(501);
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(limiter.estimatedKeyCount()).as("not yet whole").isEqualTo(501);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(limiter.estimatedKeyCount()).as("the daily budget is still spent").isEqualTo(1);
		this.clock.advance(Duration.ofDays(1));
		assertThat(limiter.estimatedKeyCount()).isZero();
	}

	@Test
	void the_bound_is_checked() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MemoryRateLimiter(this.clock, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new MemoryRateLimiter(null, 10));
	}

}
