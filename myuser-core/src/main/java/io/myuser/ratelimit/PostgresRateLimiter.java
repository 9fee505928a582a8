package io.myuser.ratelimit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.TimeoutException;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import org.springframework.util.Assert;

/**
 * The PostgreSQL store ({@code jdbc}): budgets that every node on one PostgreSQL database shares, one row per key in
 * MyUser's table {@code myuser_rate_limit_bucket} (migration {@code V7}), through Bucket4j's advisory-lock proxy
 * manager. A budget is read and written in one short transaction holding {@code pg_advisory_xact_lock} of the key's
 * lock id, the first 64 bits of the SHA-256 of the key (two keys that share a lock id only wait for each other; their
 * rows stay apart, as the primary key is the key itself).
 * <p>
 * Each row holds, in {@code expires_at} (milliseconds since the epoch on the application's {@link Clock}), when its
 * bucket is whole again plus {@link #KEPT_AFTER_REFILL}, Bucket4j's "time for refilling up to max" expiry; past it
 * the row says nothing a missing row would not. {@link #removeExpired(int)}, for a recurring job, deletes such rows,
 * skipping any whose budget is being spent at that moment. Errors of the driver or the pool are thrown as
 * {@link RateLimitStoreException}. The store works on PostgreSQL only (advisory locks); on H2 the table exists
 * (MyUser's migrations run on both) but stays unused.
 */
public final class PostgresRateLimiter extends Bucket4jRateLimiter<String> {

	/** MyUser's table, made by its migration {@code V7}. */
	public static final String DEFAULT_TABLE = "myuser_rate_limit_bucket";

	/**
	 * How long a row is kept after its bucket is whole again: a margin for the clocks of the nodes, which may
	 * differ a little, so that one node never deletes a budget that another still counts.
	 */
	public static final Duration KEPT_AFTER_REFILL = Duration.ofMinutes(1);

	/** How long a statement may take (waiting for a budget's lock included) before the store counts as down. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

	private static final String ID_COLUMN = "id";

	private static final String STATE_COLUMN = "state";

	private static final String EXPIRES_AT_COLUMN = "expires_at";

	private static final String LOCK_COLUMN = "explicit_lock";

	private final DataSource dataSource;

	private final Clock clock;

	private final int timeoutSeconds;

	private final String deleteExpired;

	/**
	 * Creates the store, with statements timing out after {@link #DEFAULT_TIMEOUT}.
	 * @param dataSource the PostgreSQL database every node shares
	 * @param table the table, {@link #DEFAULT_TABLE} unless the host made its own
	 * @param clock the application's clock
	 */
	public PostgresRateLimiter(DataSource dataSource, String table, Clock clock) {
		this(dataSource, table, clock, DEFAULT_TIMEOUT);
	}

	/**
	 * Creates the store.
	 * @param dataSource the PostgreSQL database every node shares
	 * @param table the table, {@link #DEFAULT_TABLE} unless the host made its own
	 * @param clock the application's clock
	 * @param timeout how long one statement may take, at least a second (PostgreSQL's JDBC query timeout counts whole
	 * seconds)
	 */
	public PostgresRateLimiter(DataSource dataSource, String table, Clock clock, Duration timeout) {
		super(proxyManager(dataSource, table, clock, timeout), "PostgreSQL");
		this.dataSource = dataSource;
		this.clock = clock;
		this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
		// The shape of Bucket4j's own clean-up, on the application's clock: a row whose lock is held (its budget
		// is being spent) is skipped, and the outer condition is checked again on the row as it is when deleted.
		this.deleteExpired = "delete from " + table + " where " + EXPIRES_AT_COLUMN + " < ? and " + ID_COLUMN
				+ " in (select " + ID_COLUMN + " from " + table + " where " + EXPIRES_AT_COLUMN
				+ " < ? and pg_try_advisory_xact_lock(" + LOCK_COLUMN + ") limit ?)";
	}

