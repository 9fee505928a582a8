package io.myuser.sample.jobs;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.myuser.jobs.JobScheduler;
import io.myuser.jobs.JobTasks;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.session.SessionCleanup;
import io.myuser.support.SecretTokens;
import io.myuser.token.RefreshTokenCleanup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MyUser's job engine in the sample application: jobs enqueued in the caller's transaction, run once, retried
 * with backoff, given up, revived after their node died, and timed by the application's clock. The scheduler
 * polls every 100 ms here (2 s by default) and retries after 100 ms, 200 ms, ... (10 s, 20 s, ... by default).
 */
@Import(JobTestConfiguration.class)
@TestPropertySource(properties = { "myuser.jobs.polling-interval=100ms", "myuser.jobs.heartbeat-interval=200ms",
		"myuser.jobs.retry.initial-delay=100ms", "myuser.jobs.retry.max-attempts=3",
		"myuser.jobs.retry.backoff-multiplier=2" })
abstract class JobEngineTests extends IntegrationTestSupport {

	/** Long enough for several polls: a job that has not run by then was not going to run. */
	static final Duration QUIET = Duration.ofMillis(800);

	static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final String PASSWORD = "job engine passphrase";

	@Autowired
	protected JobScheduler jobs;

	@Autowired
	protected JobRecorder recorder;

	@Autowired
	@Qualifier("myUserScheduler")
	protected Scheduler scheduler;

	@Autowired
	protected DataSource dataSource;

	@Autowired
	private PlatformTransactionManager transactionManager;

	protected TransactionTemplate transaction() {
		return new TransactionTemplate(this.transactionManager);
	}

	protected static String uniqueId(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	protected long pendingRows(String taskName, String id) {
		return count("select count(*) from myuser_scheduled_tasks where task_name = ? and task_instance = ?", taskName,
				id);
	}

	@Test
	void the_scheduler_is_started_once_the_application_is_ready() {
		assertThat(this.scheduler.getSchedulerState().isStarted()).isTrue();
		assertThat(count("select count(*) from myuser_scheduled_tasks where task_name = 'myuser-session-cleanup'"))
			.as("the recurring session clean-up is scheduled")
			.isOne();
	}

	@Test
	void a_job_enqueued_in_a_transaction_that_rolls_back_is_never_stored_nor_run() {
		String id = uniqueId("rolled-back");

		transaction().executeWithoutResult((status) -> {
			this.jobs.enqueue(JobTestConfiguration.RECORD, id, new Note(id, "never"));
			assertThat(this.jobs.isPending(JobTestConfiguration.RECORD, id)).as("visible inside the transaction")
				.isTrue();
			status.setRollbackOnly();
		});

		assertThat(pendingRows("test-record", id)).isZero();
		await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> this.recorder.count(id) == 0);
	}

