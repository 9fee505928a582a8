package io.myuser.autoconfigure.audit;

import java.time.Clock;

import io.myuser.audit.AuditEventListener;
import io.myuser.audit.AuditLog;
import io.myuser.audit.AuditLogController;
import io.myuser.audit.AuditLogEraser;
import io.myuser.audit.AuditLogExportSection;
import io.myuser.audit.AuditLogQuery;
import io.myuser.audit.AuditLogReader;
import io.myuser.audit.AuditLogRepository;
import io.myuser.audit.AuditLogWriter;
import io.myuser.audit.AuditRetention;
import io.myuser.audit.JpaAuditLogWriter;
import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.jobs.MyUserJobsProperties;
import io.myuser.jobs.RecurringJob;
import io.myuser.personaldata.PersonalDataReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The audit log ({@code myuser.audit.*}): every auditable event of every feature becomes a row after commit; the
 * caller reads their own rows at {@code audit-logs/}; rows past the retention period are deleted by a recurring
 * job.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class, after = MyUserAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.audit.enabled" }, matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = AuditLog.class)
@EnableConfigurationProperties({ MyUserAuditProperties.class, MyUserJobsProperties.class })
public final class MyUserAuditAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AuditLogWriter myUserAuditLogWriter(AuditLogRepository repository, ObjectProvider<JsonMapper> jsonMapper,
			PlatformTransactionManager transactionManager, MyUserAuditProperties properties) {
		return new JpaAuditLogWriter(repository, jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()),
				transactionManager, properties.isClientInfo());
	}

	@Bean
	@ConditionalOnMissingBean
	AuditLogReader myUserAuditLogReader(AuditLogRepository repository, ObjectProvider<JsonMapper> jsonMapper,
			PlatformTransactionManager transactionManager) {
		return new AuditLogReader(repository, jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()),
				transactionManager);
	}

	@Bean
	@ConditionalOnMissingBean
	AuditLogQuery.Paging myUserAuditLogPaging(MyUserAuditProperties properties) {
		return new AuditLogQuery.Paging(properties.getPageSize(), properties.getMaxPageSize());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBooleanProperty(name = "myuser.token.enabled", matchIfMissing = true)
	AuditLogController myUserAuditLogController(AuditLogReader reader, AuditLogQuery.Paging paging) {
		return new AuditLogController(reader, paging);
	}

	@Bean
	@ConditionalOnMissingBean
	AuditRetention myUserAuditRetention(AuditLogRepository repository, MyUserAuditProperties properties,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new AuditRetention(repository, properties.getRetention(), transactionManager, clock);
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserAuditRetentionJob")
	RecurringJob myUserAuditRetentionJob(AuditRetention retention, MyUserJobsProperties jobs) {
		return RecurringJob.every(AuditRetention.JOB_NAME, jobs.getCleanupInterval(), retention::deleteExpired);
	}

	@Bean
	@ConditionalOnMissingBean
	AuditEventListener myUserAuditEventListener(AuditLogWriter writer) {
		return new AuditEventListener(writer);
	}

	@Bean
	@ConditionalOnMissingBean
	AuditLogExportSection myUserAuditLogExportSection(AuditLogRepository repository, PersonalDataReader reader,
			ObjectProvider<JsonMapper> jsonMapper) {
		return new AuditLogExportSection(repository, reader,
				jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()));
	}

	@Bean
	@ConditionalOnMissingBean
	AuditLogEraser myUserAuditLogEraser(AuditLogRepository repository) {
		return new AuditLogEraser(repository);
	}

}
