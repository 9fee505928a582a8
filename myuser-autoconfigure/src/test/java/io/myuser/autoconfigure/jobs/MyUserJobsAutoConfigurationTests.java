package io.myuser.autoconfigure.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.myuser.audit.AuditRetention;
import io.myuser.autoconfigure.BindingReports;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.jobs.JobScheduler;
import io.myuser.gdpr.export.ExportFileCleanup;
import io.myuser.jobs.JobType;
import io.myuser.jobs.JsonJobDataSerializer;
import io.myuser.jobs.OneTimeJob;
import io.myuser.jobs.RecurringJob;
import io.myuser.jobs.RetrySettings;
import io.myuser.session.SessionCleanup;
import io.myuser.social.provider.JdbcIdTokenReplayStore;
import io.myuser.social.redirect.SocialFlowStore;
import io.myuser.token.RefreshTokenCleanup;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MyUserJobsAutoConfiguration}.
 */
class MyUserJobsAutoConfigurationTests {

	private static final JobType<String> ECHO = JobType.of("test-echo", String.class);

	private final ApplicationContextRunner contextRunner = MyUserContextRunners.nonWeb();

	@Test
	void jobEngineBeansArePresentWithTheirDefaults() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(JobScheduler.class)
				.hasSingleBean(Scheduler.class)
				.hasBean("myUserScheduler")
				.hasSingleBean(JsonJobDataSerializer.class)
				.hasSingleBean(SchedulerLifecycle.class)
				.hasBean("myUserSessionCleanupJob")
				.hasBean("myUserRefreshTokenCleanupJob");
			assertThat(context.getBean(RetrySettings.class)).isEqualTo(RetrySettings.defaults());
			MyUserJobsProperties properties = context.getBean(MyUserJobsProperties.class);
			assertThat(properties.getThreads()).isEqualTo(2);
			assertThat(properties.getPollingInterval()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.getCleanupInterval()).isEqualTo(Duration.ofHours(1));
			assertThat(properties.getHeartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.getMissedHeartbeatsLimit()).isEqualTo(6);
			assertThat(context.getBeansOfType(RecurringJob.class).values()).extracting(RecurringJob::name)
				.containsExactlyInAnyOrder(SessionCleanup.JOB_NAME, RefreshTokenCleanup.JOB_NAME,
						ExportFileCleanup.JOB_NAME, JdbcIdTokenReplayStore.CLEANUP_JOB_NAME,
						SocialFlowStore.CLEANUP_JOB_NAME, AuditRetention.JOB_NAME);
			assertThat(context.getBeansOfType(RecurringJob.class).values()).extracting(RecurringJob::interval)
				.containsOnly(Duration.ofHours(1));
		});
	}

	@Test
	void withTheDefaultsAJobOfADeadNodeRunsAgainWithinAMinute() {
		this.contextRunner.run((context) -> {
			MyUserJobsProperties properties = context.getBean(MyUserJobsProperties.class);
			Duration heartbeat = properties.getHeartbeatInterval();
			// Dead once the missed heartbeats have passed; db-scheduler looks for dead executions every two
			// heartbeat intervals; the revived execution is picked up at the next poll.
			Duration worstCase = heartbeat.multipliedBy(properties.getMissedHeartbeatsLimit())
				.plus(heartbeat.multipliedBy(2))
				.plus(properties.getPollingInterval());
			assertThat(worstCase).isEqualTo(Duration.ofSeconds(42)).isLessThan(Duration.ofSeconds(60));
		});
	}

	@Test
	void heartbeatPropertiesBindAndAreChecked() {
		this.contextRunner
			.withPropertyValues("myuser.jobs.heartbeat-interval=20s", "myuser.jobs.missed-heartbeats-limit=10")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MyUserJobsProperties properties = context.getBean(MyUserJobsProperties.class);
				assertThat(properties.getHeartbeatInterval()).isEqualTo(Duration.ofSeconds(20));
				assertThat(properties.getMissedHeartbeatsLimit()).isEqualTo(10);
			});
		BindingReports.assertRefused(this.contextRunner, "myuser.jobs.missed-heartbeats-limit", "3",
				"must be at least 4 (db-scheduler's minimum)");
	}

	@Test
	void propertiesShapeTheRetriesAndTheCleanUps() {
		this.contextRunner
			.withPropertyValues("myuser.jobs.retry.initial-delay=1s", "myuser.jobs.retry.max-attempts=4",
					"myuser.jobs.retry.backoff-multiplier=3", "myuser.jobs.cleanup-interval=15m")
			.run((context) -> {
				assertThat(context.getBean(RetrySettings.class))
					.isEqualTo(new RetrySettings(Duration.ofSeconds(1), 4, 3.0));
				assertThat(context.getBeansOfType(RecurringJob.class).values()).extracting(RecurringJob::interval)
					.containsOnly(Duration.ofMinutes(15));
			});
	}

	@Test
	void schedulerStartsWhenTheApplicationIsReadyAndStopsWithTheContext() {
		this.contextRunner.run((context) -> {
			Scheduler scheduler = context.getBean(Scheduler.class);
			assertThat(scheduler.getSchedulerState().isStarted()).as("before the application is ready").isFalse();
			ready(context);
			assertThat(scheduler.getSchedulerState().isStarted()).isTrue();
			assertThat(context.getBean(SchedulerLifecycle.class).isRunning()).isTrue();
			context.getSourceApplicationContext(ConfigurableApplicationContext.class).close();
			assertThat(scheduler.getSchedulerState().isShuttingDown()).isTrue();
		});
	}

	@Test
	void schedulerPausesWithAPausedContextAndRunsJobsAgainOnceTheContextRestarts() {
		List<String> handled = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withBean("echoJob", OneTimeJob.class, () -> OneTimeJob.of(ECHO, handled::add))
			.withPropertyValues("myuser.jobs.polling-interval=100ms")
			.run((context) -> {
				ConfigurableApplicationContext source = context
					.getSourceApplicationContext(ConfigurableApplicationContext.class);
				Scheduler scheduler = context.getBean(Scheduler.class);
				SchedulerLifecycle lifecycle = context.getBean(SchedulerLifecycle.class);
				ready(context);

				source.pause();
				assertThat(lifecycle.isRunning()).isFalse();
				assertThat(scheduler.getSchedulerState().isPaused()).isTrue();
				context.getBean(JobScheduler.class).enqueue(ECHO, "while-paused", "while paused");
				await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(handled::isEmpty);

				source.restart();
				assertThat(lifecycle.isRunning()).isTrue();
				assertThat(scheduler.getSchedulerState().isPaused()).isFalse();
				await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains("while paused"));
				context.getBean(JobScheduler.class).enqueue(ECHO, "after-restart", "after restart");
				await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains("after restart"));
				assertThat(handled).containsExactly("while paused", "after restart");

				source.close();
				assertThat(scheduler.getSchedulerState().isShuttingDown()).isTrue();
			});
	}

	@Test
	void schedulerPausedWhenTheContextClosesStopsForGood() {
		this.contextRunner.run((context) -> {
			ConfigurableApplicationContext source = context
				.getSourceApplicationContext(ConfigurableApplicationContext.class);
			Scheduler scheduler = context.getBean(Scheduler.class);
			ready(context);
			source.pause();
			assertThat(scheduler.getSchedulerState().isShuttingDown()).isFalse();
			source.close();
			assertThat(scheduler.getSchedulerState().isShuttingDown()).isTrue();
		});
	}

	@Test
	void contextRestartBeforeTheApplicationIsReadyDoesNotStartTheScheduler() {
		this.contextRunner.run((context) -> {
			ConfigurableApplicationContext source = context
				.getSourceApplicationContext(ConfigurableApplicationContext.class);
			source.pause();
			source.restart();
			assertThat(context.getBean(Scheduler.class).getSchedulerState().isStarted()).isFalse();
			ready(context);
			assertThat(context.getBean(Scheduler.class).getSchedulerState().isStarted()).isTrue();
		});
	}

	@Test
	void aContributedJobRunsOnceEnqueued() {
		List<String> handled = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withBean("echoJob", OneTimeJob.class, () -> OneTimeJob.of(ECHO, handled::add))
			.withPropertyValues("myuser.jobs.polling-interval=100ms")
			.run((context) -> {
				ready(context);
				context.getBean(JobScheduler.class).enqueue(ECHO, "one", "hello");
				await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains("hello"));
				assertThat(handled).containsExactly("hello");
				assertThat(context.getBean(JdbcTemplate.class)
					.queryForObject("select count(*) from myuser_scheduled_tasks where task_name = ?", Integer.class,
							ECHO.name()))
					.isZero();
			});
	}

	@Test
	void startupFailsWhenTwoJobsShareAName() {
		this.contextRunner.withBean("first", OneTimeJob.class, () -> OneTimeJob.of(ECHO, (data) -> {
		})).withBean("second", RecurringJob.class, () -> RecurringJob.every(ECHO.name(), Duration.ofMinutes(1), () -> {
		})).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("Two MyUser jobs are named 'test-echo'; job names must be unique");
		});
	}

	@Test
	void startupFailsWithTheBindingReportWhenPropertiesAreInvalid() {
		BindingReports.assertRefused(this.contextRunner, "myuser.jobs.threads", "0", "must be at least 1");
		BindingReports.assertRefused(this.contextRunner, "myuser.jobs.retry.max-attempts", "0", "must be at least 1");
	}

	@Test
	void jobSchedulerBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(HostJobSchedulerConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(JobScheduler.class).hasBean("hostJobScheduler"));
	}

	@Test
	void schedulerBacksOffWhenUserDefinesOneNamedMyUserScheduler() {
		this.contextRunner.withUserConfiguration(ReplacedSchedulerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Scheduler.class);
			assertThat(context.getBean("myUserScheduler")).isSameAs(ReplacedSchedulerConfiguration.scheduler);
		});
	}

	@Test
	void hostSchedulerOfAnotherNameRunsBesideMyUsers() {
		this.contextRunner.withUserConfiguration(HostSchedulerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(Scheduler.class)).containsOnlyKeys("hostScheduler", "myUserScheduler");
			ready(context);
			assertThat(context.getBean("myUserScheduler", Scheduler.class).getSchedulerState().isStarted()).isTrue();
			assertThat(context.getBean("hostScheduler", Scheduler.class).getSchedulerState().isStarted()).isFalse();
		});
	}

	@Test
	void customizersAdjustTheSchedulerInOrder() {
		List<String> calls = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withBean("second", MyUserSchedulerCustomizer.class, () -> new OrderedCustomizer(2, "second", calls))
			.withBean("first", MyUserSchedulerCustomizer.class, () -> new OrderedCustomizer(1, "first", calls))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(calls).containsExactly("first", "second");
			});
	}

	@Test
	void retrySettingsBackOffWhenUserDefinesThem() {
		RetrySettings retry = new RetrySettings(Duration.ofMinutes(1), 3, 1.0);
		this.contextRunner.withBean("hostRetry", RetrySettings.class, () -> retry)
			.run((context) -> assertThat(context.getBean(RetrySettings.class)).isSameAs(retry));
	}

	@Test
	void noSchedulerWhenJobsAreDisabled() {
		this.contextRunner.withPropertyValues("myuser.jobs.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Scheduler.class)
				.doesNotHaveBean(JobScheduler.class)
				.doesNotHaveBean(SchedulerLifecycle.class)
				.doesNotHaveBean(JsonJobDataSerializer.class);
			assertThat(context).as("the clean-ups are still declared, inert").hasSingleBean(SessionCleanup.class);
		});
	}

	@Test
	void noSchedulerWithoutDbScheduler() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Scheduler.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(JobScheduler.class).doesNotHaveBean("myUserScheduler");
		});
	}

	record OrderedCustomizer(int order, String name, List<String> calls)
			implements MyUserSchedulerCustomizer, org.springframework.core.Ordered {

		@Override
		public void customize(com.github.kagkarlsson.scheduler.SchedulerBuilder builder) {
			builder.schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed("node-" + this.name));
			this.calls.add(this.name);
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostJobSchedulerConfiguration {

		@Bean
		JobScheduler hostJobScheduler(DataSource dataSource) {
			return new JobScheduler(dataSource, new JsonJobDataSerializer(), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReplacedSchedulerConfiguration {

		static Scheduler scheduler;

		@Bean
		Scheduler myUserScheduler(DataSource dataSource) {
			scheduler = Scheduler.create(dataSource).tableName("myuser_scheduled_tasks").build();
			return scheduler;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostSchedulerConfiguration {

		@Bean
		Scheduler hostScheduler(DataSource dataSource) {
			return Scheduler.create(dataSource).tableName("host_scheduled_tasks").build();
		}

	}

	private static void ready(AssertableApplicationContext context) {
		ConfigurableApplicationContext source = context
			.getSourceApplicationContext(ConfigurableApplicationContext.class);
		source.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], source, Duration.ZERO));
	}

}
