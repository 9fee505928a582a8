package io.myuser.sample.gdpr;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.myuser.account.NewUser;
import io.myuser.gdpr.DataRequestEvents;
import io.myuser.personaldata.ErasureContext;
import io.myuser.personaldata.UserDataEraser;
import io.myuser.gdpr.export.DataExportCompleted;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.Races;
import io.myuser.sample.test.TransactionHolds;
import io.myuser.sample.test.Mailbox;
import io.myuser.support.ClientInfo;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An erasure racing the other writers of a deleted account's data requests: an export being written or recorded,
 * and a withdrawal of the deletion by its emailed link or through the API. Each order is forced once (a
 * transaction is held open at a chosen point while the other one is shown waiting for its lock in the database),
 * then seeded random rounds let them meet anywhere. Whatever the order, exactly one of erasure and withdrawal wins,
 * no answer is a 5xx, an erased account keeps no archive, no working download link and no personal data, and a
 * withdrawn one keeps everything.
 */
@TestPropertySource(properties = { "myuser.web.trusted-proxies=127.0.0.1/32", "myuser.jobs.threads=4" })
@Import(ErasureRaceTests.HoldConfiguration.class)
abstract class ErasureRaceTests extends GdprTestSupport {

	private static final String DELETION_TASK = "myuser-gdpr-deletion";

	@Autowired
	private DataSource dataSource;

	@Autowired
	private FaultInjectingExportStorage storage;

	@Autowired
	private Holds holds;

	@AfterEach
	void releaseEverything() {
		this.holds.releaseAll();
		this.storage.reset();
	}

	@Test
	void an_export_written_while_its_account_is_erased_is_refused_when_it_finishes_and_leaves_no_archive()
			throws Exception {
		Account account = account();
		Deletion deletion = requestDeletion(account);
		int uploads = this.storage.uploads();
		this.storage.holdUploads();
		UUID export = requestExport(account);
		await().atMost(PATIENCE).until(() -> this.storage.uploads() > uploads);
		assertThat(status(export)).as("the export has started").isEqualTo("PROCESSING");

		this.clock.advance(Duration.between(this.clock.instant(), deletion.scheduledFor()).plusSeconds(1));
		awaitStatus(deletion.id(), "COMPLETED");
		assertThat(status(export)).as("still writing its archive").isEqualTo("PROCESSING");
		this.storage.release();

		awaitStatus(export, "FAILED");
		assertThat(count("select count(*) from myuser_data_export_file where data_request_id = ?", export))
			.as("no archive recorded").isZero();
		assertErased(account, export);
	}

	@Test
	void an_erasure_that_starts_while_an_export_is_recorded_waits_for_it_then_deletes_the_archive() throws Exception {
		Account account = account();
		Deletion deletion = requestDeletion(account);
		this.holds.hold(Point.EXPORT_RECORDED, account.id());
		UUID export = requestExport(account);
		this.holds.awaitReached(Point.EXPORT_RECORDED, account.id());

		this.clock.advance(Duration.between(this.clock.instant(), deletion.scheduledFor()).plusSeconds(1));
		awaitLockWaiters(1);
		assertThat(status(deletion.id())).as("the erasure waits for the account's lock").isEqualTo("PENDING");
		this.holds.release(Point.EXPORT_RECORDED, account.id());

		awaitStatus(deletion.id(), "COMPLETED");
		assertThat(status(export)).as("recorded before the erasure began").isEqualTo("COMPLETED");
		assertThat(count("select count(*) from myuser_data_export_file where data_request_id = ?", export))
			.as("the archive's row stays, expired").isOne();
		assertErased(account, export);
	}

