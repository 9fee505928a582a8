package io.myuser.autoconfigure.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.autoconfigure.jobs.MyUserSchedulerCustomizer;
import io.myuser.metrics.ActiveSessionsGauge;
import io.myuser.metrics.ExportMeters;
import io.myuser.metrics.JobMeters;
import io.myuser.metrics.LoginMeters;
import io.myuser.metrics.MailMeters;
import io.myuser.metrics.MeterNames;
import io.myuser.metrics.RateLimitMeters;
import io.myuser.ratelimit.RateLimitKey;
import io.myuser.ratelimit.RateLimitedException;
import io.myuser.ratelimit.RateLimits;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MyUserMetricsAutoConfiguration}: the meters come with Micrometer and a registry, and without
 * either MyUser starts as before.
 */
class MyUserMetricsAutoConfigurationTests {

	private final ApplicationContextRunner withMetrics = MyUserContextRunners.nonWeb()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));

	@Test
	void metersAreRegisteredWhenTheHostHasAMeterRegistry() {
		this.withMetrics.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(LoginMeters.class)
				.hasSingleBean(MailMeters.class)
				.hasSingleBean(ExportMeters.class)
				.hasSingleBean(RateLimitMeters.class)
				.hasSingleBean(JobMeters.class)
				.hasSingleBean(ActiveSessionsGauge.class)
				.hasBean("myUserSchedulerMetricsCustomizer");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(MeterNames.SESSIONS_ACTIVE).gauge()).isNotNull();
			assertThat(registry.find(MeterNames.REFRESH_REUSE).counter()).isNotNull();
			assertThat(context.getBean(MyUserMetricsProperties.class).getActiveSessionsInterval())
				.isEqualTo(Duration.ofMinutes(1));
		});
	}

	@Test
	void aRateLimitRefusalIsCountedByScope() {
		this.withMetrics.run((context) -> {
			RateLimits limits = context.getBean(RateLimits.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			String scope = limits.isLimited("login.per-ip") ? "login.per-ip" : null;
			assertThat(scope).as("the login scope is limited by default").isNotNull();
			RateLimitKey key = new RateLimitKey(scope, "subject");
			for (int i = 0; i < 100; i++) {
				try {
					limits.spend(scope, key);
				}
				catch (RateLimitedException ex) {
					break;
				}
			}
			assertThatExceptionOfType(RateLimitedException.class).isThrownBy(() -> limits.spend(scope, key));
			assertThat(registry.get(MeterNames.RATE_LIMITED).tag(MeterNames.SCOPE, scope).counter().count())
				.isEqualTo(2.0);
		});
	}

	@Test
	void noMetersWithoutAMeterRegistry() {
		MyUserContextRunners.nonWeb().run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(LoginMeters.class)
				.doesNotHaveBean(ActiveSessionsGauge.class)
				.doesNotHaveBean(MyUserSchedulerCustomizer.class);
		});
	}

	@Test
	void mainStartsWithoutMicrometerOnTheClasspath() {
		this.withMetrics.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LoginMeters.class));
	}

	@Test
	void metersAreSwitchedOffByProperty() {
		this.withMetrics.withPropertyValues("myuser.metrics.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LoginMeters.class));
	}

	@Test
	void aHostLoginMetersBeanReplacesMyUsers() {
		this.withMetrics
			.withBean("customLoginMeters", LoginMeters.class, () -> new LoginMeters(new SimpleMeterRegistry()))
			.run((context) -> assertThat(context).hasSingleBean(LoginMeters.class).hasBean("customLoginMeters"));
	}

}
