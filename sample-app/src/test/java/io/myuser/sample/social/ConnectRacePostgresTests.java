package io.myuser.sample.social;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.Races;
import io.myuser.sample.test.TransactionHolds;
import io.myuser.sample.test.PostgresTest;
import io.myuser.social.SocialAccountConnected;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connects racing each other on PostgreSQL, over HTTP. Each race is first forced: the first connect is held open
 * inside its transaction right after its row was inserted (where {@link SocialAccountConnected} is published), and
 * the second is shown waiting for a lock in the database before the first is let go; then unforced rounds start
 * both at once. Whatever the order:
 * <ul>
 * <li>two users connecting one identity: exactly one answers 200 and owns the one row, the other 400
 * ({@code social-account-taken});</li>
 * <li>one user connecting two GitHub identities: one row for that user at GitHub, the other connect 400
 * ({@code social-provider-already-connected});</li>
 * <li>one user connecting one identity twice: both 200, one row, one audit row, one mail.</li>
 * </ul>
 * No answer is a 5xx or a 409.
 */
@PostgresTest
@Import(ConnectRacePostgresTests.HoldConfiguration.class)
class ConnectRacePostgresTests extends SocialTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final int ROUNDS = 8;

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static ExecutorService pool;

	@Autowired
	private Holds holds;

	@BeforeAll
	static void startPool() {
		pool = Executors.newFixedThreadPool(2);
	}

	@AfterAll
	static void stopPool() {
		pool.shutdownNow();
	}

	@AfterEach
	void releaseHolds() {
		this.holds.releaseAll();
	}

	@Test
	void a_connect_of_an_identity_another_users_connect_is_inserting_waits_for_it_and_is_refused() throws Exception {
		Caller first = caller();
		Caller second = caller();
		long gitHubId = gitHubId();
		String firstToken = gitHubToken(gitHubId);
		String secondToken = gitHubToken(gitHubId);
		this.holds.hold(first.id());

		Future<HttpResult> firstConnect = pool.submit(() -> connectGitHub(first, firstToken));
		this.holds.awaitReached(first.id());
		Future<HttpResult> secondConnect = pool.submit(() -> connectGitHub(second, secondToken));
		awaitLockWaiters();
		this.holds.release(first.id());

		HttpResult won = firstConnect.get(30, TimeUnit.SECONDS);
		HttpResult lost = secondConnect.get(30, TimeUnit.SECONDS);
		assertThat(won.status()).as(won.body()).isEqualTo(200);
		assertThat(won.json().get("detail").asString()).isEqualTo("GitHub account connected.");
		assertRefused(lost, "social-account-taken");
		assertOneRowOwnedBy(gitHubId, first);
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", second.id())).isZero();
		assertThat(connectedAudits(first)).isOne();
		assertThat(connectedAudits(second)).isZero();
	}

	@Test
	void two_users_connecting_one_identity_at_once_one_wins_and_the_other_is_400() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			Caller one = caller();
			Caller two = caller();
			long gitHubId = gitHubId();
			String oneToken = gitHubToken(gitHubId);
			String twoToken = gitHubToken(gitHubId);

			List<HttpResult> answers = atOnce(() -> connectGitHub(one, oneToken), () -> connectGitHub(two, twoToken));

			HttpResult first = answers.get(0);
			HttpResult second = answers.get(1);
			assertThat(List.of(first.status(), second.status())).as("round %d: %s / %s", round, first.body(),
					second.body()).containsExactlyInAnyOrder(200, 400);
			Caller winner = (first.status() == 200) ? one : two;
			Caller loser = (first.status() == 200) ? two : one;
			assertRefused((first.status() == 200) ? second : first, "social-account-taken");
			assertOneRowOwnedBy(gitHubId, winner);
			assertThat(count("select count(*) from myuser_social_account where user_id = ?", loser.id())).isZero();
			assertThat(connectedAudits(winner)).isOne();
			assertThat(connectedAudits(loser)).isZero();
		}
	}

	@Test
	void a_users_second_github_identity_connected_while_the_first_is_inserting_waits_and_is_refused()
			throws Exception {
		Caller caller = caller();
		long firstId = gitHubId();
		long secondId = gitHubId();
		String firstToken = gitHubToken(firstId);
		String secondToken = gitHubToken(secondId);
		this.holds.hold(caller.id());

		Future<HttpResult> firstConnect = pool.submit(() -> connectGitHub(caller, firstToken));
		this.holds.awaitReached(caller.id());
		Future<HttpResult> secondConnect = pool.submit(() -> connectGitHub(caller, secondToken));
		awaitLockWaiters();
		this.holds.release(caller.id());

		assertThat(firstConnect.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertRefused(secondConnect.get(30, TimeUnit.SECONDS), "social-provider-already-connected");
		assertThat(gitHubUids(caller)).containsExactly(Long.toString(firstId));
		assertThat(count("select count(*) from myuser_social_account where provider = 'github' and uid = ?",
				Long.toString(secondId))).isZero();
	}

	@Test
	void one_user_connecting_two_github_identities_at_once_keeps_one_and_the_other_is_400() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			Caller caller = caller();
			long oneId = gitHubId();
			long twoId = gitHubId();
			String oneToken = gitHubToken(oneId);
			String twoToken = gitHubToken(twoId);

			List<HttpResult> answers = atOnce(() -> connectGitHub(caller, oneToken),
					() -> connectGitHub(caller, twoToken));

			HttpResult first = answers.get(0);
			HttpResult second = answers.get(1);
			assertThat(List.of(first.status(), second.status())).as("round %d: %s / %s", round, first.body(),
					second.body()).containsExactlyInAnyOrder(200, 400);
			assertRefused((first.status() == 200) ? second : first, "social-provider-already-connected");
			long kept = (first.status() == 200) ? oneId : twoId;
			long refused = (first.status() == 200) ? twoId : oneId;
			assertThat(gitHubUids(caller)).containsExactly(Long.toString(kept));
			assertThat(count("select count(*) from myuser_social_account where provider = 'github' and uid = ?",
					Long.toString(refused))).isZero();
			assertThat(connectedAudits(caller)).isOne();
		}
	}

	@Test
	void the_same_identity_connected_twice_at_once_by_its_user_is_stored_audited_and_mailed_once()
			throws Exception {
		Caller caller = caller();
		long gitHubId = gitHubId();
		String token = gitHubToken(gitHubId);
		this.holds.hold(caller.id());

		Future<HttpResult> firstConnect = pool.submit(() -> connectGitHub(caller, token));
		this.holds.awaitReached(caller.id());
		Future<HttpResult> secondConnect = pool.submit(() -> connectGitHub(caller, token));
		awaitLockWaiters();
		this.holds.release(caller.id());

		HttpResult first = firstConnect.get(30, TimeUnit.SECONDS);
		HttpResult second = secondConnect.get(30, TimeUnit.SECONDS);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("detail").asString()).isEqualTo("GitHub account connected.");
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(second.json().get("detail").asString()).isEqualTo("GitHub account already connected.");
		assertOneRowOwnedBy(gitHubId, caller);
		assertThat(connectedAudits(caller)).isOne();
		this.mailbox.awaitMail(caller.email(), 1);
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> count("select count(*) from myuser_scheduled_tasks where task_instance like ?",
					"%" + caller.id() + "%") == 0);
		assertThat(this.mailbox.mailTo(caller.email())).hasSize(1);
	}

	private Caller caller() {
		String email = uniqueEmail();
		UUID id = createUser(email, PASSWORD).getId();
		return new Caller(id, email, accessToken(email, PASSWORD));
	}

	private static long gitHubId() {
		return Long.parseLong(uid());
	}

	/** A new access token of this app for a GitHub user. */
	private String gitHubToken(long gitHubId) {
		String token = "gh-token-" + uid();
		gitHubUser(token, gitHubId, "racer-" + gitHubId, uniqueEmail(), true);
		return token;
	}

	private HttpResult connectGitHub(Caller caller, String token) {
		return connect("github", caller.access(), body("access_token", token));
	}

	/** Run two calls released together by a barrier; their answers in the order given. */
	private List<HttpResult> atOnce(Call one, Call two) throws Exception {
		return Races.atOnce(pool, new long[0], one::run, two::run);
	}

	/** Wait until a transaction waits for a lock another one holds: the forced order really makes one wait. */
	private void awaitLockWaiters() {
		Races.awaitLockWaiters(this.jdbc, 1);
	}

	private static void assertRefused(HttpResult result, String code) {
		assertThat(result.status()).as(result.body()).isEqualTo(400);
		assertThat(result.isProblem()).isTrue();
		assertThat(result.json().get("type").asString()).isEqualTo("urn:myuser:problem:" + code);
	}

	private void assertOneRowOwnedBy(long gitHubId, Caller owner) {
		assertThat(this.jdbc.queryForList("select user_id from myuser_social_account where provider = 'github' "
				+ "and uid = ?", UUID.class, Long.toString(gitHubId))).containsExactly(owner.id());
	}

	private List<String> gitHubUids(Caller caller) {
		return this.jdbc.queryForList("select uid from myuser_social_account where user_id = ? and provider = "
				+ "'github'", String.class, caller.id());
	}

	private long connectedAudits(Caller caller) {
		return count("select count(*) from myuser_audit_log where user_id = ? and event_type = "
				+ "'SOCIAL_ACCOUNT_CONNECTED'", caller.id());
	}

	/** A logged-in user. */
	record Caller(UUID id, String email, String access) {
	}

	/** One HTTP call of a race. */
	@FunctionalInterface
	interface Call {

		HttpResult run();

	}

	/**
	 * Holds a connect of one account open inside its transaction, right after its row was inserted, until
	 * released.
	 */
	static final class Holds extends TransactionHolds {

		/** In a connect's transaction, its identity inserted. */
		private static final String CONNECTED = "connected";

		void hold(UUID userId) {
			hold(CONNECTED, userId);
		}

		void awaitReached(UUID userId) throws InterruptedException {
			awaitReached(CONNECTED, userId);
		}

		void release(UUID userId) {
			release(CONNECTED, userId);
		}

		@EventListener
		void onConnected(SocialAccountConnected event) {
			pass(CONNECTED, event.userId());
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HoldConfiguration {

		@Bean
		Holds connectHolds() {
			return new Holds();
		}

	}

}
