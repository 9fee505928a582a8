package io.myuser.autoconfigure.audit;

import io.myuser.audit.AuditEventListener;
import io.myuser.audit.AuditLog;
import io.myuser.audit.AuditLogEraser;
import io.myuser.audit.AuditLogExportSection;
import io.myuser.audit.AuditLogRepository;
import io.myuser.audit.AuditLogWriter;
import io.myuser.audit.JpaAuditLogWriter;
import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.personaldata.PersonalDataReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The audit log ({@code myuser.audit.*}): every auditable event of every feature becomes a row after commit.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class, after = MyUserAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.audit.enabled" }, matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = AuditLog.class)
@EnableConfigurationProperties(MyUserAuditProperties.class)
public final class MyUserAuditAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AuditLogWriter myUserAuditLogWriter(AuditLogRepository repository, ObjectProvider<JsonMapper> jsonMapper,
			PlatformTransactionManager transactionManager) {
		return new JpaAuditLogWriter(repository, jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()),
				transactionManager);
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