	@Test
	void a_withdrawal_sent_while_the_erasure_runs_waits_for_it_then_finds_nothing_to_withdraw() throws Exception {
		Account account = account();
		Deletion deletion = requestDeletion(account);
		this.holds.hold(Point.ERASING, account.id());
		this.clock.advance(Duration.between(this.clock.instant(), deletion.scheduledFor()).minusSeconds(10));
		Account loggedIn = logInAgain(account);

		this.clock.advance(Duration.ofSeconds(11));
		this.holds.awaitReached(Point.ERASING, account.id());
		CompletableFuture<HttpResult> byApi = CompletableFuture.supplyAsync(() -> withdrawByApi(loggedIn, deletion));
		CompletableFuture<HttpResult> byLink = CompletableFuture.supplyAsync(() -> withdrawByLink(deletion));
		awaitLockWaiters(2);
		this.holds.release(Point.ERASING, account.id());

		HttpResult api = byApi.get(30, TimeUnit.SECONDS);
		HttpResult link = byLink.get(30, TimeUnit.SECONDS);
		assertThat(api.status()).as(api.body()).isEqualTo(404);
		assertThat(api.isProblem()).isTrue();
		assertThat(link.status()).as(link.body()).isEqualTo(400);
		assertThat(link.json().get("errors").has("token")).isTrue();
		awaitStatus(deletion.id(), "COMPLETED");
		assertErased(account, null);
	}

	@Test
	void an_erasure_that_starts_while_a_withdrawal_is_written_waits_for_it_then_erases_nothing() throws Exception {
		Account account = account();
		Deletion deletion = requestDeletion(account);
		// Seconds before the end of the grace period (the test clock follows real time, and a busy machine is slow).
		this.clock.advance(Duration.between(this.clock.instant(), deletion.scheduledFor()).minusSeconds(10));
		this.holds.hold(Point.WITHDRAWN, account.id());
		CompletableFuture<HttpResult> byLink = CompletableFuture.supplyAsync(() -> withdrawByLink(deletion));
		this.holds.awaitReached(Point.WITHDRAWN, account.id());

		this.clock.advance(Duration.between(this.clock.instant(), deletion.scheduledFor()).plusSeconds(1));
		awaitLockWaiters(1);
		this.holds.release(Point.WITHDRAWN, account.id());

		HttpResult link = byLink.get(30, TimeUnit.SECONDS);
		assertThat(link.status()).as(link.body()).isEqualTo(200);
		await().atMost(PATIENCE).until(() -> deletionJobs(deletion.id()) == 0);
		assertThat(status(deletion.id())).isEqualTo("CANCELLED");
		assertKept(account);
	}

