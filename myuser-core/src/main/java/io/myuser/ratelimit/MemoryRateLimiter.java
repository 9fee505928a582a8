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
 * The memory store, the default: budgets in a bounded Caffeine cache of this node, shared by no other node (each
 * node of a cluster counts on its own). Each entry expires once its bucket would be whole again (expiry follows the
 * application's {@link Clock}, through {@link ClockTicker}), so only budgets being spent are held. Past
 * {@code maximumKeys} Caffeine evicts entries, keeping those in use (its admission policy favours keys asked for
 * often over keys seen once); an evicted budget starts whole again, so the bound is a memory cap to size well above
 * the keys one window brings, not a limit to reach (about 400 bytes a key). Thread-safe: the budget of one key is
 * spent atomically, under that key's entry.
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
