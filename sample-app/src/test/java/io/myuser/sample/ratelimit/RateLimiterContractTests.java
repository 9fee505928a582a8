package io.myuser.sample.ratelimit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.myuser.ratelimit.RateLimit;
import io.myuser.ratelimit.RateLimitDecision;
import io.myuser.ratelimit.RateLimitKey;
import io.myuser.ratelimit.RateLimiter;
import io.myuser.sample.test.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What every {@link RateLimiter} store does, whatever keeps its budgets: a budget of {@code capacity} requests that
 * comes back whole at the end of each period counted from its first use, read without being spent by a probe, given
 * back by a reset, one per key, never overspent by concurrent requests. Time is a pinned clock moved by the tests;
 * nothing sleeps. Each test uses keys of its own, so the stores that outlive a test (PostgreSQL, Redis) need no
 * cleaning between tests.
 */
abstract class RateLimiterContractTests {

	static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	static final RateLimit THREE_PER_MINUTE = RateLimit.parse("3/min");

	private static final SecureRandom RANDOM = new SecureRandom();

	final MutableClock clock = new MutableClock();

	RateLimiter limiter;

	/**
	 * A node of the store under test, on the clock of the test: for a shared store, a limiter of its own (its own
	 * connections) on the one server the test class started.
	 * @param clock the clock
	 * @return the limiter
	 */
	abstract RateLimiter newLimiter(Clock clock);

	/** How many keys {@link #many_keys_each_get_a_budget_of_their_own()} spends. */
	int manyKeys() {
		return 2_000;
	}

	@BeforeEach
	void newNode() {
		this.clock.pin(START);
		this.limiter = newLimiter(this.clock);
	}

	static RateLimitKey newKey(String scope) {
		byte[] subject = new byte[16];
		RANDOM.nextBytes(subject);
		return new RateLimitKey(scope, Base64.getUrlEncoder().withoutPadding().encodeToString(subject));
	}

	static RateLimitDecision allowed(long remaining, Duration reset) {
		return new RateLimitDecision(true, remaining, Duration.ZERO, reset);
	}

	static RateLimitDecision refused(Duration retryAfter, Duration reset) {
		return new RateLimitDecision(false, 0, retryAfter, reset);
	}

