package io.myuser.autoconfigure.jobs;

import java.time.Clock;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.jobs.JobScheduler;
import io.myuser.jobs.JobTasks;
import io.myuser.jobs.JsonJobDataSerializer;
import io.myuser.jobs.OneTimeJob;
import io.myuser.jobs.RecurringJob;
import io.myuser.jobs.RetrySettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

/**
 * MyUser's durable job engine ({@code myuser.jobs.*}): a db-scheduler {@link Scheduler} on the application's
 * {@link DataSource} and MyUser's table, running every contributed {@link OneTimeJob} and {@link RecurringJob}, and
 * the {@link JobScheduler} that enqueues jobs in the caller's transaction. The scheduler starts once the
 * application is ready and stops when the context closes; db-scheduler's own Spring Boot starter is not used.
 * {@link MyUserSchedulerCustomizer} beans adjust the scheduler beyond the properties.
 */
@AutoConfiguration(after = { MyUserAutoConfiguration.class, DataSourceAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.jobs.enabled" }, matchIfMissing = true)
@ConditionalOnClass(Scheduler.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(MyUserJobsProperties.class)
public final class MyUserJobsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RetrySettings myUserJobRetrySettings(MyUserJobsProperties properties) {
		MyUserJobsProperties.Retry retry = properties.getRetry();
		return new RetrySettings(retry.getInitialDelay(), retry.getMaxAttempts(), retry.getBackoffMultiplier());
	}

	@Bean
	@ConditionalOnMissingBean
	JsonJobDataSerializer myUserJobDataSerializer() {
		return new JsonJobDataSerializer();
	}

	@Bean
	@ConditionalOnMissingBean
	JobScheduler myUserJobScheduler(DataSource dataSource, JsonJobDataSerializer serializer, Clock clock,
			@Qualifier("myUserScheduler") ObjectProvider<Scheduler> scheduler) {
		JobScheduler jobScheduler = new JobScheduler(dataSource, serializer, clock);
		jobScheduler.setWakeUp(() -> scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions));
		return jobScheduler;
	}

	/**
	 * The scheduler, created after Flyway has created its table. It backs off by name only, so that a host may run
	 * a db-scheduler {@code Scheduler} of its own beside MyUser's.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "myUserScheduler")
	@DependsOnDatabaseInitialization
	Scheduler myUserScheduler(DataSource dataSource, JsonJobDataSerializer serializer, Clock clock,
			RetrySettings retry, MyUserJobsProperties properties, ObjectProvider<OneTimeJob<?>> oneTimeJobs,
			ObjectProvider<RecurringJob> recurringJobs, ObjectProvider<MyUserSchedulerCustomizer> customizers) {
		JobTasks tasks = JobTasks.of(oneTimeJobs.orderedStream().toList(), recurringJobs.orderedStream().toList(),
				retry);
		SchedulerBuilder builder = tasks.schedulerBuilder(dataSource, serializer, clock)
			.threads(properties.getThreads())
			.pollingInterval(properties.getPollingInterval())
			.heartbeatInterval(properties.getHeartbeatInterval())
			.missedHeartbeatsLimit(properties.getMissedHeartbeatsLimit())
			.shutdownMaxWait(properties.getShutdownMaxWait());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	SchedulerLifecycle myUserSchedulerLifecycle(@Qualifier("myUserScheduler") Scheduler scheduler) {
		return new SchedulerLifecycle(scheduler);
	}

}
