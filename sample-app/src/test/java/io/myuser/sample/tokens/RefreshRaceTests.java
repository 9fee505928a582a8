package io.myuser.sample.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.support.SecretTokens;
import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients (tabs of one browser) refreshing one token at the same moment, all inside the grace window: every
 * one of them gets the same successor pair, that pair works (its access token reads {@code profile/}, its refresh
 * token refreshes), exactly one successor is stored, and the session survives the race.
 */
abstract class RefreshRaceTests extends IntegrationTestSupport {

	private static final int CLIENTS = 50;

	private static final String PASSWORD = "racing refresh passphrase";

	@RepeatedTest(2)
	void fifty_concurrent_refreshes_of_one_token_all_get_the_same_working_pair() throws Exception {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		HttpResult login = login(email, PASSWORD);
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		String refresh = login.json().get("refresh").asString();

		List<HttpResult> answers = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<HttpResult>> futures = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return refresh(refresh);
				}));
			}
			start.countDown();
			for (Future<HttpResult> future : futures) {
				answers.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		// The clock does not move during the race: every call is inside the grace window.
		assertThat(answers).as("every racing refresh is answered 200").allSatisfy((answer) -> assertThat(answer.status())
			.as(answer.body()).isEqualTo(200));
		List<String> pairs = answers.stream()
			.map((answer) -> answer.json().get("access").asString() + " " + answer.json().get("refresh").asString())
			.distinct()
			.toList();
		assertThat(pairs).as("one successor pair, given to every client").hasSize(1);
		String access = answers.get(0).json().get("access").asString();
		String successor = answers.get(0).json().get("refresh").asString();
		assertThat(successor).isNotEqualTo(refresh);

		String sessionId = this.jdbc.queryForObject(
				"select cast(session_id as varchar(36)) from myuser_refresh_token where token_hash = ?", String.class,
				SecretTokens.hash(refresh));
		assertThat(count("select count(*) from myuser_refresh_token where session_id = cast(? as uuid)", sessionId))
			.as("the login token and exactly one successor")
			.isEqualTo(2);
		assertThat(getWithToken(BASE + "/profile/", access).status()).as("the access token of the pair works")
			.isEqualTo(200);
		HttpResult next = refresh(successor);
		assertThat(next.status()).as("the refresh token of the pair refreshes: %s", next.body()).isEqualTo(200);
		assertThat(getWithToken(BASE + "/profile/", next.json().get("access").asString()).status())
			.as("and the session lives on")
			.isEqualTo(200);
		assertThat(count("select count(*) from myuser_user_session where id = cast(? as uuid) and revoked_at is null",
				sessionId))
			.as("the session survived the race")
			.isOne();
		assertThat(count("select count(*) from myuser_audit_log where event_type = 'SUSPICIOUS_ACTIVITY' and user_id = "
				+ "(select user_id from myuser_user_session where id = cast(? as uuid))", sessionId))
			.as("no reuse was detected")
			.isZero();
	}

}
