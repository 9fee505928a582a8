package io.myuser.autoconfigure.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.myuser.account.User;
import io.myuser.audit.AuditEventListener;
import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditLog;
import io.myuser.audit.AuditLogRepository;
import io.myuser.audit.AuditLogWriter;
import io.myuser.audit.JpaAuditLogWriter;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.autoconfigure.MyUserTestUsers;
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

	private static Integer auditRows(ApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
			.queryForObject("select count(*) from myuser_audit_log", Integer.class);
	}

	static final class RecordingAuditLogWriter implements AuditLogWriter {

		final List<String> rows = new CopyOnWriteArrayList<>();

		@Override
		public void write(@Nullable UUID userId, AuditEventType type, ClientInfo client, Map<String, Object> details) {
			this.rows.add(userId + " " + type);
		}

	}

}
