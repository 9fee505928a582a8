package io.myuser.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.TimeoutException;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;

import org.springframework.util.Assert;

/**
 * The Redis store: budgets that every node on one Redis shares, one string key per budget,
 * {@code keyPrefix + key.value()} (such as {@code myuser:rate-limit:login.per-ip:Xq3vD0...}), through Bucket4j's
 * compare-and-swap Lettuce proxy manager. Every write sets the key's expiry ({@code PX}) to when its bucket is whole
 * again plus {@link #KEPT_AFTER_REFILL} (Bucket4j's "time for refilling up to max" expiry), so Redis forgets
 * budgets by itself and needs no clean-up job. Connection failures, Redis errors and commands that take longer than
 * the timeout are thrown as {@link RateLimitStoreException}.
 * <p>
 * The connection is the caller's (this store never closes it). Lettuce queues commands while it reconnects; give
 * its client {@code TimeoutOptions} (or {@code DisconnectedBehavior.REJECT_COMMANDS}) so that commands abandoned
 * here after the timeout do not pile up while Redis is down.
 */
public final class RedisRateLimiter extends Bucket4jRateLimiter<byte[]> {

	/** The prefix MyUser's keys get unless configured otherwise. */
	public static final String DEFAULT_KEY_PREFIX = "myuser:rate-limit:";

	/**
	 * How long a key is kept after its bucket is whole again: a margin for the clocks of the nodes, which may
	 * differ a little.
	 */
	public static final Duration KEPT_AFTER_REFILL = Duration.ofMinutes(1);

	/** How long one operation may take before the store counts as down. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private static final Pattern PREFIX = Pattern.compile("[\\x21-\\x7e]{0,128}");

	private final StatefulRedisConnection<byte[], byte[]> connection;

	private final String keyPrefix;

	private final long timeoutNanos;

	/**
	 * Creates the store, with operations timing out after {@link #DEFAULT_TIMEOUT}.
	 * @param connection a connection to the Redis every node shares, with byte-array keys and values
	 * ({@code ByteArrayCodec})
	 * @param keyPrefix what every key starts with, such as {@link #DEFAULT_KEY_PREFIX}: printable ASCII, no spaces
	 * @param clock the application's clock
	 */
	public RedisRateLimiter(StatefulRedisConnection<byte[], byte[]> connection, String keyPrefix, Clock clock) {
		this(connection, keyPrefix, clock, DEFAULT_TIMEOUT);
	}

	/**
	 * Creates the store.
	 * @param connection a connection to the Redis every node shares, with byte-array keys and values
	 * ({@code ByteArrayCodec})
	 * @param keyPrefix what every key starts with, such as {@link #DEFAULT_KEY_PREFIX}: printable ASCII, no spaces
	 * @param clock the application's clock
	 * @param timeout how long one operation may take
	 */
	public RedisRateLimiter(StatefulRedisConnection<byte[], byte[]> connection, String keyPrefix, Clock clock,
			Duration timeout) {
		super(proxyManager(connection, keyPrefix, clock, timeout), "Redis");
		this.connection = connection;
		this.keyPrefix = keyPrefix;
		this.timeoutNanos = timeout.toNanos();
	}

	private static LettuceBasedProxyManager<byte[]> proxyManager(StatefulRedisConnection<byte[], byte[]> connection,
			String keyPrefix, Clock clock, Duration timeout) {
		Assert.notNull(connection, "connection cannot be null");
		Assert.isTrue(keyPrefix != null && PREFIX.matcher(keyPrefix).matches(),
				"keyPrefix must be at most 128 printable ASCII characters without spaces");
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
		return Bucket4jLettuce.casBasedBuilder(connection)
			.clientClock(new ClockTimeMeter(clock))
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_REFILL))
			.requestTimeout(timeout)
			.build();
	}

	@Override
	byte[] storeKey(RateLimitKey key) {
		return (this.keyPrefix + key.value()).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	void remove(byte[] storeKey) {
		// Bucket4j's removal waits without a timeout; this one gives up (and cancels the command) after it.
		LettuceFutures.awaitOrCancel(this.connection.async().del(storeKey), this.timeoutNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	boolean isStoreFailure(RuntimeException ex) {
		return ex instanceof RedisException || ex instanceof TimeoutException
				|| ex instanceof BucketExceptions.BucketExecutionException || causedBy(ex, RedisException.class);
	}

}
