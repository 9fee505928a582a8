package io.myuser.sample;

import io.myuser.audit.AuditLogRepository;
import io.myuser.audit.AuditLogWriter;
import io.myuser.audit.JpaAuditLogWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Replaces a MyUser bean: every MyUser bean is {@code @ConditionalOnMissingBean}, so declaring one of the same
 * type is enough.
 */
@Configuration(proxyBeanMethods = false)
class SampleMyUserConfiguration {

	@Bean
	AuditLogWriter auditLogWriter(AuditLogRepository repository, JsonMapper jsonMapper,
			PlatformTransactionManager transactionManager) {
		return new LoggingAuditLogWriter(new JpaAuditLogWriter(repository, jsonMapper, transactionManager));
	}

}
