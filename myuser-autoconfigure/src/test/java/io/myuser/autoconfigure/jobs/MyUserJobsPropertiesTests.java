package io.myuser.autoconfigure.jobs;

import java.time.Duration;

import io.myuser.autoconfigure.BindingReports;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.jobs.RetrySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserJobsProperties}: defaults, the values at the edge of each rule, and the binding report of
 * a value that breaks one.
 */
class MyUserJobsPropertiesTests {

	private final ApplicationContextRunner contextRunner = MyUserContextRunners.nonWeb();

	@Test
	void defaultsMatchTheRetrySettingsDefaults() {
		MyUserJobsProperties.Retry retry = new MyUserJobsProperties().getRetry();
		RetrySettings defaults = RetrySettings.defaults();
		assertThat(retry.getInitialDelay()).isEqualTo(defaults.initialDelay());
		assertThat(retry.getMaxAttempts()).isEqualTo(defaults.maxAttempts());
		assertThat(retry.getBackoffMultiplier()).isEqualTo(defaults.backoffMultiplier());
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.getBean(RetrySettings.class)
			.isEqualTo(defaults));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			myuser.jobs.threads                  | 0    | must be at least 1
			myuser.jobs.threads                  | -2   | must be at least 1
			myuser.jobs.polling-interval         | 0s   | must be positive
			myuser.jobs.polling-interval         | -1s  | must be positive
			myuser.jobs.heartbeat-interval       | 0s   | must be positive
			myuser.jobs.missed-heartbeats-limit  | 3    | must be at least 4 (db-scheduler's minimum)
			myuser.jobs.shutdown-max-wait        | -1s  | must not be negative
			myuser.jobs.cleanup-interval         | 0s   | must be positive
			myuser.jobs.cleanup-interval         | -1h  | must be positive
			myuser.jobs.retry.initial-delay      | -1s  | must not be negative
			myuser.jobs.retry.max-attempts       | 0    | must be at least 1
			myuser.jobs.retry.backoff-multiplier | 0.99 | must be at least 1
			myuser.jobs.retry.backoff-multiplier | -2   | must be at least 1
			myuser.jobs.retry.backoff-multiplier | NaN  | must be at least 1
			""")
	void startupFailsWithTheBindingReportWhenAValueBreaksARule(String property, String value, String reason) {
		BindingReports.assertRefused(this.contextRunner, property, value, reason);
	}

	@Test
	void edgeValuesAreAccepted() {
		this.contextRunner
			.withPropertyValues("myuser.jobs.threads=1", "myuser.jobs.polling-interval=1ms",
					"myuser.jobs.heartbeat-interval=1s", "myuser.jobs.missed-heartbeats-limit=4",
					"myuser.jobs.shutdown-max-wait=0s", "myuser.jobs.cleanup-interval=1s",
					"myuser.jobs.retry.initial-delay=0s", "myuser.jobs.retry.max-attempts=1",
					"myuser.jobs.retry.backoff-multiplier=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RetrySettings.class)).isEqualTo(new RetrySettings(Duration.ZERO, 1, 1.0));
				MyUserJobsProperties properties = context.getBean(MyUserJobsProperties.class);
				assertThat(properties.getThreads()).isEqualTo(1);
				assertThat(properties.getMissedHeartbeatsLimit()).isEqualTo(4);
				assertThat(properties.getShutdownMaxWait()).isZero();
			});
	}

}