	private static ProxyManager<String> proxyManager(DataSource dataSource, String table, Clock clock,
			Duration timeout) {
		Assert.notNull(dataSource, "dataSource cannot be null");
		Assert.isTrue(table != null && TABLE.matcher(table).matches(),
				"table must be a table name, optionally with its schema");
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(timeout != null && timeout.compareTo(Duration.ofSeconds(1)) >= 0,
				"timeout must be at least a second");
		ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
			.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_REFILL);
		// Bucket4j 8.14 writes its own expires_at, and deletes expired rows, on System.currentTimeMillis(), not on
		// the client clock: MyUser writes both columns itself, on the application's clock.
		return Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.lockIdSupplier(PostgresRateLimiter::lockId)
			.table(table)
			.idColumn(ID_COLUMN)
			.stateColumn(STATE_COLUMN)
			.addCustomColumn(new ExpiresAtColumn(expiry))
			.addCustomColumn(new LockColumn())
			.clientClock(new ClockTimeMeter(clock))
			.requestTimeout(timeout)
			.build();
	}

	/**
	 * Deletes rows whose buckets have been whole again for {@link #KEPT_AFTER_REFILL}, at most {@code batchSize} of
	 * them; a row whose budget is being spent right now is left for the next run.
	 * @param batchSize the most rows to delete, at least 1
	 * @return how many rows were deleted (fewer than {@code batchSize} when no more were due)
	 * @throws RateLimitStoreException if the database cannot be reached
	 */
	public int removeExpired(int batchSize) {
		Assert.isTrue(batchSize >= 1, "batchSize must be at least 1");
		long now = this.clock.millis();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(this.deleteExpired)) {
			statement.setQueryTimeout(this.timeoutSeconds);
			statement.setLong(1, now);
			statement.setLong(2, now);
			statement.setInt(3, batchSize);
			int deleted = statement.executeUpdate();
			if (!connection.getAutoCommit()) {
				// A pool that hands out connections without auto-commit would roll the deletion back on return.
				connection.commit();
			}
			return deleted;
		}
		catch (SQLException ex) {
			throw new RateLimitStoreException("The PostgreSQL rate-limit store could not delete expired budgets: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * The advisory lock id of a key: the first 8 bytes of the SHA-256 of its UTF-8 form, big-endian. Stable across
	 * nodes and versions (never {@code hashCode}, whose 32 bits would make keys wait for each other far more often).
	 * @param storeKey the key as stored ({@link RateLimitKey#value()})
	 * @return the lock id
	 */
	static long lockId(String storeKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(storeKey.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	String storeKey(RateLimitKey key) {
		return key.value();
	}

	@Override
	boolean isStoreFailure(RuntimeException ex) {
		return ex instanceof BucketExceptions.BucketExecutionException || ex instanceof TimeoutException
				|| causedBy(ex, SQLException.class);
	}

	/** {@code expires_at}: when the bucket is whole again, plus the margin, on the application's clock. */
	private static final class ExpiresAtColumn implements CustomColumnProvider<String> {

		private final ExpirationAfterWriteStrategy expiry;

		ExpiresAtColumn(ExpirationAfterWriteStrategy expiry) {
			this.expiry = expiry;
		}

		@Override
		public void setCustomField(String key, int paramIndex, PreparedStatement statement, RemoteBucketState state,
				long currentTimeNanos) throws SQLException {
			long timeToLive = this.expiry.calculateTimeToLiveMillis(state, currentTimeNanos);
			statement.setLong(paramIndex, currentTimeNanos / 1_000_000 + timeToLive);
		}

		@Override
		public String getCustomFieldName() {
			return EXPIRES_AT_COLUMN;
		}

	}

	/** {@code explicit_lock}: the row's lock id, which the clean-up takes before deleting it. */
	private static final class LockColumn implements CustomColumnProvider<String> {

		@Override
		public void setCustomField(String key, int paramIndex, PreparedStatement statement, RemoteBucketState state,
				long currentTimeNanos) throws SQLException {
			statement.setLong(paramIndex, lockId(key));
		}

		@Override
		public String getCustomFieldName() {
			return LOCK_COLUMN;
		}

	}

}
