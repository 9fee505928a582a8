package io.myuser.ratelimit;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import org.springframework.util.Assert;

/**
 * What the three stores share: a budget is one Bucket4j bucket of {@code capacity} tokens that all come back at the
 * end of each period, counted from the first request ({@code refillIntervally(capacity, period)}), kept by a Bucket4j
 * {@link ProxyManager} whose client clock is the application's. A store tells how it names a key and which of its
 * failures are the store's.
 *
 * @param <K> the store's key type
 */
abstract class Bucket4jRateLimiter<K> implements RateLimiter {

	/** Thrown by the configuration supplier of a probe: the bucket does not exist, and a probe creates none. */
	private static final NoBucketException NO_BUCKET = new NoBucketException();

	private static final Supplier<BucketConfiguration> CREATE_NONE = () -> {
		throw NO_BUCKET;
	};

	private final ProxyManager<K> buckets;

	private final String storeName;

	Bucket4jRateLimiter(ProxyManager<K> buckets, String storeName) {
		this.buckets = buckets;
		this.storeName = storeName;
	}

	@Override
	public final RateLimitDecision tryConsume(RateLimitKey key, RateLimit limit) {
		Assert.notNull(key, "key cannot be null");
		Assert.notNull(limit, "limit cannot be null");
		K storeKey = storeKey(key);
		BucketConfiguration configuration = configuration(limit);
		ConsumptionProbe probe;
		try {
			probe = this.buckets.builder().build(storeKey, () -> configuration).tryConsumeAndReturnRemaining(1);
		}
		catch (RuntimeException ex) {
			throw translate("spend", key, ex);
		}
		Duration reset = nanos(probe.getNanosToWaitForReset());
		if (probe.isConsumed()) {
			return new RateLimitDecision(true, Math.max(0, probe.getRemainingTokens()), Duration.ZERO, reset);
		}
		return new RateLimitDecision(false, Math.max(0, probe.getRemainingTokens()),
				nanos(probe.getNanosToWaitForRefill()), reset);
	}

	@Override
	public final RateLimitDecision probe(RateLimitKey key, RateLimit limit) {
		Assert.notNull(key, "key cannot be null");
		Assert.notNull(limit, "limit cannot be null");
		K storeKey = storeKey(key);
		VerboseResult<EstimationProbe> result;
		try {
			// A budget never spent is whole: reading it writes nothing.
			result = this.buckets.builder().build(storeKey, CREATE_NONE).asVerbose().estimateAbilityToConsume(1);
		}
		catch (NoBucketException ex) {
			return new RateLimitDecision(true, limit.capacity(), Duration.ZERO, Duration.ZERO);
		}
		catch (RuntimeException ex) {
			throw translate("read", key, ex);
		}
		EstimationProbe probe = result.getValue();
		Duration reset = nanos(result.getDiagnostics().calculateFullRefillingTime());
		if (probe.canBeConsumed()) {
			return new RateLimitDecision(true, Math.max(0, probe.getRemainingTokens()), Duration.ZERO, reset);
		}
		return new RateLimitDecision(false, Math.max(0, probe.getRemainingTokens()),
				nanos(probe.getNanosToWaitForRefill()), reset);
	}

	@Override
	public final void reset(RateLimitKey key) {
		Assert.notNull(key, "key cannot be null");
		K storeKey = storeKey(key);
		try {
			remove(storeKey);
		}
		catch (RuntimeException ex) {
			throw translate("reset", key, ex);
		}
	}

	/**
	 * The key under which the store keeps a budget.
	 * @param key the budget
	 * @return the store's key
	 */
	abstract K storeKey(RateLimitKey key);

	/**
	 * Whether a failure is the store's (it could not be reached, timed out, or answered with an error), to be
	 * thrown as a {@link RateLimitStoreException}; any other exception is a bug and propagates as it is.
	 * @param ex what the store's client threw
	 * @return whether the store failed
	 */
	abstract boolean isStoreFailure(RuntimeException ex);

	/**
	 * Forgets a budget.
	 * @param storeKey the store's key
	 */
	void remove(K storeKey) {
		this.buckets.removeProxy(storeKey);
	}

	final ProxyManager<K> buckets() {
		return this.buckets;
	}

	final RuntimeException translate(String action, RateLimitKey key, RuntimeException ex) {
		return translate("could not " + action + " a budget of scope " + key.scope(), ex);
	}

	final RuntimeException translate(String what, RuntimeException ex) {
		if (ex instanceof RateLimitStoreException || !isStoreFailure(ex)) {
			return ex;
		}
		return new RateLimitStoreException("The " + this.storeName + " rate-limit store " + what + ": " + describe(ex),
				ex);
	}

	static BucketConfiguration configuration(RateLimit limit) {
		return BucketConfiguration.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(limit.capacity())
				.refillIntervally(limit.capacity(), limit.period()))
			.build();
	}

	/**
	 * Whether an exception or one of its causes is of a type.
	 * @param ex the exception
	 * @param type the type
	 * @return whether it was caused by one of that type
	 */
	static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static String describe(Throwable ex) {
		Throwable deepest = ex;
		while (deepest.getCause() != null && deepest.getCause() != deepest) {
			deepest = deepest.getCause();
		}
		String message = deepest.getMessage();
		return deepest.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
	}

	private static Duration nanos(long nanos) {
		return Duration.ofNanos(Math.max(0, nanos));
	}

	private static final class NoBucketException extends RuntimeException {

		NoBucketException() {
			super("no bucket", null, false, false);
		}

	}

}
