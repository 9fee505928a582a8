package io.myuser.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.myuser.ratelimit.RateLimit;
import io.myuser.ratelimit.RateLimitDecision;
import io.myuser.ratelimit.RateLimitListener;

import org.springframework.util.Assert;

/**
 * Counts requests refused with 429 ({@value MeterNames#RATE_LIMITED}) by scope: budgets used up, and waits after
 * repeated wrong passwords.
 */
public class RateLimitMeters implements RateLimitListener {

	private final MeterRegistry registry;

	public RateLimitMeters(MeterRegistry registry) {
		Assert.notNull(registry, "registry cannot be null");
		this.registry = registry;
	}

	@Override
	public void decided(String scope, RateLimit limit, RateLimitDecision decision) {
	}

	@Override
	public void refused(String scope) {
		Quietly.record(MeterNames.RATE_LIMITED, () -> Counter.builder(MeterNames.RATE_LIMITED)
			.description("Requests refused with 429, by rate-limit scope")
			.tag(MeterNames.SCOPE, scope)
			.register(this.registry)
			.increment());
	}

}
