package io.myuser.sample.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditLogEraser;
import io.myuser.audit.AuditLogWriter;
import io.myuser.audit.AuditRetention;
import io.myuser.personaldata.ErasureContext;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.PostgresTest;
import io.myuser.support.ClientInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit retention job racing an erasure's pseudonymisation of the same rows, on PostgreSQL. The clean-up
 * skips rows an erasure holds instead of waiting for them, so it never waits for (and can be in no deadlock with)
 * an erasure however their rows interleave; the erasure, waiting for a batch the clean-up holds, finds the rows it
 * deleted gone. Afterwards no row of the erased account keeps its client data, and the next run deletes the old
 * rows it skipped.
 */
@PostgresTest
class AuditRetentionRacePostgresTests extends IntegrationTestSupport {

	private static final Duration RETENTION = Duration.ofDays(365);

	private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "RaceAgent/1.0");

	private static ExecutorService pool;

	@Autowired
	private AuditLogWriter writer;

	@Autowired
	private AuditLogEraser eraser;

	@Autowired
	private AuditRetention retention;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@BeforeAll
	static void startPool() {
		pool = Executors.newFixedThreadPool(2);
	}

	@AfterAll
	static void stopPool() {
		pool.shutdownNow();
	}

	@Test
	void the_clean_up_skips_the_rows_an_erasure_holds_and_deletes_them_on_its_next_run() throws Exception {
		UUID userId = account();
		UUID bystander = account();
		writeRows(userId, 30, true);
		writeRows(bystander, 30, true);
		writeRows(userId, 5, false);
		CountDownLatch pseudonymised = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);

		Future<?> erasure = pool.submit(() -> new TransactionTemplate(this.transactionManager).executeWithoutResult(
				(status) -> {
					this.eraser.erase(new ErasureContext(userId, UUID.randomUUID(), "gone@example.com",
							this.clock.instant()));
					pseudonymised.countDown();
					await(release);
				}));
		assertThat(pseudonymised.await(30, TimeUnit.SECONDS)).isTrue();
		Future<Integer> cleanUp = pool.submit(this.retention::deleteExpired);

		int deletedWhileHeld = cleanUp.get(30, TimeUnit.SECONDS);
		release.countDown();
		erasure.get(30, TimeUnit.SECONDS);

		assertThat(deletedWhileHeld).as("the bystander's old rows (and any other test's), not the held ones")
			.isGreaterThanOrEqualTo(30);
		assertThat(oldRows(bystander)).isZero();
		assertThat(oldRows(userId)).as("skipped while the erasure held them").isEqualTo(30);
		assertThat(this.retention.deleteExpired()).isGreaterThanOrEqualTo(30);
		assertThat(oldRows(userId) + oldRows(bystander)).isZero();
		assertNoClientData(userId, 5 + 1);
	}

	@Test
	void an_erasure_and_the_clean_up_at_once_never_fail_and_leave_no_client_data() throws Exception {
		long seed = Long.getLong("myuser.audit-race.seed", System.nanoTime());
		System.out.println("[AuditRetentionRacePostgresTests] seed=" + seed
				+ " (replay with -Dmyuser.audit-race.seed=" + seed + ")");
		java.util.Random random = new java.util.Random(seed);
		for (int round = 0; round < 6; round++) {
			UUID userId = account();
			writeRows(userId, 200 + random.nextInt(1500), true);
			int recent = 1 + random.nextInt(20);
			writeRows(userId, recent, false);
			long eraseDelay = random.nextInt(20);
			long cleanDelay = random.nextInt(20);

			Future<?> erasure = pool.submit(() -> {
				sleep(eraseDelay);
				new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> this.eraser
					.erase(new ErasureContext(userId, UUID.randomUUID(), "gone@example.com", this.clock.instant())));
				return null;
			});
			Future<Integer> cleanUp = pool.submit(() -> {
				sleep(cleanDelay);
				return this.retention.deleteExpired();
			});
			erasure.get(60, TimeUnit.SECONDS);
			cleanUp.get(60, TimeUnit.SECONDS);

			this.retention.deleteExpired();
			assertThat(oldRows(userId)).as("seed %d round %d: old rows", seed, round).isZero();
			assertNoClientData(userId, recent + 1);
		}
	}

	/** An account of its own; its {@code ACCOUNT_CREATED} row is one of its recent rows. */
	private UUID account() {
		return createUser(uniqueEmail(), "a long and unusual passphrase").getId();
	}

	private void writeRows(UUID userId, int count, boolean old) {
		if (old) {
			this.clock.pin(this.clock.instant().minus(RETENTION).minus(Duration.ofDays(10)));
		}
		try {
			for (int i = 0; i < count; i++) {
				this.writer.write(userId, AuditEventType.LOGIN, CLIENT, Map.of("n", i));
			}
		}
		finally {
			this.clock.reset();
		}
	}

	private long oldRows(UUID userId) {
		return count("select count(*) from myuser_audit_log where user_id = ? and created_at < ?", userId,
				java.sql.Timestamp.from(this.clock.instant().minus(RETENTION)));
	}

	private void assertNoClientData(UUID userId, int rows) {
		assertThat(count("select count(*) from myuser_audit_log where user_id = ?", userId)).isEqualTo(rows);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and (ip_address is not null "
				+ "or user_agent <> '' or details <> '{}')", userId)).as("rows keeping client data").isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