	@Test
	void a_budget_is_spent_then_refused_with_the_time_until_the_window_ends() {
		RateLimitKey key = newKey("login.per-ip");
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE)).isEqualTo(allowed(2, Duration.ofSeconds(60)));
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE)).isEqualTo(allowed(1, Duration.ofSeconds(40)));
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE)).isEqualTo(allowed(0, Duration.ofSeconds(40)));
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE))
			.isEqualTo(refused(Duration.ofSeconds(40), Duration.ofSeconds(40)));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE))
			.isEqualTo(refused(Duration.ofSeconds(10), Duration.ofSeconds(10)));
	}

	@Test
	void the_whole_budget_comes_back_at_the_end_of_the_window_and_not_before() {
		RateLimitKey key = newKey("login.per-ip");
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE).allowed()).isTrue();
			this.clock.advance(Duration.ofSeconds(10));
		}
		this.clock.advance(Duration.ofSeconds(29).plusMillis(999));
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE))
			.isEqualTo(refused(Duration.ofMillis(1), Duration.ofMillis(1)));
		this.clock.advance(Duration.ofMillis(1));
		// A new window opens with the first request after the last one ended.
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE)).isEqualTo(allowed(2, Duration.ofSeconds(60)));
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE)).isEqualTo(allowed(1, Duration.ofSeconds(60)));
	}

	@Test
	void a_probe_spends_nothing_and_starts_no_window() {
		RateLimitKey key = newKey("login.per-account");
		RateLimitDecision whole = allowed(3, Duration.ZERO);
		assertThat(this.limiter.probe(key, THREE_PER_MINUTE)).isEqualTo(whole);
		assertThat(this.limiter.probe(key, THREE_PER_MINUTE)).isEqualTo(whole);
		this.clock.advance(Duration.ofSeconds(30));
		// Had the probes started a window, it would end in 30 s.
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE)).isEqualTo(allowed(2, Duration.ofSeconds(60)));
		this.clock.advance(Duration.ofSeconds(15));
		assertThat(this.limiter.probe(key, THREE_PER_MINUTE)).isEqualTo(allowed(2, Duration.ofSeconds(45)));
		assertThat(this.limiter.probe(key, THREE_PER_MINUTE)).isEqualTo(allowed(2, Duration.ofSeconds(45)));
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE)).isEqualTo(allowed(1, Duration.ofSeconds(45)));
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE)).isEqualTo(allowed(0, Duration.ofSeconds(45)));
		RateLimitDecision spent = refused(Duration.ofSeconds(45), Duration.ofSeconds(45));
		assertThat(this.limiter.probe(key, THREE_PER_MINUTE)).isEqualTo(spent);
		assertThat(this.limiter.probe(key, THREE_PER_MINUTE)).isEqualTo(spent);
		this.clock.advance(Duration.ofSeconds(45));
		assertThat(this.limiter.probe(key, THREE_PER_MINUTE)).isEqualTo(whole);
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE)).isEqualTo(allowed(2, Duration.ofSeconds(60)));
	}

	@Test
	void a_reset_gives_the_whole_budget_back() {
		RateLimitKey key = newKey("password-reset.per-address");
		for (int i = 0; i < 3; i++) {
			this.limiter.tryConsume(key, THREE_PER_MINUTE);
		}
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE).allowed()).isFalse();
		this.limiter.reset(key);
		assertThat(this.limiter.probe(key, THREE_PER_MINUTE)).isEqualTo(allowed(3, Duration.ZERO));
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE)).isEqualTo(allowed(2, Duration.ofSeconds(60)));
		// Resetting a key never spent is no error.
		this.limiter.reset(newKey("password-reset.per-address"));
	}

	@Test
	void keys_are_independent_by_subject_and_by_scope() {
		RateLimitKey spent = newKey("login.per-ip");
		for (int i = 0; i < 3; i++) {
			this.limiter.tryConsume(spent, THREE_PER_MINUTE);
		}
		assertThat(this.limiter.tryConsume(spent, THREE_PER_MINUTE).allowed()).isFalse();
		RateLimitKey otherSubject = newKey("login.per-ip");
		RateLimitKey otherScope = new RateLimitKey("registration.per-ip", spent.subject());
		assertThat(this.limiter.tryConsume(otherSubject, THREE_PER_MINUTE)).isEqualTo(allowed(2, Duration.ofSeconds(60)));
		assertThat(this.limiter.tryConsume(otherScope, THREE_PER_MINUTE)).isEqualTo(allowed(2, Duration.ofSeconds(60)));
		assertThat(this.limiter.tryConsume(spent, THREE_PER_MINUTE).allowed()).isFalse();
		this.limiter.reset(otherScope);
		assertThat(this.limiter.tryConsume(spent, THREE_PER_MINUTE).allowed()).as("a reset of another key").isFalse();
	}

	@Test
	void scopes_keep_their_own_limits() {
		RateLimit login = RateLimit.parse("10/min");
		RateLimit reset = RateLimit.parse("5/hour");
		RateLimit dataRequest = RateLimit.parse("2/day");
		RateLimitKey loginKey = newKey("login.per-ip");
		RateLimitKey resetKey = newKey("password-reset.per-address");
		RateLimitKey dataRequestKey = newKey("data-request.per-user");
		assertThat(allowedUntilRefused(loginKey, login)).isEqualTo(10);
		assertThat(allowedUntilRefused(resetKey, reset)).isEqualTo(5);
		assertThat(allowedUntilRefused(dataRequestKey, dataRequest)).isEqualTo(2);
		assertThat(this.limiter.tryConsume(loginKey, login).retryAfter()).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.limiter.tryConsume(resetKey, reset).retryAfter()).isEqualTo(Duration.ofHours(1));
		assertThat(this.limiter.tryConsume(dataRequestKey, dataRequest).retryAfter()).isEqualTo(Duration.ofDays(1));
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.limiter.tryConsume(loginKey, login).allowed()).isTrue();
		assertThat(this.limiter.tryConsume(resetKey, reset).retryAfter()).isEqualTo(Duration.ofMinutes(59));
		assertThat(this.limiter.tryConsume(dataRequestKey, dataRequest).retryAfter())
			.isEqualTo(Duration.ofHours(23).plusMinutes(59));
	}

	@Test
	void eight_threads_spending_one_key_at_once_spend_exactly_its_capacity() throws Exception {
		RateLimitKey key = newKey("login.per-account");
		RateLimit limit = RateLimit.parse("50/min");
		assertThat(spendAtOnce(List.of(this.limiter), 8, 20, key, limit)).isEqualTo(50);
		assertThat(this.limiter.probe(key, limit)).isEqualTo(refused(Duration.ofMinutes(1), Duration.ofMinutes(1)));
	}

	@Test
	void many_keys_each_get_a_budget_of_their_own() {
		List<RateLimitKey> keys = new ArrayList<>();
		for (int i = 0; i < manyKeys(); i++) {
			RateLimitKey key = newKey("registration.per-address");
			keys.add(key);
			assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE)).isEqualTo(allowed(2, Duration.ofSeconds(60)));
		}
		this.clock.advance(Duration.ofSeconds(1));
		for (int i = 0; i < keys.size(); i += 97) {
			assertThat(this.limiter.tryConsume(keys.get(i), THREE_PER_MINUTE))
				.isEqualTo(allowed(1, Duration.ofSeconds(59)));
		}
	}

	@Test
	void arguments_are_checked() {
		RateLimitKey key = newKey("login.per-ip");
		assertThatIllegalArgumentException().isThrownBy(() -> this.limiter.tryConsume(null, THREE_PER_MINUTE));
		assertThatIllegalArgumentException().isThrownBy(() -> this.limiter.tryConsume(key, null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.limiter.probe(null, THREE_PER_MINUTE));
		assertThatIllegalArgumentException().isThrownBy(() -> this.limiter.probe(key, null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.limiter.reset(null));
	}

	int allowedUntilRefused(RateLimitKey key, RateLimit limit) {
		int allowed = 0;
		while (this.limiter.tryConsume(key, limit).allowed()) {
			allowed++;
			assertThat(allowed).as("allowed requests").isLessThanOrEqualTo((int) limit.capacity());
		}
		return allowed;
	}

	/**
	 * Spends one key from many threads at once, spread over the given nodes, each thread trying a number of times.
	 * @return how many requests were allowed
	 */
	static int spendAtOnce(List<RateLimiter> nodes, int threads, int triesPerThread, RateLimitKey key,
			RateLimit limit) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(threads);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				RateLimiter node = nodes.get(t % nodes.size());
				Callable<Integer> spender = () -> {
					ready.countDown();
					go.await();
					int allowed = 0;
					for (int i = 0; i < triesPerThread; i++) {
						RateLimitDecision decision = node.tryConsume(key, limit);
						if (decision.allowed()) {
							allowed++;
						}
					}
					return allowed;
				};
				results.add(executor.submit(spender));
			}
			ready.await();
			go.countDown();
			int allowed = 0;
			for (Future<Integer> result : results) {
				allowed += result.get(60, TimeUnit.SECONDS);
			}
			return allowed;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
