package io.myuser.sample.tokens;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients refreshing one token at the same moment (tabs racing): no 5xx, at most one successor pair, every
 * 200 carries that pair, everything else is 401.
 */
abstract class RefreshRaceTests extends IntegrationTestSupport {

	private static final int CLIENTS = 50;

	@RepeatedTest(2)
	void fifty_concurrent_refreshes_of_one_token_yield_one_successor_pair() throws Exception {
		String email = uniqueEmail();
		createUser(email, "racing refresh passphrase");
		HttpResult login = login(email, "racing refresh passphrase");
		String refresh = login.json().get("refresh").asString();

		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResult>> futures = new ArrayList<>();
		try {
			for (int i = 0; i < CLIENTS; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return postJson(BASE + "/token/refresh/", json(Map.of("refresh", refresh)));
				}));
			}
			start.countDown();
			Set<String> pairs = new HashSet<>();
			int ok = 0;
			for (Future<HttpResult> future : futures) {
				HttpResult result = future.get();
				assertThat(result.status()).as(result.body()).isIn(200, 401);
				if (result.status() == 200) {
					ok++;
					pairs.add(result.json().get("access").asString() + " " + result.json().get("refresh").asString());
				}
			}
			assertThat(ok).isPositive();
			assertThat(pairs).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		String sessionId = this.jdbc.queryForObject(
				"select cast(session_id as varchar(36)) from myuser_refresh_token where token_hash = ?", String.class,
				io.myuser.support.SecretTokens.hash(refresh));
		assertThat(count("select count(*) from myuser_refresh_token where session_id = cast(? as uuid)", sessionId))
			.as("the login token and exactly one successor")
			.isEqualTo(2);
	}

}
