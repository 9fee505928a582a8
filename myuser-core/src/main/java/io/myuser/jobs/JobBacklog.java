package io.myuser.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Reads the state of the job queue ({@value JobTasks#TABLE_NAME}) for health checks: jobs that are due but that no
 * node has picked for longer than a threshold, and jobs whose last attempts failed. Two small queries, each with a
 * statement timeout; it never reads job data.
 */
public class JobBacklog {

	private final DataSource dataSource;

	private final Clock clock;

	/**
	 * Create a reader.
	 * @param dataSource the database holding the job table
	 * @param clock the clock that says when "now" is (the one the scheduler uses)
	 */
	public JobBacklog(DataSource dataSource, Clock clock) {
		Assert.notNull(dataSource, "dataSource cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.dataSource = dataSource;
		this.clock = clock;
	}

	/**
	 * Read the queue's state.
	 * @param overdueAfter how long after its execution time an unpicked job counts as overdue
	 * @param queryTimeout the longest each query may take (whole seconds, at least one)
	 * @return the state
	 * @throws SQLException when the database cannot answer in time
	 */
	public Snapshot read(Duration overdueAfter, Duration queryTimeout) throws SQLException {
		Assert.isTrue(overdueAfter != null && !overdueAfter.isNegative(), "overdueAfter must not be negative");
		Assert.notNull(queryTimeout, "queryTimeout cannot be null");
		Instant now = this.clock.instant();
		int timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, queryTimeout.toSeconds()));
		try (Connection connection = this.dataSource.getConnection()) {
			long overdue;
			Instant oldest;
			try (PreparedStatement statement = connection.prepareStatement("select count(*), min(execution_time) from "
					+ JobTasks.TABLE_NAME + " where picked = ? and execution_time < ?")) {
				statement.setQueryTimeout(timeoutSeconds);
				statement.setBoolean(1, false);
				statement.setObject(2, OffsetDateTime.ofInstant(now.minus(overdueAfter), ZoneOffset.UTC));
				try (ResultSet rows = statement.executeQuery()) {
					rows.next();
					overdue = rows.getLong(1);
					OffsetDateTime min = rows.getObject(2, OffsetDateTime.class);
					oldest = (min != null) ? min.toInstant() : null;
				}
			}
			Map<String, Long> failing = new TreeMap<>();
			try (PreparedStatement statement = connection.prepareStatement("select task_name, count(*) from "
					+ JobTasks.TABLE_NAME + " where consecutive_failures > 0 group by task_name")) {
				statement.setQueryTimeout(timeoutSeconds);
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						failing.put(rows.getString(1), rows.getLong(2));
					}
				}
			}
			Duration oldestAge = (oldest != null) ? Duration.between(oldest, now) : null;
			return new Snapshot(overdue, oldestAge, failing);
		}
	}

	/**
	 * The state of the job queue.
	 *
	 * @param overdue jobs due for longer than the threshold that no node has picked
	 * @param oldestOverdueAge how long the oldest of them has been due, or {@code null} when there is none
	 * @param failingByType per job type, the jobs whose last attempt failed (waiting for a retry)
	 */
	public record Snapshot(long overdue, @Nullable Duration oldestOverdueAge, Map<String, Long> failingByType) {

		public Snapshot {
			failingByType = java.util.Collections.unmodifiableMap(new TreeMap<>(failingByType));
		}

		/**
		 * Return how many jobs of a type are failing.
		 * @param type the job type's name
		 * @return the count
		 */
		public long failing(String type) {
			return this.failingByType.getOrDefault(type, 0L);
		}

	}

}