	@Test
	void seeded_races_of_erasure_withdrawal_and_export_end_with_exactly_one_winner_and_nothing_left_over()
			throws Exception {
		long seed = Long.getLong("myuser.erasure-race.seed", System.nanoTime());
		int rounds = Integer.getInteger("myuser.erasure-race.rounds", 16);
		System.out.println("ErasureRaceTests seed=" + seed + " rounds=" + rounds
				+ " (rerun with -Dmyuser.erasure-race.seed=" + seed + ")");
		Random random = new Random(seed);
		Map<String, Integer> outcomes = new ConcurrentHashMap<>();
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			for (int round = 0; round < rounds; round++) {
				String where = "seed " + seed + " round " + round;
				Account account = account();
				Deletion deletion = requestDeletion(account);
				boolean viaLink = random.nextBoolean();
				boolean withExport = random.nextBoolean();
				UUID export = null;
				if (withExport) {
					int uploads = this.storage.uploads();
					this.storage.holdUploads();
					export = requestExport(account);
					await().atMost(PATIENCE).until(() -> this.storage.uploads() > uploads);
				}
				// A fresh access token first (the test clock follows real time, and a login's password hash may take
				// longer than the last moments of the grace period on a busy machine); then to just before its end:
				// the link works until the grace period ends, the erasure may start from then on.
				this.clock.advance(Duration.between(this.clock.instant(), deletion.scheduledFor()).minusSeconds(60));
				Account loggedIn = logInAgain(account);
				this.clock.advance(Duration.between(this.clock.instant(), deletion.scheduledFor()).minusMillis(300));
				long[] delays = { random.nextInt(200), random.nextInt(200), random.nextInt(200) };
				Future<HttpResult> withdrawal = threads.submit(() -> {
					Thread.sleep(delays[0]);
					return viaLink ? withdrawByLink(deletion) : withdrawByApi(loggedIn, deletion);
				});
				Future<?> graceEnds = threads.submit(() -> {
					Thread.sleep(delays[1]);
					this.clock.advance(Duration.ofSeconds(1));
					return null;
				});
				Future<?> exportGoesOn = threads.submit(() -> {
					Thread.sleep(delays[2]);
					this.storage.release();
					return null;
				});
				HttpResult answer = withdrawal.get(30, TimeUnit.SECONDS);
				graceEnds.get(30, TimeUnit.SECONDS);
				exportGoesOn.get(30, TimeUnit.SECONDS);

				assertThat(answer.status()).as("%s: %s", where, answer.body()).isLessThan(500);
				if (answer.status() == 200) {
					assertThat(status(deletion.id())).as(where).isEqualTo("CANCELLED");
				}
				else {
					assertThat(answer.isProblem()).as(where).isTrue();
					awaitStatus(deletion.id(), "COMPLETED");
				}
				if (export != null) {
					UUID exportId = export;
					await().atMost(PATIENCE)
						.until(() -> List.of("COMPLETED", "FAILED").contains(status(exportId)));
				}
				await().atMost(PATIENCE).until(() -> deletionJobs(deletion.id()) == 0);
				String outcome = status(deletion.id()) + ((export != null) ? " export " + status(export) : "");
				outcomes.merge(outcome, 1, Integer::sum);
				if ("CANCELLED".equals(status(deletion.id()))) {
					assertKept(account);
				}
				else {
					assertThat(status(deletion.id())).as(where).isEqualTo("COMPLETED");
					assertErased(account, export);
				}
			}
		}
		finally {
			threads.shutdownNow();
			System.out.println("ErasureRaceTests outcomes " + outcomes);
		}
	}

	/** The account is erased: no archive, no working download link, no personal data anywhere, no login. */
	private void assertErased(Account account, UUID export) throws Exception {
		AccountDeletionTests.Person person = account.person();
		if (export != null) {
			await().atMost(PATIENCE).untilAsserted(() -> assertThat(storedFiles(this.storage))
				.as("archives of an erased account").noneMatch((name) -> name.contains(export.toString())));
			assertThat(count("select count(*) from myuser_data_export_file where data_request_id = ? and "
					+ "file_deleted_at is null and expires_at > ?", export,
					java.time.OffsetDateTime.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC)))
				.as("downloadable archive rows")
				.isZero();
		}
		for (MimeMessage mail : mailTo(person.email())) {
			if (body(mail).contains("/data-export/download/")) {
				Download download = download(downloadPath(mail));
				assertThat(download.status()).as("a mailed link of an erased account").isIn(404, 410);
			}
		}
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(PersonalData.found(this.dataSource, this.jdbc, person)).isEmpty());
		// Last: a failed login audits the address it was given, as it would for anyone typing it.
		HttpResult login = login(person.email(), PASSWORD);
		assertThat(login.status()).isEqualTo(401);
		assertThat(login.body()).isEqualTo(login(uniqueEmail(), PASSWORD).body());
	}

	/** The account is as it was: it logs in and keeps its names. */
	private void assertKept(Account account) {
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = "
				+ "'ACCOUNT_DELETED'", account.id())).isZero();
		String fresh = accessToken(account.person().email(), PASSWORD);
		assertThat(getWithToken(BASE + "/profile/", fresh).json().get("last_name").asString())
			.isEqualTo(account.person().lastName());
	}

	private Account account() {
		AccountDeletionTests.Person person = AccountDeletionTests.Person.random();
		UUID id = this.accounts.createUser(new NewUser(person.email(), PASSWORD, person.firstName(),
				person.lastName(), true, false), ClientInfo.NONE).getId();
		HttpResult login = postJson(BASE + "/token/", json(Map.of("email", person.email(), "password", PASSWORD)),
				person.headers());
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return new Account(id, person, login.json().get("access").asString());
	}

	/** A fresh access token: the first one expired while the clock moved to the end of the grace period. */
	private Account logInAgain(Account account) {
		HttpResult login = postJson(BASE + "/token/", json(Map.of("email", account.person().email(), "password",
				PASSWORD)), account.person().headers());
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return account.withAccess(login.json().get("access").asString());
	}

	private Deletion requestDeletion(Account account) {
		HttpResult created = postJson(BASE + "/data-requests/",
				json(Map.of("request_type", "DELETE", "password", PASSWORD)),
				account.person().headers("Authorization", "Bearer " + account.access()));
		UUID id = requestId(created);
		Instant scheduledFor = Instant.parse(created.json().get("scheduled_for").asString());
		await().atMost(PATIENCE).until(() -> mailTo(account.person().email()).stream()
			.anyMatch((mail) -> subjectOf(mail).contains("will be deleted")));
		MimeMessage notice = mailTo(account.person().email()).stream()
			.filter((mail) -> subjectOf(mail).contains("will be deleted"))
			.findFirst()
			.orElseThrow();
		return new Deletion(id, scheduledFor, Mailbox.key(notice));
	}

	private UUID requestExport(Account account) {
		return requestId(postJson(BASE + "/data-requests/", json(Map.of("request_type", "EXPORT")),
				account.person().headers("Authorization", "Bearer " + account.access())));
	}

	private HttpResult withdrawByLink(Deletion deletion) {
		return postJson(BASE + "/data-requests/cancel/", json(Map.of("token", deletion.token())));
	}

	private HttpResult withdrawByApi(Account account, Deletion deletion) {
		return postJson(BASE + "/data-requests/" + deletion.id() + "/cancel/", "",
				account.person().headers("Authorization", "Bearer " + account.access()));
	}

	private long deletionJobs(UUID requestId) {
		return count("select count(*) from myuser_scheduled_tasks where task_name = ? and task_instance = ?",
				DELETION_TASK, requestId.toString());
	}

	/**
	 * Wait until the database shows at least {@code count} transactions waiting for a row lock another one holds:
	 * the proof that the forced order really makes one writer wait for the other.
	 */
	private void awaitLockWaiters(int count) {
		Races.awaitLockWaiters(this.jdbc, count);
	}

	record Account(UUID id, AccountDeletionTests.Person person, String access) {

		Account withAccess(String access) {
			return new Account(this.id, this.person, access);
		}

	}

	record Deletion(UUID id, Instant scheduledFor, String token) {
	}

	/** The points where a test holds a transaction open. */
	enum Point {

		/** In the erasure, after the account's lock is taken: while the host's erasers run. */
		ERASING,

		/** In the export's record transaction, after the archive's row is written. */
		EXPORT_RECORDED,

		/** In the withdrawal's transaction, after the request is marked withdrawn. */
		WITHDRAWN

	}

	/**
	 * Holds transactions open at a {@link Point}, for one account at a time, until released.
	 */
	static final class Holds extends TransactionHolds {

		@EventListener
		void onExportReady(DataExportCompleted event) {
			pass(Point.EXPORT_RECORDED, event.userId());
		}

		@EventListener
		void onWithdrawn(DataRequestEvents.Cancelled event) {
			pass(Point.WITHDRAWN, event.userId());
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HoldConfiguration {

		@Bean
		Holds holds() {
			return new Holds();
		}

		@Bean
		UserDataEraser holdingEraser(Holds holds) {
			return (ErasureContext context) -> holds.pass(Point.ERASING, context.userId());
		}

	}

}
