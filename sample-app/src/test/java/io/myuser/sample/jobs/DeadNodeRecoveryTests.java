package io.myuser.sample.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.myuser.jobs.JobScheduler;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A job whose node was killed while running it, with MyUser's default job settings (heartbeat every 5 s, dead
 * after 6 missed heartbeats, a look for dead jobs every 10 s, a poll every 2 s): the job runs again within a
 * minute, and not while its node could still be alive.
 */
@Import(JobTestConfiguration.class)
abstract class DeadNodeRecoveryTests extends IntegrationTestSupport {

	/** What MyUser promises with its defaults. */
	private static final Duration PROMISE = Duration.ofSeconds(60);

	/** Well below the 30 s of missed heartbeats after which a node counts as dead. */
	private static final Duration STILL_ALIVE = Duration.ofSeconds(20);

	@Autowired
	private JobScheduler jobs;

	@Autowired
	private JobRecorder recorder;

	@Test
	void a_job_whose_node_died_while_running_it_runs_again_within_a_minute_with_the_default_settings() {
		String id = "killed-" + UUID.randomUUID();
		Instant now = this.clock.instant();
		// Stored for later, so that no node picks it up, then marked as running on another node that has just
		// written its heartbeat and is killed at this moment (kill -9: no shutdown, no further heartbeat).
		this.jobs.enqueue(JobTestConfiguration.RECORD, id, new Note(id, "run again"), now.plus(Duration.ofDays(1)));
		long killed = System.nanoTime();
		int marked = this.jdbc.update(
				"update myuser_scheduled_tasks set picked = ?, picked_by = ?, last_heartbeat = ?, execution_time = ?, "
						+ "version = version + 1 where task_name = ? and task_instance = ?",
				true, "killed-node", at(now), at(now), "test-record", id);
		assertThat(marked).isOne();

		await().during(STILL_ALIVE)
			.atMost(STILL_ALIVE.plusSeconds(10))
			.until(() -> this.recorder.count(id) == 0 && pickedBy(id).equals("killed-node"));
		Duration left = PROMISE.minus(Duration.ofNanos(System.nanoTime() - killed));
		await().atMost(left).pollInterval(Duration.ofMillis(200)).until(() -> this.recorder.count(id) == 1);

		assertThat(this.recorder.runs(id).get(0).text()).isEqualTo("run again");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("select count(*) from myuser_scheduled_tasks where task_name = ? and task_instance = ?",
					"test-record", id) == 0);
	}

	private String pickedBy(String id) {
		return this.jdbc.queryForObject(
				"select picked_by from myuser_scheduled_tasks where task_name = ? and task_instance = ?",
				String.class, "test-record", id);
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
