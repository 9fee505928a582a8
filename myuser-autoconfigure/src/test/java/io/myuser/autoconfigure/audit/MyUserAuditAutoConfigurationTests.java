package io.myuser.autoconfigure.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.myuser.account.User;
import io.myuser.audit.AuditEventListener;
import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditLog;
import io.myuser.audit.AuditLogRepository;
import io.myuser.audit.AuditLogWriter;
import io.myuser.audit.AuditRetention;
import io.myuser.audit.JpaAuditLogWriter;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.autoconfigure.MyUserTestUsers;
import io.myuser.jobs.RecurringJob;
import io.myuser.support.ClientInfo;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserAuditAutoConfiguration}.
 */
class MyUserAuditAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	@Test
	void auditBeansArePresentByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AuditLogWriter.class)
				.hasSingleBean(AuditEventListener.class)
				.hasSingleBean(AuditLogRepository.class);
			assertThat(context.getBean(AuditLogWriter.class)).isInstanceOf(JpaAuditLogWriter.class);
			assertThat(AutoConfigurationPackages.get(context)).contains(AuditLog.class.getPackageName());
		});
	}

	@Test
	void accountCreationIsAuditedInTheDatabase() {
		this.contextRunner.run((context) -> {
			User user = MyUserTestUsers.createUser(context);
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForList("select event_type from myuser_audit_log where user_id = ?", String.class, user.getId()))
				.containsExactly(AuditEventType.ACCOUNT_CREATED.name());
		});
	}

	@Test
	void auditLogWriterBacksOffWhenUserDefinesOne() {
		RecordingAuditLogWriter writer = new RecordingAuditLogWriter();
		this.contextRunner.withBean("hostAuditLogWriter", AuditLogWriter.class, () -> writer).run((context) -> {
			assertThat(context).hasSingleBean(AuditLogWriter.class).hasBean("hostAuditLogWriter");
			assertThat(context.getBean(AuditLogWriter.class)).isSameAs(writer);
			assertThat(context).hasSingleBean(AuditEventListener.class);
			User user = MyUserTestUsers.createUser(context);
			assertThat(writer.rows).containsExactly(user.getId() + " " + AuditEventType.ACCOUNT_CREATED);
			assertThat(auditRows(context)).isZero();
		});
	}

	@Test
	void auditBeansAreAbsentWhenAuditIsDisabled() {
		this.contextRunner.withPropertyValues("myuser.audit.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(AuditLogWriter.class)
				.doesNotHaveBean(AuditEventListener.class)
				.doesNotHaveBean(AuditLogRepository.class);
			assertThat(AutoConfigurationPackages.get(context)).doesNotContain(AuditLog.class.getPackageName());
			MyUserTestUsers.createUser(context);
			assertThat(auditRows(context)).isZero();
		});
	}

	@Test
	void rowsPastTheRetentionAreDeletedByTheRetentionJobAndNewerOnesKept() {
		MovableClock clock = new MovableClock();
		this.contextRunner.withBean("testClock", Clock.class, () -> clock).run((context) -> {
			assertThat(context).hasBean("myUserAuditRetentionJob");
			assertThat(context.getBean("myUserAuditRetentionJob")).isInstanceOf(RecurringJob.class);
			User user = MyUserTestUsers.createUser(context);
			AuditLogWriter writer = context.getBean(AuditLogWriter.class);
			for (int i = 0; i < 3; i++) {
				writer.write(user.getId(), AuditEventType.PROFILE_UPDATE, ClientInfo.NONE, Map.of("n", i));
			}
			clock.advance(Duration.ofDays(200));
			writer.write(user.getId(), AuditEventType.LOGIN, ClientInfo.NONE, Map.of());
			clock.advance(Duration.ofDays(200));

			int deleted = context.getBean(AuditRetention.class).deleteExpired();

			assertThat(deleted).isEqualTo(4);
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForList("select event_type from myuser_audit_log where user_id = ?", String.class, user.getId()))
				.containsExactly(AuditEventType.LOGIN.name());
		});
	}

	@Test
	void aRetentionOfZeroKeepsEveryRow() {
		MovableClock clock = new MovableClock();
		this.contextRunner.withBean("testClock", Clock.class, () -> clock)
			.withPropertyValues("myuser.audit.retention=0")
			.run((context) -> {
				MyUserTestUsers.createUser(context);
				int before = auditRows(context);
				clock.advance(Duration.ofDays(100_000));

				assertThat(context.getBean(AuditRetention.class).deleteExpired()).isZero();
				assertThat(auditRows(context)).isEqualTo(before).isPositive();
			});
	}

	@Test
	void withoutClientInfoRowsAreWrittenWithoutAddressOrUserAgent() {
		this.contextRunner.withPropertyValues("myuser.audit.client-info=false").run((context) -> {
			User user = MyUserTestUsers.createUser(context);
			context.getBean(AuditLogWriter.class)
				.write(user.getId(), AuditEventType.LOGIN, new ClientInfo("203.0.113.9", "Probe/1.0"), Map.of());

			assertThat(context.getBean(JdbcTemplate.class)
				.queryForList("select ip_address, user_agent from myuser_audit_log where user_id = ? and event_type = "
						+ "'LOGIN'", user.getId()))
				.singleElement()
				.satisfies((row) -> {
					assertThat(row.get("IP_ADDRESS")).isNull();
					assertThat(row.get("USER_AGENT")).isEqualTo("");
				});
		});
	}

	@Test
	void clientInfoIsKeptByDefault() {
		this.contextRunner.run((context) -> {
			User user = MyUserTestUsers.createUser(context);
			context.getBean(AuditLogWriter.class)
				.write(user.getId(), AuditEventType.LOGIN, new ClientInfo("203.0.113.9", "Probe/1.0"), Map.of());

			assertThat(context.getBean(JdbcTemplate.class)
				.queryForMap("select ip_address, user_agent from myuser_audit_log where user_id = ? and event_type = "
						+ "'LOGIN'", user.getId()))
				.containsEntry("IP_ADDRESS", "203.0.113.9")
				.containsEntry("USER_AGENT", "Probe/1.0");
		});
	}

	@Test
	void aNegativeRetentionOrAPageSizeAboveTheMaximumFailsStartup() {
		this.contextRunner.withPropertyValues("myuser.audit.retention=-1d")
			.run((context) -> assertThat(context).hasFailed());
		this.contextRunner.withPropertyValues("myuser.audit.page-size=50", "myuser.audit.max-page-size=10")
			.run((context) -> assertThat(context).hasFailed());
		this.contextRunner.withPropertyValues("myuser.audit.max-page-size=5000")
			.run((context) -> assertThat(context).hasFailed());
	}

	private static Integer auditRows(ApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
			.queryForObject("select count(*) from myuser_audit_log", Integer.class);
	}

	/** A clock that moves only when told. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

		void advance(Duration amount) {
			this.now.updateAndGet((instant) -> instant.plus(amount));
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

	static final class RecordingAuditLogWriter implements AuditLogWriter {

		final List<String> rows = new CopyOnWriteArrayList<>();

		@Override
		public void write(@Nullable UUID userId, AuditEventType type, ClientInfo client, Map<String, Object> details) {
			this.rows.add(userId + " " + type);
		}

	}

}
