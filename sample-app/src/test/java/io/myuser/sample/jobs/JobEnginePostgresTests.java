package io.myuser.sample.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import io.myuser.jobs.JobTasks;
import io.myuser.jobs.JsonJobDataSerializer;
import io.myuser.jobs.OneTimeJob;
import io.myuser.jobs.RecurringJob;
import io.myuser.jobs.RetrySettings;
import io.myuser.sample.test.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link JobEngineTests} on PostgreSQL, plus two schedulers sharing the database as two nodes would.
 */
@PostgresTest
class JobEnginePostgresTests extends JobEngineTests {

	private static final int JOBS = 200;

	@Autowired
	private ObjectProvider<OneTimeJob<?>> oneTimeJobs;

	@Autowired
	private ObjectProvider<RecurringJob> recurringJobs;

	@Autowired
	private JsonJobDataSerializer serializer;

	@Autowired
	private RetrySettings retry;

	@Test
	void two_schedulers_sharing_the_database_run_each_of_many_jobs_exactly_once() {
		// A second node: the same jobs and MyUser's settings, its own threads, polling the same table.
		AtomicInteger threads = new AtomicInteger();
		ExecutorService secondNodeThreads = Executors.newFixedThreadPool(2,
				(runnable) -> new Thread(runnable, "second-node-" + threads.incrementAndGet()));
		Scheduler secondNode = JobTasks
			.of(this.oneTimeJobs.orderedStream().toList(), this.recurringJobs.orderedStream().toList(), this.retry)
			.schedulerBuilder(this.dataSource, this.serializer, this.clock)
			.schedulerName(new SchedulerName.Fixed("second-node"))
			.threads(2)
			.executorService(secondNodeThreads)
			.pollingInterval(Duration.ofMillis(100))
			.heartbeatInterval(Duration.ofMillis(200))
			.shutdownMaxWait(Duration.ofSeconds(5))
			.build();
		secondNode.start();
		try {
			String batch = uniqueId("cluster");
			List<String> ids = IntStream.range(0, JOBS).mapToObj((i) -> batch + "-" + i).toList();
			transaction().executeWithoutResult((status) -> ids
				.forEach((id) -> this.jobs.enqueue(JobTestConfiguration.SLOW, id, new Note(id, "cluster"))));

			await().atMost(Duration.ofSeconds(60))
				.until(() -> ids.stream().allMatch((id) -> this.recorder.count(id) >= 1));
			await().during(QUIET).atMost(QUIET.multipliedBy(3))
				.until(() -> ids.stream().allMatch((id) -> this.recorder.count(id) == 1));
			Map<String, Long> perNode = ids.stream()
				.map((id) -> this.recorder.runs(id).get(0).thread().startsWith("second-node-") ? "second" : "first")
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			System.out.println("Jobs run per node: " + perNode);
			assertThat(perNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(JOBS);
			assertThat(perNode).as("both nodes took part").containsKeys("first", "second");
			assertThat(count("select count(*) from myuser_scheduled_tasks where task_instance like ?", batch + "-%"))
				.isZero();
		}
		finally {
			secondNode.stop();
		}
	}

}
