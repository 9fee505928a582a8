package io.myuser.autoconfigure.session;

import java.time.Duration;

import io.myuser.autoconfigure.BindingReports;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.session.SessionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserSessionProperties}: defaults, the values at the edge of each rule, and the binding report
 * of a value that breaks one.
 */
class MyUserSessionPropertiesTests {

	private final ApplicationContextRunner contextRunner = MyUserContextRunners.nonWeb();

	@Test
	void defaultsStart() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			MyUserSessionProperties properties = context.getBean(MyUserSessionProperties.class);
			assertThat(properties.getIdleTimeout()).isEqualTo(Duration.ofDays(30));
			assertThat(properties.getActivityResolution()).isEqualTo(Duration.ofMinutes(1));
			assertThat(properties.getRetention()).isEqualTo(Duration.ofDays(30));
			assertThat(properties.getCacheSize()).isEqualTo(SessionSettings.DEFAULT_CACHE_SIZE);
			assertThat(properties.getRevocation().getPollInterval()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.getRevocation().getPollOverlap()).isEqualTo(Duration.ofMinutes(1));
		});
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			myuser.session.idle-timeout                | 0s  | must be positive
			myuser.session.idle-timeout                | -1d | must be positive
			myuser.session.activity-resolution         | -1s | must not be negative
			myuser.session.retention                   | -1d | must not be negative
			myuser.session.cache-size                  | -1  | must not be negative
			myuser.session.revocation.poll-interval    | 0s  | must be positive
			myuser.session.revocation.poll-interval    | -2s | must be positive
			myuser.session.revocation.poll-overlap     | -1m | must not be negative
			""")
	void startupFailsWithTheBindingReportWhenAValueBreaksARule(String property, String value, String reason) {
		BindingReports.assertRefused(this.contextRunner, property, value, reason);
	}

	@Test
	void edgeValuesAreAccepted() {
		this.contextRunner
			.withPropertyValues("myuser.session.idle-timeout=1s", "myuser.session.activity-resolution=0s",
					"myuser.session.retention=0s", "myuser.session.cache-size=0",
					"myuser.session.revocation.poll-interval=1ms", "myuser.session.revocation.poll-overlap=0s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				SessionSettings settings = context.getBean(SessionSettings.class);
				assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(1));
				assertThat(settings.activityResolution()).isZero();
				assertThat(settings.cacheSize()).isZero();
				MyUserSessionProperties properties = context.getBean(MyUserSessionProperties.class);
				assertThat(properties.getRetention()).isZero();
				assertThat(properties.getRevocation().getPollInterval()).isEqualTo(Duration.ofMillis(1));
				assertThat(properties.getRevocation().getPollOverlap()).isZero();
			});
	}

}
