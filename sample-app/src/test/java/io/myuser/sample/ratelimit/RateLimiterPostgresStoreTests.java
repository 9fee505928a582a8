package io.myuser.sample.ratelimit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.myuser.ratelimit.PostgresRateLimiter;
import io.myuser.ratelimit.RateLimit;
import io.myuser.ratelimit.RateLimitKey;
import io.myuser.ratelimit.RateLimitStoreException;
import io.myuser.ratelimit.RateLimiter;
import io.myuser.sample.test.EmbeddedPostgresConfiguration;
import io.myuser.sample.test.NeedsPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract on the PostgreSQL store, on an embedded PostgreSQL migrated by MyUser's own scripts (history table
 * {@code myuser_schema_history}), each "node" with a connection pool of its own; and what only this store has: its
 * rows, their expiry and the clean-up of expired rows.
 */
@NeedsPostgres
class RateLimiterPostgresStoreTests extends RateLimiterSharedStoreContractTests {

	private static EmbeddedPostgres postgres;

	private static HikariDataSource admin;

	private static JdbcTemplate jdbc;

	private final List<HikariDataSource> pools = new ArrayList<>();

	@BeforeAll
	static void startPostgres() throws Exception {
		postgres = EmbeddedPostgresConfiguration.start();
		admin = pool();
		Flyway.configure()
			.dataSource(admin)
			.locations("classpath:db/myuser/migration")
			.table("myuser_schema_history")
			.load()
			.migrate();
		jdbc = new JdbcTemplate(admin);
	}

