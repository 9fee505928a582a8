package io.myuser.sample.test;

import io.myuser.account.MyUserPasswordEncoders;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Replaces MyUser's password encoder with a {@link CountingPasswordEncoder} around the same default encoder, as a
 * host bean would: {@code @Import} it on a test class. Test classes that import it share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CountingPasswordEncoderConfiguration {

	@Bean
	CountingPasswordEncoder countingPasswordEncoder() {
		return new CountingPasswordEncoder(MyUserPasswordEncoders.createDelegatingPasswordEncoder());
	}

}
