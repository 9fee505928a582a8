package io.myuser.ratelimit;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.myuser.support.ClockTicker;

import org.springframework.util.Assert;

/**
 * The memory store, the default: budgets in a bounded Caffeine cache of this node, shared by no other node. Each
 * entry expires once its bucket would be whole again (expiry follows the application's {@link Clock}, through
 * {@link ClockTicker}), and past {@code maximumKeys} the least used budgets are dropped first: a dropped budget
 * starts whole again, so the bound must be large enough for the keys one window brings (an attacker spreading a
 * flood over more keys than that only gets budgets he would have had anyway from fresh keys). Thread-safe: the
 * budget of one key is spent under that key's lock.
 */
public final class MemoryRateLimiter extends Bucket4jRateLimiter<String> {

	private final CaffeineProxyManager<String> cache;

	/**
	 * Creates the memory store.
	 * @param clock the application's clock
	 * @param maximumKeys how many budgets the node keeps at most, at least 1
	 */
	public MemoryRateLimiter(Clock clock, long maximumKeys) {
		this(proxyManager(clock, maximumKeys));
	}

	private MemoryRateLimiter(CaffeineProxyManager<String> cache) {
		super(cache, "memory");
		this.cache = cache;
	}

	private static CaffeineProxyManager<String> proxyManager(Clock clock, long maximumKeys) {
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(maximumKeys >= 1, "maximumKeys must be at least 1");
		return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(maximumKeys)
				.ticker(new ClockTicker(clock)))
			.clientClock(new ClockTimeMeter(clock))
			// An entry lives until its bucket is whole again, and not a moment longer.
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.build();
	}

	/**
	 * How many budgets the node holds now, after evicting what is due (an estimate, as Caffeine's).
	 * @return the number of keys held
	 */
	public long estimatedKeyCount() {
		this.cache.getCache().cleanUp();
		return this.cache.getCache().estimatedSize();
	}

	@Override
	String storeKey(RateLimitKey key) {
		return key.value();
	}

	@Override
	boolean isStoreFailure(RuntimeException ex) {
		return false;
	}

}
