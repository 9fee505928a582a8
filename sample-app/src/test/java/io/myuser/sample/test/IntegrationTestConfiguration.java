package io.myuser.sample.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Beans every integration test context shares.
 */
@TestConfiguration(proxyBeanMethods = false)
public class IntegrationTestConfiguration {

	@Bean
	MutableClock testClock() {
		return new MutableClock();
	}

	@Bean
	RecordedEvents recordedEvents() {
		return new RecordedEvents();
	}

}
