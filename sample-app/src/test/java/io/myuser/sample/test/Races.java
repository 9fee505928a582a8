package io.myuser.sample.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * What race tests share: calls started together, and the proof that a forced order really made a writer wait.
 */
public final class Races {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private Races() {
	}

	/**
	 * Run calls released together by a barrier, each after its delay in milliseconds.
	 * @param pool threads enough for every call
	 * @param delays each call's delay after the barrier, or an empty array for none
	 * @param calls the calls
	 * @return their answers, in the order given
	 * @throws Exception if a call failed or took longer than 30 s
	 */
	@SafeVarargs
	public static <T> List<T> atOnce(ExecutorService pool, long[] delays, Callable<T>... calls) throws Exception {
		CyclicBarrier start = new CyclicBarrier(calls.length);
		List<Future<T>> futures = new ArrayList<>();
		for (int i = 0; i < calls.length; i++) {
			Callable<T> call = calls[i];
			long delay = (i < delays.length) ? delays[i] : 0;
			futures.add(pool.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				if (delay > 0) {
					Thread.sleep(delay);
				}
				return call.call();
			}));
		}
		List<T> answers = new ArrayList<>();
		for (Future<T> future : futures) {
			answers.add(future.get(30, TimeUnit.SECONDS));
		}
		return answers;
	}

	/**
	 * Wait until the database shows at least {@code count} transactions waiting for a lock another one holds
	 * (PostgreSQL's {@code pg_stat_activity}, H2's {@code information_schema.sessions}).
	 * @param jdbc the database
	 * @param count how many waiters
	 */
	public static void awaitLockWaiters(JdbcTemplate jdbc, int count) {
		String product = jdbc.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData()
			.getDatabaseProductName());
		String sql = "PostgreSQL".equals(product)
				? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"
				: "select count(*) from information_schema.sessions where blocker_id is not null";
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> {
			Long waiting = jdbc.queryForObject(sql, Long.class);
			return waiting != null && waiting >= count;
		});
	}

}