	@Test
	void a_job_enqueued_in_a_transaction_that_fails_is_never_run() {
		String id = uniqueId("failed-transaction");

		try {
			transaction().executeWithoutResult((status) -> {
				this.jobs.enqueue(JobTestConfiguration.RECORD, id, new Note(id, "never"));
				throw new IllegalStateException("business logic failed after enqueueing");
			});
		}
		catch (IllegalStateException expected) {
			// the transaction rolled back
		}

		assertThat(pendingRows("test-record", id)).isZero();
		await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> this.recorder.count(id) == 0);
	}

	@Test
	void a_job_enqueued_in_a_committed_transaction_is_invisible_until_the_commit_and_then_runs_exactly_once()
			throws Exception {
		String id = uniqueId("committed");

		transaction().executeWithoutResult((status) -> {
			this.jobs.enqueue(JobTestConfiguration.RECORD, id, new Note(id, "hello"));
			assertThat(rowsSeenByAnotherConnection(id)).as("before the commit, from outside").isZero();
		});

		await().atMost(PATIENCE).until(() -> this.recorder.count(id) == 1);
		assertThat(this.recorder.runs(id).get(0).text()).isEqualTo("hello");
		await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> this.recorder.count(id) == 1);
		assertThat(pendingRows("test-record", id)).as("a finished job leaves no row").isZero();
	}

	@Test
	void enqueueing_the_same_job_twice_in_one_transaction_runs_it_once_with_the_first_data() {
		String id = uniqueId("twice");

		transaction().executeWithoutResult((status) -> {
			this.jobs.enqueue(JobTestConfiguration.RECORD, id, new Note(id, "first"));
			this.jobs.enqueue(JobTestConfiguration.RECORD, id, new Note(id, "second"));
		});

		await().atMost(PATIENCE).until(() -> this.recorder.count(id) == 1);
		await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> this.recorder.count(id) == 1);
		assertThat(this.recorder.runs(id).get(0).text()).isEqualTo("first");
	}

	@Test
	void a_job_enqueued_concurrently_by_another_transaction_is_stored_once_and_neither_transaction_fails()
			throws Exception {
		String id = uniqueId("concurrent");
		String otherUser = uniqueEmail();
		Instant later = this.clock.instant().plus(Duration.ofHours(1));
		CountDownLatch firstInserted = new CountDownLatch(1);
		CountDownLatch secondStarted = new CountDownLatch(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<?> first = executor.submit(() -> transaction().executeWithoutResult((status) -> {
				this.jobs.enqueue(JobTestConfiguration.RECORD, id, new Note(id, "first"), later);
				firstInserted.countDown();
				awaitLatch(secondStarted);
				sleep(Duration.ofMillis(300)); // let the second insert wait on the first one's row
			}));
			awaitLatch(firstInserted);
			transaction().executeWithoutResult((status) -> {
				secondStarted.countDown();
				this.jobs.enqueue(JobTestConfiguration.RECORD, id, new Note(id, "second"), later);
				createUser(otherUser, "concurrent enqueue passphrase");
			});
			first.get(30, TimeUnit.SECONDS);
		}
		finally {
			executor.shutdownNow();
		}

		assertThat(pendingRows("test-record", id)).isOne();
		assertThat(count("select count(*) from myuser_user where email = ?", otherUser))
			.as("the second transaction committed its other work")
			.isOne();
		this.scheduler.reschedule(TaskInstanceId.of("test-record", id),
				this.clock.instant());
		await().atMost(PATIENCE).until(() -> this.recorder.count(id) == 1);
		assertThat(this.recorder.runs(id).get(0).text()).isEqualTo("first");
	}

	@Test
	void a_job_that_fails_twice_is_retried_with_growing_waits_and_completes() {
		String id = uniqueId("flaky");

		this.jobs.enqueue(JobTestConfiguration.FLAKY, id, new Note(id, "flaky"));

		await().atMost(PATIENCE).until(() -> this.recorder.count(id) == 3 && pendingRows("test-flaky", id) == 0);
		List<JobRecorder.Run> runs = this.recorder.runs(id);
		assertThat(Duration.between(runs.get(0).at(), runs.get(1).at())).as("first wait")
			.isGreaterThanOrEqualTo(Duration.ofMillis(100));
		assertThat(Duration.between(runs.get(1).at(), runs.get(2).at())).as("second wait, doubled")
			.isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(this.recorder.giveUps(id)).isEmpty();
		await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> this.recorder.count(id) == 3);
	}

	@Test
	void a_job_that_always_fails_is_given_up_after_its_attempts_and_its_handler_is_told_once() {
		String id = uniqueId("failing");

		this.jobs.enqueue(JobTestConfiguration.FAILING, id, new Note(id, "doomed"));

		await().atMost(PATIENCE).until(() -> this.recorder.giveUps(id).size() == 1);
		assertThat(this.recorder.count(id)).as("attempts").isEqualTo(3);
		assertThat(this.recorder.giveUps(id).get(0)).as("the handler's own exception, unwrapped")
			.isInstanceOf(IOException.class)
			.hasMessage("always fails: doomed");
		await().atMost(PATIENCE).until(() -> pendingRows("test-failing", id) == 0);
		await().during(QUIET).atMost(QUIET.multipliedBy(3))
			.until(() -> this.recorder.count(id) == 3 && this.recorder.giveUps(id).size() == 1);
	}

	@Test
	void a_job_picked_by_a_node_that_died_is_revived_and_completes() {
		String id = uniqueId("orphaned");
		Instant now = this.clock.instant();
		// Stored for later, then marked as picked by a node whose last heartbeat is an hour old, as if that node
		// had crashed while running it.
		this.jobs.enqueue(JobTestConfiguration.RECORD, id, new Note(id, "revived"), now.plus(Duration.ofDays(1)));
		int marked = this.jdbc.update(
				"update myuser_scheduled_tasks set picked = ?, picked_by = ?, last_heartbeat = ?, execution_time = ?, "
						+ "version = version + 1 where task_name = ? and task_instance = ?",
				true, "dead-node", at(now.minus(Duration.ofHours(1))), at(now.minus(Duration.ofHours(1))),
				"test-record", id);
		assertThat(marked).isOne();

		await().atMost(PATIENCE).until(() -> this.recorder.count(id) == 1);
		assertThat(this.recorder.runs(id).get(0).text()).isEqualTo("revived");
		await().atMost(PATIENCE).until(() -> pendingRows("test-record", id) == 0);
	}

	@Test
	void a_job_for_later_waits_for_the_application_clock() {
		String id = uniqueId("later");

		this.jobs.enqueue(JobTestConfiguration.RECORD, id, new Note(id, "later"),
				this.clock.instant().plus(Duration.ofHours(2)));

		await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> this.recorder.count(id) == 0);
		this.clock.advance(Duration.ofHours(2).plusSeconds(1));
		await().atMost(PATIENCE).until(() -> this.recorder.count(id) == 1);
	}

	@Test
	void the_job_table_has_the_columns_and_indexes_db_scheduler_expects() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			List<String> columns = new java.util.ArrayList<>();
			try (ResultSet rs = connection.getMetaData().getColumns(null, null, table(connection), null)) {
				while (rs.next()) {
					columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
				}
			}
			assertThat(columns).containsExactlyInAnyOrder("task_name", "task_instance", "task_data", "execution_time",
					"picked", "picked_by", "last_success", "last_failure", "consecutive_failures", "last_heartbeat",
					"version", "priority");
			List<String> indexedColumns = new java.util.ArrayList<>();
			try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, table(connection), false, false)) {
				while (rs.next()) {
					if (rs.getShort("ORDINAL_POSITION") == 1 && rs.getString("COLUMN_NAME") != null) {
						indexedColumns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
					}
				}
			}
			assertThat(indexedColumns).contains("task_name", "execution_time", "last_heartbeat", "priority");
		}
		assertThat(JobTasks.TABLE_NAME).isEqualTo("myuser_scheduled_tasks");
	}

	@Test
	void job_data_is_stored_as_json() throws Exception {
		String id = uniqueId("json");
		this.jobs.enqueue(JobTestConfiguration.RECORD, id, new Note(id, "stored as json"),
				this.clock.instant().plus(Duration.ofDays(1)));
		String sql = "select task_data, priority from myuser_scheduled_tasks where task_name = ? and task_instance = ?";
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, "test-record");
			statement.setString(2, id);
			try (ResultSet rs = statement.executeQuery()) {
				assertThat(rs.next()).isTrue();
				assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8))
					.isEqualTo("{\"id\":\"" + id + "\",\"text\":\"stored as json\"}");
				assertThat(rs.getInt(2)).isEqualTo(50);
			}
		}
		this.scheduler.cancel(TaskInstanceId.of("test-record", id));
	}

	@Test
	void the_clean_up_jobs_delete_expired_revocations_expired_refresh_tokens_and_long_ended_sessions_only() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		Session revokedLongAgo = startSession(email);
		Session expiredLongAgo = startSession(email);
		Session idleLongAgo = startSession(email);
		Session revokedRecently = startSession(email);
		Session live = startSession(email);
		Instant now = this.clock.instant();
		endSession("revoked_at = ?, revoke_reason = 'logout'", now.minus(Duration.ofDays(31)), revokedLongAgo);
		endSession("expires_at = ?", now.minus(Duration.ofDays(31)), expiredLongAgo);
		this.jdbc.update("update myuser_refresh_token set expires_at = ? where session_id = ?",
				at(now.minus(Duration.ofDays(31))), expiredLongAgo.id());
		endSession("last_activity = ?", now.minus(Duration.ofDays(61)), idleLongAgo);
		endSession("revoked_at = ?, revoke_reason = 'logout'", now.minus(Duration.ofDays(10)), revokedRecently);
		String rotated = live.refresh();
		String current = postJson(BASE + "/token/refresh/", json(java.util.Map.of("refresh", rotated))).json()
			.get("refresh")
			.asString();
		this.jdbc.update("update myuser_refresh_token set expires_at = ? where token_hash = ?",
				at(now.minus(Duration.ofMinutes(1))), SecretTokens.hash(rotated));
		UUID expiredRevocation = revocation(live.userId(), now.minus(Duration.ofMinutes(1)));
		UUID liveRevocation = revocation(live.userId(), now.plus(Duration.ofMinutes(10)));

		runNow(SessionCleanup.JOB_NAME);
		runNow(RefreshTokenCleanup.JOB_NAME);

		await().atMost(PATIENCE)
			.until(() -> sessions(revokedLongAgo, expiredLongAgo, idleLongAgo) == 0
					&& count("select count(*) from myuser_token_revocation where id = ?", expiredRevocation) == 0
					&& count("select count(*) from myuser_refresh_token where token_hash = ?",
							SecretTokens.hash(rotated)) == 0);
		assertThat(count("select count(*) from myuser_refresh_token where session_id in (?, ?, ?)",
				revokedLongAgo.id(), expiredLongAgo.id(), idleLongAgo.id()))
			.as("the refresh tokens of deleted sessions")
			.isZero();
		assertThat(sessions(revokedRecently, live)).as("sessions ended recently or still live").isEqualTo(2);
		assertThat(count("select count(*) from myuser_refresh_token where token_hash in (?, ?)",
				SecretTokens.hash(revokedRecently.refresh()), SecretTokens.hash(current)))
			.as("refresh tokens of kept sessions that have not expired")
			.isEqualTo(2);
		assertThat(count("select count(*) from myuser_token_revocation where id = ?", liveRevocation)).isOne();
		assertThat(postJson(BASE + "/token/refresh/", json(java.util.Map.of("refresh", current))).status())
			.as("the live session still refreshes")
			.isEqualTo(200);
	}

	private Session startSession(String email) {
		String refresh = login(email, PASSWORD).json().get("refresh").asString();
		java.util.Map<String, Object> row = this.jdbc.queryForMap(
				"select session_id, user_id from myuser_refresh_token where token_hash = ?",
				SecretTokens.hash(refresh));
		return new Session(uuid(row.get("session_id")), uuid(row.get("user_id")), refresh);
	}

	private void endSession(String assignment, Instant when, Session session) {
		assertThat(this.jdbc.update("update myuser_user_session set " + assignment + " where id = ?", at(when),
				session.id()))
			.isOne();
	}

	private UUID revocation(UUID userId, Instant expiresAt) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc.update("insert into myuser_token_revocation (id, session_id, user_id, reason, revoked_at, "
				+ "expires_at, created_at, updated_at) values (?, ?, ?, 'logout', ?, ?, ?, ?)", id, UUID.randomUUID(),
				userId, at(now), at(expiresAt), at(now), at(now));
		return id;
	}

	private long sessions(Session... sessions) {
		return java.util.Arrays.stream(sessions)
			.mapToLong((session) -> count("select count(*) from myuser_user_session where id = ?", session.id()))
			.sum();
	}

	/** Make a recurring job due now (it may be running at this moment; then try again). */
	private void runNow(String recurringJob) {
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.scheduler.reschedule(TaskInstanceId.of(recurringJob, RecurringTask.INSTANCE),
					this.clock.instant()));
	}

	private static UUID uuid(Object value) {
		return (value instanceof UUID uuid) ? uuid : UUID.fromString(value.toString());
	}

	record Session(UUID id, UUID userId, String refresh) {

	}

	private long rowsSeenByAnotherConnection(String id) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(
						"select count(*) from myuser_scheduled_tasks where task_name = ? and task_instance = ?")) {
			statement.setString(1, "test-record");
			statement.setString(2, id);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String table(Connection connection) throws java.sql.SQLException {
		return connection.getMetaData().storesUpperCaseIdentifiers() ? "MYUSER_SCHEDULED_TASKS"
				: "myuser_scheduled_tasks";
	}

	static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static void awaitLatch(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("timed out");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
