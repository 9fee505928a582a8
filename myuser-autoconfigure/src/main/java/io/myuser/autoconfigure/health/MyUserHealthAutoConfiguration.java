package io.myuser.autoconfigure.health;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.gdpr.MyUserGdprAutoConfiguration;
import io.myuser.autoconfigure.jobs.MyUserJobsAutoConfiguration;
import io.myuser.autoconfigure.session.MyUserSessionAutoConfiguration;
import io.myuser.gdpr.export.ExportStorage;
import io.myuser.jobs.JobBacklog;
import io.myuser.jobs.JobScheduler;
import io.myuser.session.SessionRevocationCache;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * MyUser's health contributor ({@code myuser.health.*}), when the host has Spring Boot's health support
 * (spring-boot-health, brought by Actuator): {@code myuser} with a part for the job engine (overdue and failing
 * jobs), the revocation poll (its lag on this node) and the export storage, each present when its feature is on
 * and each checked with a timeout. {@code management.health.myuser.enabled=false} switches it off.
 */
@AutoConfiguration(after = { MyUserAutoConfiguration.class, MyUserJobsAutoConfiguration.class,
		MyUserSessionAutoConfiguration.class, MyUserGdprAutoConfiguration.class })
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBooleanProperty(name = "myuser.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MyUserHealthProperties.class)
@Import(MyUserHealthAutoConfiguration.ContributorConfiguration.class)
public final class MyUserHealthAutoConfiguration {

	/**
	 * Apart, so that Boot's health condition is read only once its classes are known to be there.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("myuser")
	static class ContributorConfiguration {

		/**
		 * Named {@code myuserHealthContributor} so that Boot shows it as {@code myuser}.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "myuserHealthContributor")
		MyUserHealthContributor myuserHealthContributor(MyUserHealthProperties properties, Clock clock,
				ObjectProvider<JobScheduler> jobs, ObjectProvider<DataSource> dataSource,
				ObjectProvider<SessionRevocationCache> revocations, ObjectProvider<ExportStorage> exportStorage) {
			Map<String, TimeLimitedHealthIndicator> parts = new LinkedHashMap<>();
			DataSource database = dataSource.getIfUnique();
			if (jobs.getIfAvailable() != null && database != null) {
				parts.put("jobs", new JobEngineHealthIndicator(new JobBacklog(database, clock), properties));
			}
			revocations.ifUnique((cache) -> parts.put("revocations",
					new RevocationPollHealthIndicator(cache, clock, properties)));
			exportStorage
				.ifUnique((storage) -> parts.put("exports", new ExportStorageHealthIndicator(storage, properties)));
			return new MyUserHealthContributor(parts);
		}

	}

}
