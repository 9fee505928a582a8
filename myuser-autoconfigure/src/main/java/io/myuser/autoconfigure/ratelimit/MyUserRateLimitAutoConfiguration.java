package io.myuser.autoconfigure.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.jobs.MyUserJobsProperties;
import io.myuser.jobs.RecurringJob;
import io.myuser.autoconfigure.ratelimit.MyUserRateLimitProperties.Store;
import io.myuser.ratelimit.BruteForceProtection;
import io.myuser.ratelimit.FailOpenRateLimiter;
import io.myuser.ratelimit.FailureBackoff;
import io.myuser.ratelimit.MemoryRateLimiter;
import io.myuser.ratelimit.PostgresRateLimiter;
import io.myuser.ratelimit.RateLimitKeys;
import io.myuser.ratelimit.RateLimitListener;
import io.myuser.ratelimit.RateLimiter;
import io.myuser.ratelimit.RateLimits;
import io.myuser.ratelimit.RedisRateLimiter;
import io.myuser.ratelimit.web.RateLimitHeaderWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Rate limiting ({@code myuser.rate-limit.*}): the budgets MyUser's endpoints spend before any expensive work, kept
 * in the store {@code myuser.rate-limit.store} names. Each feature asks for the {@link RateLimits} bean; while this
 * feature is off, they spend nothing. A host {@link RateLimiter} bean replaces the store.
 */
