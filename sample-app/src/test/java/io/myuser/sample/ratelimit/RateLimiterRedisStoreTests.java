package io.myuser.sample.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.myuser.ratelimit.RateLimitKey;
import io.myuser.ratelimit.RateLimitStoreException;
import io.myuser.ratelimit.RateLimiter;
import io.myuser.ratelimit.RedisRateLimiter;
import io.myuser.sample.test.RedisServer;
import io.myuser.sample.test.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract on the Redis store, on a real {@code redis-server} the class starts, each "node" with a client and
 * connection of its own; and what only this store has: prefixed keys that expire in Redis, and a server that stops.
 */
class RateLimiterRedisStoreTests extends RateLimiterSharedStoreContractTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final List<RedisClient> clients = new ArrayList<>();

	@AfterEach
	void closeClients() {
		this.clients.forEach(RedisClient::shutdown);
	}

	private StatefulRedisConnection<byte[], byte[]> connect(RedisServer server) {
		// Lettuce's default options: the store's own timeouts must hold without Lettuce's.
		RedisClient client = RedisClient.create(server.uri());
		this.clients.add(client);
		return client.connect(ByteArrayCodec.INSTANCE);
	}

	@Override
	RateLimiter newLimiter(Clock clock) {
		return new RedisRateLimiter(connect(redis.server()), RedisRateLimiter.DEFAULT_KEY_PREFIX, clock);
	}

	@Test
	void keys_are_prefixed_and_expire_in_redis_once_whole_again() {
		RedisCommands<byte[], byte[]> commands = connect(redis.server()).sync();
		RateLimitKey key = newKey("login.per-ip");
		byte[] stored = ("myuser:rate-limit:login.per-ip:" + key.subject()).getBytes(StandardCharsets.UTF_8);
		this.limiter.tryConsume(key, THREE_PER_MINUTE);
		assertThat(commands.exists(stored)).isOne();
		// Whole again in 60 s, kept a minute more: the expiry follows the application's clock, not Redis's.
		long keep = RedisRateLimiter.KEPT_AFTER_REFILL.toMillis();
		assertThat(commands.pttl(stored)).isBetween(60_000 + keep - 5_000, 60_000 + keep);
		this.clock.advance(Duration.ofSeconds(20));
		this.limiter.tryConsume(key, THREE_PER_MINUTE);
		assertThat(commands.pttl(stored)).isBetween(40_000 + keep - 5_000, 40_000 + keep);
		RateLimitKey probed = newKey("login.per-ip");
		assertThat(this.limiter.probe(probed, THREE_PER_MINUTE).remaining()).isEqualTo(3);
		assertThat(commands.exists(("myuser:rate-limit:" + probed.value()).getBytes(StandardCharsets.UTF_8)))
			.as("a probe of a key never spent writes nothing")
			.isZero();
		this.limiter.reset(key);
		assertThat(commands.exists(stored)).isZero();
	}

	@Test
	void another_prefix_keeps_other_budgets() {
		RateLimiter otherApplication = new RedisRateLimiter(connect(redis.server()), "other-app:", this.clock);
		RateLimitKey key = newKey("login.per-ip");
		for (int i = 0; i < 3; i++) {
			this.limiter.tryConsume(key, THREE_PER_MINUTE);
		}
		assertThat(this.limiter.tryConsume(key, THREE_PER_MINUTE).allowed()).isFalse();
		assertThat(otherApplication.tryConsume(key, THREE_PER_MINUTE).remaining()).isEqualTo(2);
		assertThat(connect(redis.server()).sync().exists(("other-app:" + key.value()).getBytes(StandardCharsets.UTF_8)))
			.isOne();
	}

	@Test
	void a_stopped_server_throws_store_exceptions_within_the_timeout() throws Exception {
		RateLimitKey key = newKey("login.per-ip");
		RedisRateLimiter limiter;
		try (RedisServer own = RedisServer.start()) {
			limiter = new RedisRateLimiter(connect(own), RedisRateLimiter.DEFAULT_KEY_PREFIX, this.clock,
					Duration.ofMillis(500));
			assertThat(limiter.tryConsume(key, THREE_PER_MINUTE).allowed()).isTrue();
		}
		long started = System.nanoTime();
		assertThatExceptionOfType(RateLimitStoreException.class)
			.isThrownBy(() -> limiter.tryConsume(key, THREE_PER_MINUTE))
			.withMessageStartingWith("The Redis rate-limit store could not spend a budget of scope login.per-ip");
		assertThatExceptionOfType(RateLimitStoreException.class)
			.isThrownBy(() -> limiter.probe(key, THREE_PER_MINUTE));
		assertThatExceptionOfType(RateLimitStoreException.class).isThrownBy(() -> limiter.reset(key));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void a_prefix_that_is_no_prefix_is_refused() {
		StatefulRedisConnection<byte[], byte[]> connection = connect(redis.server());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisRateLimiter(connection, "with space:", this.clock));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisRateLimiter(connection, "myuser:", this.clock, Duration.ZERO));
	}

}
