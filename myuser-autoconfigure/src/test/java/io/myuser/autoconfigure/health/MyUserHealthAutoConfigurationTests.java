package io.myuser.autoconfigure.health;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.gdpr.export.ExportStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserHealthAutoConfiguration}: the {@code myuser} contributor and its parts, their thresholds,
 * a check that hangs, and an application without Boot's health support.
 */
class MyUserHealthAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = MyUserContextRunners.nonWeb();

	@Test
	void theContributorHasAPartPerFeatureAndIsUpOnAFreshDatabase() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasBean("myuserHealthContributor");
			MyUserHealthContributor contributor = context.getBean(MyUserHealthContributor.class);
			assertThat(contributor.stream().map((entry) -> entry.name())).containsExactly("jobs", "revocations",
					"exports");
			Health jobs = part(contributor, "jobs");
			assertThat(jobs.getStatus()).isEqualTo(Status.UP);
			assertThat(jobs.getDetails()).containsEntry("overdue", 0L).containsEntry("failingMails", 0L)
				.containsEntry("overdueAfter", "PT5M");
			assertThat(part(contributor, "exports").getStatus()).isEqualTo(Status.UP);
			MyUserHealthProperties properties = context.getBean(MyUserHealthProperties.class);
			assertThat(properties.getTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.getJobs().getMaxFailingMails()).isEqualTo(10);
			assertThat(properties.getRevocations().getMaxLag()).isEqualTo(Duration.ofMinutes(1));
		});
	}

	@Test
	void anOverdueJobMakesTheJobEngineDown() {
		this.contextRunner.withPropertyValues("myuser.health.jobs.overdue-after=1s").run((context) -> {
			org.springframework.jdbc.core.JdbcTemplate jdbc = context
				.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
			// Nothing runs jobs in this context (the scheduler starts with a ready application): the row waits.
			jdbc.update("insert into myuser_scheduled_tasks (task_name, task_instance, execution_time, picked, "
					+ "version, consecutive_failures) values ('myuser-mail', 'one', ?, false, 1, 3)",
					java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(10));
			Health jobs = part(context.getBean(MyUserHealthContributor.class), "jobs");
			assertThat(jobs.getStatus()).isEqualTo(Status.DOWN);
			assertThat(jobs.getDetails()).containsEntry("overdue", 1L).containsEntry("failingMails", 1L)
				.containsKey("oldestOverdueAge")
				.containsKey("reason");
			assertThat(jobs.getDetails().get("failing")).isEqualTo(java.util.Map.of("myuser-mail", 1L));
		});
	}

	@Test
	void failingMailsOverTheThresholdMakeTheJobEngineDown() {
		this.contextRunner.withPropertyValues("myuser.health.jobs.max-failing-mails=1").run((context) -> {
			org.springframework.jdbc.core.JdbcTemplate jdbc = context
				.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
			for (String id : new String[] { "a", "b" }) {
				jdbc.update("insert into myuser_scheduled_tasks (task_name, task_instance, execution_time, picked, "
						+ "version, consecutive_failures) values ('myuser-mail', ?, ?, false, 1, 2)", id,
						java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusHours(1));
			}
			Health jobs = part(context.getBean(MyUserHealthContributor.class), "jobs");
			assertThat(jobs.getStatus()).isEqualTo(Status.DOWN);
			assertThat(jobs.getDetails()).containsEntry("overdue", 0L).containsEntry("failingMails", 2L);
		});
	}

	@Test
	void aRevocationPollThatLagsIsDown() {
		MovableClock clock = new MovableClock();
		this.contextRunner.withBean(java.time.Clock.class, () -> clock)
			.withPropertyValues("myuser.session.revocation.poll-interval=1h", "myuser.health.revocations.max-lag=1m")
			.run((context) -> {
				MyUserHealthContributor contributor = context.getBean(MyUserHealthContributor.class);
				Health fresh = part(contributor, "revocations");
				assertThat(fresh.getStatus()).isEqualTo(Status.UP);
				assertThat(fresh.getDetails()).containsEntry("lag", "PT0S").containsEntry("maxLag", "PT1M");
				clock.advance(Duration.ofSeconds(61));
				Health stale = part(contributor, "revocations");
				assertThat(stale.getStatus()).isEqualTo(Status.DOWN);
				assertThat(stale.getDetails()).containsEntry("lag", "PT1M1S").containsKey("reason");
			});
	}

	@Test
	void aStorageThatCannotBeWrittenIsDown(@TempDir Path directory) throws IOException {
		Path file = Files.writeString(directory.resolve("not-a-directory"), "x");
		this.contextRunner.withPropertyValues("myuser.gdpr.export.location=file:" + file).run((context) -> {
			Health exports = part(context.getBean(MyUserHealthContributor.class), "exports");
			assertThat(exports.getStatus()).isEqualTo(Status.DOWN);
			assertThat(exports.getDetails()).containsEntry("reason", "the export location is not a directory");
		});
	}

	@Test
	void aCheckThatHangsIsDownAfterTheTimeoutAndIsNotStartedTwice() {
		CountDownLatch release = new CountDownLatch(1);
		HangingStorage storage = new HangingStorage(release);
		this.contextRunner.withPropertyValues("myuser.health.timeout=200ms")
			.withBean(ExportStorage.class, () -> storage)
			.run((context) -> {
				try {
					MyUserHealthContributor contributor = context.getBean(MyUserHealthContributor.class);
					Health first = part(contributor, "exports");
					Health second = part(contributor, "exports");
					assertThat(first.getStatus()).isEqualTo(Status.DOWN);
					assertThat(first.getDetails()).containsEntry("reason", "no answer within PT0.2S");
					assertThat(second.getStatus()).isEqualTo(Status.DOWN);
					assertThat(storage.checks).as("one hung check, waited for twice").isEqualTo(1);
				}
				finally {
					release.countDown();
				}
			});
	}

	@Test
	void noContributorWhenSwitchedOff() {
		this.contextRunner.withPropertyValues("management.health.myuser.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MyUserHealthContributor.class));
	}

	@Test
	void mainStartsWithoutBootsHealthSupport() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("myuserHealthContributor"));
	}

	private static Health part(MyUserHealthContributor contributor, String name) {
		return ((HealthIndicator) contributor.getContributor(name)).health();
	}

	/** A clock that stands still until moved. */
	static final class MovableClock extends java.time.Clock {

		private volatile java.time.Instant now = java.time.Instant.parse("2026-12-03T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return java.time.ZoneOffset.UTC;
		}

		@Override
		public java.time.Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public java.time.Instant instant() {
			return this.now;
		}

	}

	/** An export storage whose check hangs until released. */
	static final class HangingStorage implements ExportStorage {

		private final CountDownLatch release;

		volatile int checks;

		HangingStorage(CountDownLatch release) {
			this.release = release;
		}

		@Override
		public void check() throws IOException {
			this.checks++;
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public Upload create(String key) throws IOException {
			throw new IOException("not here");
		}

		@Override
		public InputStream open(String key) throws IOException {
			throw new IOException("not here");
		}

		@Override
		public boolean delete(String key) {
			return false;
		}

	}

}
