package io.myuser.jobs;

import java.time.Duration;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link JobTasks} and the job declarations it turns into db-scheduler tasks.
 */
class JobTasksTests {

	private static final JobType<String> MAIL = JobType.of("test-mail", String.class)
		.withPriority(JobType.PRIORITY_HIGH);

	private static final JobType<String> EXPORT = JobType.of("test-export", String.class);

	@Test
	void ofWhenJobsThenOneTaskEachWithTheTypesNameDataClassAndPriority() {
		JobTasks tasks = JobTasks.of(List.of(OneTimeJob.of(MAIL, (data) -> {
		}), OneTimeJob.of(EXPORT, (data) -> {
		}).withRetry(new RetrySettings(Duration.ofMinutes(1), 3, 1.5))),
				List.of(RecurringJob.every("test-cleanup", Duration.ofHours(1), () -> {
				})), RetrySettings.defaults());

		assertThat(tasks.oneTimeTasks()).extracting(Task::getName).containsExactly("test-mail", "test-export");
		assertThat(tasks.oneTimeTasks()).extracting((task) -> (Object) task.getDataClass()).containsOnly(String.class);
		assertThat(tasks.oneTimeTasks()).extracting(Task::getDefaultPriority)
			.containsExactly(JobType.PRIORITY_HIGH, JobType.PRIORITY_NORMAL);
		assertThat(tasks.recurringTasks()).extracting(RecurringTask::getName).containsExactly("test-cleanup");
	}

	@Test
	void ofWhenTwoJobsShareANameThenIllegalState() {
		assertThatIllegalStateException()
			.isThrownBy(() -> JobTasks.of(List.of(OneTimeJob.of(MAIL, (data) -> {
			})), List.of(RecurringJob.every(MAIL.name(), Duration.ofHours(1), () -> {
			})), RetrySettings.defaults()))
			.withMessage("Two MyUser jobs are named 'test-mail'; job names must be unique");
	}

	@Test
	void jobTypeWhenNameBlankOrTooLongThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> JobType.of(" ", String.class));
		assertThatIllegalArgumentException().isThrownBy(() -> JobType.of("x".repeat(256), String.class));
		assertThat(JobType.of("x".repeat(255), String.class).priority()).isEqualTo(JobType.PRIORITY_NORMAL);
	}

	@Test
	void recurringJobWhenCronMalformedThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> RecurringJob.cron("test-nightly", "not a cron", () -> {
		}));
		RecurringJob nightly = RecurringJob.cron("test-nightly", "0 30 3 * * *", () -> {
		});
		assertThat(nightly.cron()).isEqualTo("0 30 3 * * *");
		assertThat(nightly.interval()).isNull();
	}

	@Test
	void recurringJobWhenIntervalNotPositiveThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> RecurringJob.every("test-often", Duration.ZERO, () -> {
		}));
	}

	@Test
	void retrySettingsWhenOutOfRangeThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RetrySettings(Duration.ofSeconds(1), 0, 2.0));
		assertThatIllegalArgumentException().isThrownBy(() -> new RetrySettings(Duration.ofSeconds(1), 3, 0.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new RetrySettings(Duration.ofSeconds(-1), 3, 2.0));
	}

}
