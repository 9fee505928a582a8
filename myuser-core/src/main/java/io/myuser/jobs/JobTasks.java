package io.myuser.jobs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.util.Assert;

/**
 * The db-scheduler tasks made from the contributed {@link OneTimeJob} and {@link RecurringJob}s, and a
 * {@link SchedulerBuilder} preset for MyUser's table: every one-time job retries with exponential backoff and
 * gives up after its attempts, every job whose node died is revived, recurring jobs are scheduled when the
 * scheduler starts, priorities are honoured, and PostgreSQL polls with {@code SELECT ... FOR UPDATE SKIP LOCKED}.
 */
public final class JobTasks {

	/** The table MyUser's migrations create for the scheduler. */
	public static final String TABLE_NAME = "myuser_scheduled_tasks";

	private final List<Task<?>> oneTimeTasks;

	private final List<RecurringTask<Void>> recurringTasks;

	private JobTasks(List<Task<?>> oneTimeTasks, List<RecurringTask<Void>> recurringTasks) {
		this.oneTimeTasks = List.copyOf(oneTimeTasks);
		this.recurringTasks = List.copyOf(recurringTasks);
	}

	/**
	 * Make the tasks for a set of jobs.
	 * @param oneTimeJobs the one-time jobs
	 * @param recurringJobs the recurring jobs
	 * @param retry how one-time jobs without settings of their own are retried
	 * @return the tasks
	 * @throws IllegalStateException if two jobs have the same name
	 */
	public static JobTasks of(List<? extends OneTimeJob<?>> oneTimeJobs, List<RecurringJob> recurringJobs,
			RetrySettings retry) {
		Assert.notNull(oneTimeJobs, "oneTimeJobs cannot be null");
		Assert.notNull(recurringJobs, "recurringJobs cannot be null");
		Assert.notNull(retry, "retry cannot be null");
		Set<String> names = new HashSet<>();
		List<Task<?>> oneTime = new ArrayList<>();
		for (OneTimeJob<?> job : oneTimeJobs) {
			requireUnique(names, job.type().name());
			oneTime.add(oneTimeTask(job, retry));
		}
		List<RecurringTask<Void>> recurring = new ArrayList<>();
		for (RecurringJob job : recurringJobs) {
			requireUnique(names, job.name());
			recurring.add(recurringTask(job));
		}
		return new JobTasks(oneTime, recurring);
	}

	public List<Task<?>> oneTimeTasks() {
		return this.oneTimeTasks;
	}

	public List<RecurringTask<Void>> recurringTasks() {
		return this.recurringTasks;
	}

	/**
	 * Start building a scheduler that runs these tasks from MyUser's table. Threads, intervals and the shutdown
	 * wait are left to the caller.
	 * @param dataSource the database holding {@value #TABLE_NAME}; the scheduler manages its own transactions
	 * @param serializer how job data is stored
	 * @param clock the clock deciding when executions are due and stamping heartbeats
	 * @return the builder
	 */
	public SchedulerBuilder schedulerBuilder(DataSource dataSource, Serializer serializer, Clock clock) {
		Assert.notNull(dataSource, "dataSource cannot be null");
		Assert.notNull(serializer, "serializer cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		JdbcCustomization jdbcCustomization = new AutodetectJdbcCustomization(dataSource);
		SchedulerBuilder builder = Scheduler.create(dataSource, this.oneTimeTasks)
			.startTasks(this.recurringTasks)
			.tableName(TABLE_NAME)
			.serializer(serializer)
			.jdbcCustomization(jdbcCustomization)
			.enablePriority()
			.clock(clock::instant);
		if (isPostgreSql(jdbcCustomization)) {
			// One statement locks and fetches due executions, so nodes never contend for the same rows.
			builder.pollUsingLockAndFetch(0.5, 1.0);
		}
		return builder;
	}

	static boolean isPostgreSql(JdbcCustomization jdbcCustomization) {
		return AutodetectJdbcCustomization.POSTGRESQL.equals(jdbcCustomization.getName());
	}

	private static void requireUnique(Set<String> names, String name) {
		if (!names.add(name)) {
			throw new IllegalStateException("Two MyUser jobs are named '" + name + "'; job names must be unique");
		}
	}

	private static <T> OneTimeTask<T> oneTimeTask(OneTimeJob<T> job, RetrySettings defaults) {
		JobType<T> type = job.type();
		JobHandler<T> handler = job.handler();
		RetrySettings retry = (job.retry() != null) ? job.retry() : defaults;
		return Tasks.oneTime(type.name(), type.dataClass())
			.onFailure(new RetryThenGiveUp<>(type, handler, retry))
			.onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
			.defaultPriority(type.priority())
			.execute((instance, context) -> handle(handler, instance.getData()));
	}

	private static RecurringTask<Void> recurringTask(RecurringJob job) {
		Runnable task = job.task();
		return Tasks.recurring(job.name(), job.schedule())
			.onFailureReschedule()
			.onDeadExecutionRevive()
			.execute((instance, context) -> task.run());
	}

	private static <T> void handle(JobHandler<T> handler, T data) {
		try {
			handler.handle(data);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new CheckedJobException(ex);
		}
	}

	static Throwable unwrap(Throwable failure) {
		return (failure instanceof CheckedJobException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	/**
	 * Carries a checked exception a handler threw through db-scheduler, which expects unchecked ones.
	 */
	static final class CheckedJobException extends RuntimeException {

		CheckedJobException(Exception cause) {
			super(cause.toString(), cause);
		}

	}

}
