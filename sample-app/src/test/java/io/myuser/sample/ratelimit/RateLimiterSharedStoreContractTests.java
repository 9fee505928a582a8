package io.myuser.sample.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.myuser.ratelimit.FailureBackoff;
import io.myuser.ratelimit.RateLimit;
import io.myuser.ratelimit.RateLimitDecision;
import io.myuser.ratelimit.RateLimitKey;
import io.myuser.ratelimit.RateLimitedException;
import io.myuser.ratelimit.RateLimiter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a store that several nodes share (PostgreSQL, Redis), on top of every store's: two limiters, each
 * with its own connections to one server, as two application nodes have, spend and read one budget.
 */
abstract class RateLimiterSharedStoreContractTests extends RateLimiterContractTests {

	@Test
	void when_a_wait_ends_one_of_many_parallel_attempts_on_two_nodes_goes_on() throws Exception {
		FailureBackoff.Settings settings = new FailureBackoff.Settings(2, Duration.ofMinutes(1), Duration.ofHours(1),
				Duration.ofDays(1));
		List<FailureBackoff> nodes = List.of(new FailureBackoff(this.limiter, settings),
				new FailureBackoff(newLimiter(this.clock), settings));
		RateLimitKey track = newKey("login.failures.per-address-ip");
		for (int i = 0; i < 3; i++) {
			nodes.get(0).recordFailure(track);
		}
		this.clock.advance(Duration.ofSeconds(61));
		int threads = 8;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Boolean>> attempts = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				FailureBackoff node = nodes.get(t % 2);
				attempts.add(executor.submit(() -> {
					go.await();
					try {
						node.check("login.failures.per-address-ip", track);
						return true;
					}
					catch (RateLimitedException ex) {
						return false;
					}
				}));
			}
			go.countDown();
			int through = 0;
			for (Future<Boolean> attempt : attempts) {
				through += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(through).as("attempts past the end of the wait").isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void ten_requests_split_over_two_nodes_exhaust_a_budget_of_ten_once() {
		RateLimiter other = newLimiter(this.clock);
		RateLimit limit = RateLimit.parse("10/min");
		RateLimitKey key = newKey("login.per-account");
		List<RateLimiter> nodes = List.of(this.limiter, other);
		for (int i = 0; i < 10; i++) {
			RateLimitDecision decision = nodes.get(i % 2).tryConsume(key, limit);
			assertThat(decision).as("request %d", i + 1).isEqualTo(allowed(9 - i, Duration.ofSeconds(60 - i)));
			this.clock.advance(Duration.ofSeconds(1));
		}
		RateLimitDecision refused = refused(Duration.ofSeconds(50), Duration.ofSeconds(50));
		assertThat(this.limiter.tryConsume(key, limit)).isEqualTo(refused);
		assertThat(other.tryConsume(key, limit)).isEqualTo(refused);
		assertThat(this.limiter.probe(key, limit)).isEqualTo(refused);
		assertThat(other.probe(key, limit)).isEqualTo(refused);
		this.clock.advance(Duration.ofSeconds(50));
		assertThat(other.tryConsume(key, limit)).isEqualTo(allowed(9, Duration.ofMinutes(1)));
		assertThat(this.limiter.tryConsume(key, limit)).isEqualTo(allowed(8, Duration.ofMinutes(1)));
	}

	@Test
	void two_nodes_spending_one_key_at_once_spend_exactly_its_capacity() throws Exception {
		RateLimiter other = newLimiter(this.clock);
		RateLimit limit = RateLimit.parse("30/min");
		RateLimitKey key = newKey("login.per-ip");
		assertThat(spendAtOnce(List.of(this.limiter, other), 8, 15, key, limit)).isEqualTo(30);
		assertThat(other.probe(key, limit).remaining()).isZero();
	}

	@Test
	void a_reset_on_one_node_gives_the_budget_back_on_the_other() {
		RateLimiter other = newLimiter(this.clock);
		RateLimitKey key = newKey("resend-email.per-address");
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE).allowed()).isTrue();
		}
		assertThat(other.tryConsume(key, THREE_PER_MINUTE).allowed()).isFalse();
		other.reset(key);
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE)).isEqualTo(allowed(2, Duration.ofMinutes(1)));
	}

}
