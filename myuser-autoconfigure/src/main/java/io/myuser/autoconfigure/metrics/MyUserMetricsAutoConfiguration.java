package io.myuser.autoconfigure.metrics;

import java.util.List;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.jobs.MyUserSchedulerCustomizer;
import io.myuser.autoconfigure.session.MyUserSessionAutoConfiguration;
import io.myuser.metrics.ActiveSessionsGauge;
import io.myuser.metrics.ExportMeters;
import io.myuser.metrics.JobMeters;
import io.myuser.metrics.LoginMeters;
import io.myuser.metrics.MailMeters;
import io.myuser.metrics.RateLimitMeters;
import io.myuser.session.SessionService;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * MyUser's meters ({@code myuser.metrics.*}), when the host has Micrometer and a {@link MeterRegistry} bean (Spring
 * Boot's metrics auto-configuration makes one): listeners that count the features' events, a rate-limit listener,
 * a listener and db-scheduler's own stats on MyUser's job scheduler, and a gauge of live sessions counted in the
 * background. Without Micrometer, nothing here is loaded.
 */
@AutoConfiguration(after = { MyUserAutoConfiguration.class, MyUserSessionAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.metrics.enabled" }, matchIfMissing = true)
@EnableConfigurationProperties(MyUserMetricsProperties.class)
@Import(MyUserMetricsAutoConfiguration.JobMetersConfiguration.class)
public final class MyUserMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LoginMeters myUserLoginMeters(MeterRegistry registry) {
		return new LoginMeters(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	MailMeters myUserMailMeters(MeterRegistry registry) {
		return new MailMeters(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	ExportMeters myUserExportMeters(MeterRegistry registry) {
		return new ExportMeters(registry);
	}

	/** Told of every refusal by the rate limits, which gather {@code RateLimitListener} beans. */
	@Bean
	@ConditionalOnMissingBean
	RateLimitMeters myUserRateLimitMeters(MeterRegistry registry) {
		return new RateLimitMeters(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(SessionService.class)
	ActiveSessionsGauge myUserActiveSessionsGauge(MeterRegistry registry, SessionService sessions,
			MyUserMetricsProperties properties) {
		return new ActiveSessionsGauge(registry, sessions::countLive, properties.getActiveSessionsInterval());
	}

	/**
	 * Meters of MyUser's job scheduler, added through a {@link MyUserSchedulerCustomizer} (so they exist only where
	 * the job engine runs).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Scheduler.class)
	static class JobMetersConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JobMeters myUserJobMeters(MeterRegistry registry) {
			return new JobMeters(registry);
		}

		@Bean
		@ConditionalOnMissingBean(name = "myUserSchedulerMetricsCustomizer")
		MyUserSchedulerCustomizer myUserSchedulerMetricsCustomizer(JobMeters jobMeters, MeterRegistry registry,
				MyUserMetricsProperties properties) {
			return (builder) -> {
				builder.addSchedulerListener(jobMeters);
				if (properties.isSchedulerStats()) {
					builder.statsRegistry(new MicrometerStatsRegistry(registry, List.of()));
				}
			};
		}

	}

}