	@AfterAll
	static void stopPostgres() throws Exception {
		if (admin != null) {
			admin.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@AfterEach
	void closePools() {
		this.pools.forEach(HikariDataSource::close);
	}

	private static HikariDataSource pool() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(10);
		dataSource.setConnectionTimeout(2_000);
		return dataSource;
	}

	@Override
	RateLimiter newLimiter(Clock clock) {
		HikariDataSource node = pool();
		this.pools.add(node);
		return new PostgresRateLimiter(node, PostgresRateLimiter.DEFAULT_TABLE, clock);
	}

	private PostgresRateLimiter store() {
		return (PostgresRateLimiter) this.limiter;
	}

	@Test
	void a_row_holds_the_key_its_lock_id_and_when_it_may_be_deleted() throws Exception {
		RateLimitKey key = newKey("login.per-ip");
		this.limiter.tryConsume(key, THREE_PER_MINUTE);
		Map<String, Object> row = row(key);
		assertThat(row.get("id")).isEqualTo("login.per-ip:" + key.subject());
		byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(key.value().getBytes(StandardCharsets.UTF_8));
		assertThat(row.get("explicit_lock")).isEqualTo(ByteBuffer.wrap(sha256).getLong());
		// Whole again at the end of the window, kept a minute more.
		long wholeAgain = START.plus(Duration.ofMinutes(1)).toEpochMilli();
		assertThat(row.get("expires_at")).isEqualTo(wholeAgain + PostgresRateLimiter.KEPT_AFTER_REFILL.toMillis());
		this.clock.advance(Duration.ofSeconds(20));
		this.limiter.tryConsume(key, THREE_PER_MINUTE);
		assertThat(row(key).get("expires_at")).as("the same window").isEqualTo(row.get("expires_at"));
		RateLimitKey probed = newKey("login.per-ip");
		assertThat(this.limiter.probe(probed, THREE_PER_MINUTE).remaining()).isEqualTo(3);
		assertThat(jdbc.queryForList("select id from myuser_rate_limit_bucket where id = ?", probed.value()))
			.as("a probe of a key never spent writes no row").isEmpty();
		this.limiter.reset(key);
		assertThat(jdbc.queryForList("select id from myuser_rate_limit_bucket where id = ?", key.value())).isEmpty();
	}

	@Test
	void the_clean_up_deletes_only_expired_rows() {
		jdbc.update("delete from myuser_rate_limit_bucket");
		RateLimitKey minute = newKey("login.per-ip");
		RateLimitKey hour = newKey("password-reset.per-address");
		RateLimitKey later = newKey("login.per-ip");
		RateLimit hourly = RateLimit.parse("1/hour");
		this.limiter.tryConsume(minute, THREE_PER_MINUTE);
		this.limiter.tryConsume(hour, hourly);
		this.clock.advance(Duration.ofSeconds(90));
		this.limiter.tryConsume(later, THREE_PER_MINUTE);
		// minute: whole at 60 s, deletable after 120 s; later: whole at 150 s, deletable after 210 s.
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(store().removeExpired(100)).as("at 120 s").isZero();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(store().removeExpired(100)).isOne();
		assertThat(ids()).containsExactlyInAnyOrder(hour.value(), later.value());
		assertThat(this.limiter.tryConsume(hour, hourly).allowed()).as("the hourly budget is still spent").isFalse();
		assertThat(this.limiter.tryConsume(later, THREE_PER_MINUTE).remaining()).isEqualTo(1);
		assertThat(this.limiter.tryConsume(minute, THREE_PER_MINUTE).remaining()).as("a new window").isEqualTo(2);
	}

	@Test
	void the_clean_up_deletes_at_most_a_batch_and_skips_a_budget_being_spent() throws Exception {
		jdbc.update("delete from myuser_rate_limit_bucket");
		List<RateLimitKey> keys = List.of(newKey("login.per-ip"), newKey("login.per-ip"), newKey("login.per-ip"));
		keys.forEach((key) -> this.limiter.tryConsume(key, THREE_PER_MINUTE));
		this.clock.advance(Duration.ofMinutes(3));
		long lockId = jdbc.queryForObject("select explicit_lock from myuser_rate_limit_bucket where id = ?",
				Long.class, keys.get(0).value());
		try (Connection spending = admin.getConnection()) {
			// Another node spends the first budget: it holds the key's lock until it commits.
			spending.setAutoCommit(false);
			try (PreparedStatement lock = spending.prepareStatement("select pg_advisory_xact_lock(?)")) {
				lock.setLong(1, lockId);
				lock.execute();
			}
			assertThat(store().removeExpired(1)).isOne();
			assertThat(store().removeExpired(5)).isOne();
			assertThat(store().removeExpired(5)).isZero();
			assertThat(ids()).containsExactly(keys.get(0).value());
			spending.commit();
		}
		assertThat(store().removeExpired(5)).isOne();
		assertThat(ids()).isEmpty();
	}

	@Test
	void a_pool_without_auto_commit_keeps_what_the_store_writes_and_deletes() {
		jdbc.update("delete from myuser_rate_limit_bucket");
		HikariDataSource node = pool();
		node.setAutoCommit(false);
		this.pools.add(node);
		PostgresRateLimiter limiter = new PostgresRateLimiter(node, PostgresRateLimiter.DEFAULT_TABLE, this.clock);
		RateLimitKey key = newKey("login.per-ip");
		limiter.tryConsume(key, THREE_PER_MINUTE);
		assertThat(ids()).containsExactly(key.value());
		this.clock.advance(Duration.ofMinutes(3));
		assertThat(limiter.removeExpired(10)).isOne();
		assertThat(ids()).isEmpty();
	}

	@Test
	void a_closed_database_throws_store_exceptions() {
		HikariDataSource node = pool();
		PostgresRateLimiter limiter = new PostgresRateLimiter(node, PostgresRateLimiter.DEFAULT_TABLE, this.clock);
		RateLimitKey key = newKey("login.per-ip");
		assertThat(limiter.tryConsume(key, THREE_PER_MINUTE).allowed()).isTrue();
		node.close();
		assertThatExceptionOfType(RateLimitStoreException.class)
			.isThrownBy(() -> limiter.tryConsume(key, THREE_PER_MINUTE))
			.withMessageStartingWith("The PostgreSQL rate-limit store could not spend a budget of scope login.per-ip");
		assertThatExceptionOfType(RateLimitStoreException.class)
			.isThrownBy(() -> limiter.probe(key, THREE_PER_MINUTE));
		assertThatExceptionOfType(RateLimitStoreException.class).isThrownBy(() -> limiter.reset(key));
		assertThatExceptionOfType(RateLimitStoreException.class).isThrownBy(() -> limiter.removeExpired(10));
	}

	@Test
	void a_missing_table_throws_store_exceptions() {
		PostgresRateLimiter limiter = new PostgresRateLimiter(admin, "no_such_table", this.clock);
		assertThatExceptionOfType(RateLimitStoreException.class)
			.isThrownBy(() -> limiter.tryConsume(newKey("login.per-ip"), THREE_PER_MINUTE))
			.withMessageContaining("no_such_table");
	}

	@Test
	void a_table_name_that_is_no_name_is_refused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PostgresRateLimiter(admin, "bucket; drop table x", this.clock));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PostgresRateLimiter(admin, PostgresRateLimiter.DEFAULT_TABLE, this.clock,
					Duration.ofMillis(500)));
	}

	private static Map<String, Object> row(RateLimitKey key) {
		return jdbc.queryForMap("select id, explicit_lock, expires_at from myuser_rate_limit_bucket where id = ?",
				key.value());
	}

	private static List<String> ids() {
		return jdbc.queryForList("select id from myuser_rate_limit_bucket", String.class);
	}

}
