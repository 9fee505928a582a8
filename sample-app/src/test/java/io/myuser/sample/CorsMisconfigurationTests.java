package io.myuser.sample;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A wildcard origin together with credentials would let every site read MyUser's answers with the user's cookies;
 * the sample refuses to start with it, and says so in Spring Boot's binding report, naming the property, the value
 * and the rule.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorsMisconfigurationTests {

	@Test
	void a_wildcard_origin_with_credentials_stops_the_sample_with_a_binding_report(CapturedOutput output) {
		Throwable failure = catchThrowable(() -> SampleApplication.application()
			.run("--server.port=0", "--spring.main.banner-mode=off",
					"--spring.datasource.url=jdbc:h2:mem:sample-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"--myuser.web.cors.allowed-origins=*", "--myuser.web.cors.allow-credentials=true")
			.close());

		assertThat(failure).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Binding to target")
			.contains("Property: myuser.web.cors.allowed-origins")
			.contains("Value: \"[*]\"")
			.contains("Reason: must not hold the wildcard * while myuser.web.cors.allow-credentials is true");
	}

}
