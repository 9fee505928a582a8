package io.myuser.sample;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A negative access-token lifetime stops the sample before anything is built, with Spring Boot's binding report
 * naming the property, the configured value and the rule, and no stack trace: the rule is a constraint on the
 * properties, not a check in a bean.
 */
@ExtendWith(OutputCaptureExtension.class)
class NegativeLifetimeReportTests {

	@Test
	void a_negative_access_token_lifetime_stops_the_sample_with_a_binding_report(CapturedOutput output) {
		Throwable failure = catchThrowable(() -> SampleApplication.application()
			.run("--server.port=0", "--spring.main.banner-mode=off",
					"--spring.datasource.url=jdbc:h2:mem:sample-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"--myuser.token.access-token-time-to-live=-5m")
			.close());

		assertThat(failure).isNotNull();
		// Boot names a field's rule by its Java name, and the configured key in the origin.
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Binding to target")
			.contains("Property: myuser.token.accessTokenTimeToLive")
			.contains("Value: \"PT-5M\"")
			.contains("Origin: \"myuser.token.access-token-time-to-live\" from property source \"commandLineArgs\"")
			.contains("Reason: must be positive")
			.contains("Update your application's configuration")
			.doesNotContain("afterPropertiesSet")
			.doesNotContain("IllegalArgumentException")
			.doesNotContainPattern("(?m)^\\s+at [\\w$.]+\\(");
	}

}
