package io.myuser.sample.bench;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.myuser.ratelimit.MemoryRateLimiter;
import io.myuser.ratelimit.PostgresRateLimiter;
import io.myuser.ratelimit.RateLimit;
import io.myuser.ratelimit.RateLimitKey;
import io.myuser.ratelimit.RateLimitStoreException;
import io.myuser.ratelimit.RateLimiter;
import io.myuser.ratelimit.RedisRateLimiter;
import io.myuser.sample.test.EmbeddedPostgresConfiguration;
import io.myuser.sample.test.RedisServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * The driver of {@code bench/rate-limit-stores.sh}, not a test: {@code tryConsume} operations per second of each
 * rate-limit store, on this machine, in one JVM. The stores run as an application node would run them: the memory
 * store in the JVM; the PostgreSQL store on an embedded PostgreSQL server (a separate process on loopback, MyUser's
 * migrations applied) through a Hikari pool of one connection per thread; the Redis store on a {@code redis-server}
 * the driver starts (loopback, nothing written to disk) through one shared Lettuce connection.
 * <p>
 * For each store, a number of threads call {@code tryConsume} on keys drawn uniformly at random from a set of keys,
 * first for a warm-up, then for the measured time, in two cases:
 * <ul>
 * <li>{@code spend}: a budget too large to run out, so every call is allowed and writes the budget back (the
 * costlier case);</li>
 * <li>{@code refuse}: a budget of 1 per day already spent on every key, so every call is refused (a flood being
 * turned away; no write).</li>
 * </ul>
 * Every answer is checked (allowed in the first case, refused in the second); the run stops at the first wrong one.
 * A store failure ({@code RateLimitStoreException}, such as a statement past the store's timeout) is counted, not
 * fatal, as an application counts it. Prints operations per second, the 50th and 99th percentile and the maximum of
 * one call, and the store failures, per store and case, and the figures on one {@code RESULT} line of
 * {@code key=value} pairs.
 * <p>
 * Usage: {@code RateLimitStoreBenchmark [threads] [keys] [seconds] [warm-up-seconds]} (defaults 8, 10000, 10, 3).
 */
public final class RateLimitStoreBenchmark {

	private static final RateLimit UNLIMITED = RateLimit.parse("999999999/day");

	private static final RateLimit ONE_A_DAY = RateLimit.parse("1/day");

	private RateLimitStoreBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int threads = (args.length > 0) ? Integer.parseInt(args[0]) : 8;
		int keyCount = (args.length > 1) ? Integer.parseInt(args[1]) : 10_000;
		int seconds = (args.length > 2) ? Integer.parseInt(args[2]) : 10;
		int warmUp = (args.length > 3) ? Integer.parseInt(args[3]) : 3;
		System.out.printf(Locale.ROOT, "threads: %d, keys: %d, measured: %d s per store and case (after %d s of "
				+ "warm-up)%n", threads, keyCount, seconds, warmUp);
		Map<String, String> result = new LinkedHashMap<>();
		result.put("threads", Integer.toString(threads));
		result.put("keys", Integer.toString(keyCount));
		Clock clock = Clock.systemUTC();

		run("memory", new MemoryRateLimiter(clock, Math.max(100_000, 4L * keyCount)), threads, keyCount, seconds,
				warmUp, result);

		try (EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start();
				HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
			dataSource.setUsername("postgres");
			dataSource.setMaximumPoolSize(threads);
			dataSource.setMinimumIdle(threads);
			Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/myuser/migration")
				.table("myuser_schema_history")
				.load()
				.migrate();
			run("postgresql", new PostgresRateLimiter(dataSource, PostgresRateLimiter.DEFAULT_TABLE, clock), threads,
					keyCount, seconds, warmUp, result);
		}

		if (RedisServer.executable().isEmpty()) {
			System.out.println("redis: skipped, redis-server is not installed (Debian: apt-get install redis-server)");
		}
		else {
			try (RedisServer server = RedisServer.start()) {
				RedisClient client = RedisClient.create(server.uri());
				try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
					run("redis", new RedisRateLimiter(connection, RedisRateLimiter.DEFAULT_KEY_PREFIX, clock), threads,
							keyCount, seconds, warmUp, result);
				}
				finally {
					client.shutdown();
				}
			}
		}
		StringBuilder line = new StringBuilder("RESULT");
		result.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
		System.out.println(line);
	}

	private static void run(String store, RateLimiter limiter, int threads, int keyCount, int seconds, int warmUp,
			Map<String, String> result) throws Exception {
		List<RateLimitKey> spendKeys = keys("login.per-ip", keyCount);
		List<RateLimitKey> refuseKeys = keys("login.per-account", keyCount);
		for (RateLimitKey key : refuseKeys) {
			if (!limiter.tryConsume(key, ONE_A_DAY).allowed()) {
				throw new IllegalStateException(store + ": the first request of a fresh key was refused");
			}
		}
		for (String mode : List.of("spend", "refuse")) {
			List<RateLimitKey> keys = mode.equals("spend") ? spendKeys : refuseKeys;
			RateLimit limit = mode.equals("spend") ? UNLIMITED : ONE_A_DAY;
			boolean expected = mode.equals("spend");
			measure(limiter, keys, limit, expected, threads, warmUp);
			Measurement measurement = measure(limiter, keys, limit, expected, threads, seconds);
			System.out.printf(Locale.ROOT,
					"%-10s %-6s %10.0f ops/s   p50 %7.1f us   p99 %8.1f us   max %7.1f ms   %d calls, %d store errors%n",
					store, mode, measurement.opsPerSecond(), measurement.p50Micros(), measurement.p99Micros(),
					measurement.maxMillis(), measurement.operations(), measurement.errors());
			result.put(store + "_" + mode + "_ops", String.format(Locale.ROOT, "%.0f", measurement.opsPerSecond()));
			result.put(store + "_" + mode + "_p99_us", String.format(Locale.ROOT, "%.1f", measurement.p99Micros()));
			result.put(store + "_" + mode + "_errors", Long.toString(measurement.errors()));
		}
	}

	private static List<RateLimitKey> keys(String scope, int count) {
		SecureRandom random = new SecureRandom();
		List<RateLimitKey> keys = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			byte[] subject = new byte[16];
			random.nextBytes(subject);
			keys.add(new RateLimitKey(scope, Base64.getUrlEncoder().withoutPadding().encodeToString(subject)));
		}
		return keys;
	}

	private static Measurement measure(RateLimiter limiter, List<RateLimitKey> keys, RateLimit limit,
			boolean expected, int threads, int seconds) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<long[]>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				long seed = 7919L * (t + 1);
				futures.add(executor.submit(() -> {
					SplittableRandom random = new SplittableRandom(seed);
					// Every 8th call's time, at most 2^21 of them per thread.
					long[] samples = new long[1 << 21];
					int sampled = 0;
					long operations = 0;
					long errors = 0;
					long slowest = 0;
					go.await();
					long deadline = System.nanoTime() + seconds * 1_000_000_000L;
					while (true) {
						long start = System.nanoTime();
						if (start >= deadline) {
							break;
						}
						RateLimitKey key = keys.get(random.nextInt(keys.size()));
						try {
							if (limiter.tryConsume(key, limit).allowed() != expected) {
								throw new IllegalStateException("a call was " + (expected ? "refused" : "allowed"));
							}
						}
						catch (RateLimitStoreException ex) {
							// Counted, as the application would count it (and fail open or closed).
							errors++;
						}
						long took = System.nanoTime() - start;
						slowest = Math.max(slowest, took);
						if ((operations & 7) == 0 && sampled < samples.length) {
							samples[sampled++] = took;
						}
						operations++;
					}
					long[] sample = Arrays.copyOf(samples, sampled + 3);
					sample[sampled] = operations;
					sample[sampled + 1] = errors;
					sample[sampled + 2] = slowest;
					return sample;
				}));
			}
			long started = System.nanoTime();
			go.countDown();
			long operations = 0;
			long errors = 0;
			long slowest = 0;
			List<long[]> samples = new ArrayList<>();
			for (Future<long[]> future : futures) {
				long[] sample = future.get();
				operations += sample[sample.length - 3];
				errors += sample[sample.length - 2];
				slowest = Math.max(slowest, sample[sample.length - 1]);
				samples.add(Arrays.copyOf(sample, sample.length - 3));
			}
			double elapsed = (System.nanoTime() - started) / 1e9;
			long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			return new Measurement(operations, operations / elapsed, percentile(all, 0.50) / 1e3,
					percentile(all, 0.99) / 1e3, slowest / 1e6, errors);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static double percentile(long[] sorted, double fraction) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.floor(fraction * sorted.length))];
	}

	private record Measurement(long operations, double opsPerSecond, double p50Micros, double p99Micros,
			double maxMillis, long errors) {
	}

}