@AutoConfiguration(after = MyUserAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.rate-limit.enabled" }, matchIfMissing = true)
@EnableConfigurationProperties(MyUserRateLimitProperties.class)
@Import({ MyUserRateLimitAutoConfiguration.MemoryStoreConfiguration.class,
		MyUserRateLimitAutoConfiguration.JdbcStoreConfiguration.class,
		MyUserRateLimitAutoConfiguration.RedisStoreConfiguration.class })
public final class MyUserRateLimitAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MyUserRateLimitAutoConfiguration.class);

	private static final String DERIVATION_LABEL = "myuser-rate-limit-keys";

	/** Name of the job that deletes expired budgets of the jdbc store. */
	public static final String CLEANUP_JOB_NAME = "myuser-rate-limit-cleanup";

	@Bean
	@ConditionalOnMissingBean
	RateLimitKeys myUserRateLimitKeys(MyUserRateLimitProperties properties, Environment environment) {
		return new RateLimitKeys(keySecret(properties, environment));
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimits myUserRateLimits(ObjectProvider<RateLimiter> stores, RateLimitKeys keys,
			MyUserRateLimitProperties properties, Clock clock, ObjectProvider<RateLimitListener> listeners) {
		RateLimiter store = stores.getIfUnique(() -> {
			throw new IllegalStateException(missingStore(properties.getStore()));
		});
		// The headers first, then every contributed listener (MyUser's meters, the host's own) in order.
		java.util.List<RateLimitListener> all = new java.util.ArrayList<>();
		if (properties.isExposeHeaders()) {
			all.add(new RateLimitHeaderWriter());
		}
		listeners.orderedStream().forEach(all::add);
		return new RateLimits(new FailOpenRateLimiter(store, properties.isFailOpen(), clock), keys,
				properties.getScopes().limits(), RateLimitListener.composite(all));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "myuser.rate-limit.brute-force.enabled", matchIfMissing = true)
	BruteForceProtection myUserBruteForceProtection(RateLimits rateLimits, MyUserRateLimitProperties properties) {
		MyUserRateLimitProperties.BruteForce bruteForce = properties.getBruteForce();
		FailureBackoff perAddressAndIp = rateLimits.backoff(new FailureBackoff.Settings(bruteForce.getFreeFailures(),
				bruteForce.getFirstWait(), bruteForce.getMaxWait(), bruteForce.getMemory()));
		FailureBackoff perAddress = rateLimits.backoff(new FailureBackoff.Settings(
				bruteForce.getFreeFailuresPerAddress(), bruteForce.getFirstWait(), bruteForce.getMaxWait(),
				bruteForce.getMemory()));
		Assert.state(perAddressAndIp != null && perAddress != null, "The rate limits are switched off");
		return new BruteForceProtection(perAddressAndIp, perAddress, bruteForce.getKnownClientWindow(),
				bruteForce.isAlertOwner());
	}

	private static String missingStore(Store store) {
		return switch (store) {
			case MEMORY -> "No RateLimiter bean for myuser.rate-limit.store=memory";
			case JDBC -> "myuser.rate-limit.store=jdbc needs com.bucket4j:bucket4j_jdk17-postgresql on the classpath";
			case REDIS -> "myuser.rate-limit.store=redis needs com.bucket4j:bucket4j_jdk17-lettuce and "
					+ "io.lettuce:lettuce-core on the classpath";
		};
	}

	/**
	 * The secret of the keyed hash: configured, derived from the token signing secret, or, for a store of this
	 * node only, random.
	 */
	static byte[] keySecret(MyUserRateLimitProperties properties, Environment environment) {
		if (StringUtils.hasText(properties.getKeySecret())) {
			return properties.getKeySecret().getBytes(StandardCharsets.UTF_8);
		}
		String signingSecret = environment.getProperty("myuser.token.signing.secret");
		if (StringUtils.hasText(signingSecret)) {
			return derive(signingSecret);
		}
		if (properties.getStore() != Store.MEMORY) {
			throw new IllegalStateException("myuser.rate-limit.key-secret is not set and there is no "
					+ "myuser.token.signing.secret to derive it from: every node that shares the " + properties.getStore()
						.name()
						.toLowerCase(java.util.Locale.ROOT)
					+ " store must hash keys with the same secret. Set myuser.rate-limit.key-secret to at least 32 "
					+ "random characters, the same on every node.");
		}
		logger.debug("Rate-limit keys are hashed with a random secret of this node (memory store)");
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return random;
	}

	private static byte[] derive(String signingSecret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(DERIVATION_LABEL.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * Budgets in the application's PostgreSQL database, in the table MyUser's migrations create; expired rows are
	 * deleted by a recurring job.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "myuser.rate-limit.store", havingValue = "jdbc")
	@ConditionalOnClass(name = "io.github.bucket4j.postgresql.Bucket4jPostgreSQL")
	@EnableConfigurationProperties(MyUserJobsProperties.class)
	static class JdbcStoreConfiguration {

		/** After the database is initialised: MyUser's migrations create the table it checks for. */
		@Bean
		@ConditionalOnMissingBean(RateLimiter.class)
		@DependsOnDatabaseInitialization
		PostgresRateLimiter myUserRateLimiter(DataSource dataSource, MyUserRateLimitProperties properties,
				Clock clock) {
			requirePostgres(dataSource, properties.getJdbc().getTable());
			return new PostgresRateLimiter(dataSource, properties.getJdbc().getTable(), clock);
		}

		@Bean
		@ConditionalOnMissingBean(name = "myUserRateLimitCleanupJob")
		RecurringJob myUserRateLimitCleanupJob(ObjectProvider<PostgresRateLimiter> store,
				MyUserRateLimitProperties properties, MyUserJobsProperties jobs) {
			int batchSize = properties.getJdbc().getCleanupBatchSize();
			return RecurringJob.every(CLEANUP_JOB_NAME, jobs.getCleanupInterval(),
					() -> store.ifAvailable((postgres) -> {
						// Batch after batch until a batch comes back short: the rest is not due yet.
						while (postgres.removeExpired(batchSize) == batchSize) {
							Thread.onSpinWait();
						}
					}));
		}

		private static void requirePostgres(DataSource dataSource, String table) {
			try (Connection connection = dataSource.getConnection()) {
				String product = connection.getMetaData().getDatabaseProductName();
				if (!"PostgreSQL".equalsIgnoreCase(product)) {
					throw new IllegalStateException("myuser.rate-limit.store=jdbc needs PostgreSQL (its advisory "
							+ "locks); this database is " + product + ". Use the memory store here.");
				}
				// A missing table would fail every call and, failing open, limit nothing: refuse to start instead.
				try (var statement = connection.createStatement()) {
					statement.executeQuery("select 1 from " + table + " where 1 = 0").close();
				}
				catch (SQLException ex) {
					throw new IllegalStateException("myuser.rate-limit.store=jdbc: the table " + table
							+ " (myuser.rate-limit.jdbc.table) cannot be read; MyUser's migrations create "
							+ "myuser_rate_limit_bucket", ex);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("myuser.rate-limit.store=jdbc could not check the database", ex);
			}
		}

	}

	/**
	 * Budgets in Redis, reached with the host's {@code spring.data.redis.*} settings (URL, or host, port,
	 * database, username, password, SSL and timeout) over a connection of MyUser's own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "myuser.rate-limit.store", havingValue = "redis")
	@ConditionalOnClass(name = { "io.lettuce.core.RedisClient",
			"io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager" })
	static class RedisStoreConfiguration {

		@Bean(destroyMethod = "shutdown")
		@ConditionalOnMissingBean(name = "myUserRateLimitRedisClient")
		RedisClient myUserRateLimitRedisClient(Environment environment) {
			RedisURI uri = RedisSettings.uri(environment);
			RedisClient client = RedisClient.create(uri);
			// While Redis is down, commands fail at once (the store's failure policy decides) instead of piling up
			// in Lettuce's queue until it reconnects; each command is bounded by the timeout.
			client.setOptions(ClientOptions.builder()
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.timeoutOptions(TimeoutOptions.enabled(
						(uri.getTimeout().compareTo(RedisRateLimiter.DEFAULT_TIMEOUT) < 0) ? uri.getTimeout()
								: RedisRateLimiter.DEFAULT_TIMEOUT))
				.build());
			return client;
		}

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean(name = "myUserRateLimitRedisConnection")
		StatefulRedisConnection<byte[], byte[]> myUserRateLimitRedisConnection(
				@Qualifier("myUserRateLimitRedisClient") RedisClient client) {
			return client.connect(ByteArrayCodec.INSTANCE);
		}

		@Bean
		@ConditionalOnMissingBean(RateLimiter.class)
		RedisRateLimiter myUserRateLimiter(
				@Qualifier("myUserRateLimitRedisConnection") StatefulRedisConnection<byte[], byte[]> connection,
				MyUserRateLimitProperties properties, Clock clock) {
			return new RedisRateLimiter(connection, properties.getRedis().getKeyPrefix(), clock);
		}

	}

	/**
	 * Budgets in this node's memory.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "myuser.rate-limit.store", havingValue = "memory", matchIfMissing = true)
	static class MemoryStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(RateLimiter.class)
		MemoryRateLimiter myUserRateLimiter(MyUserRateLimitProperties properties, Clock clock) {
			return new MemoryRateLimiter(clock, properties.getMemory().getMaximumKeys());
		}

	}

}
