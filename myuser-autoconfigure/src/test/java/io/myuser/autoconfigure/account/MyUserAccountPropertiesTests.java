package io.myuser.autoconfigure.account;

import java.util.List;
import java.util.Map;

import io.myuser.autoconfigure.account.MyUserAccountProperties.EmailVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserAccountProperties}.
 */
class MyUserAccountPropertiesTests {

	@Test
	void emailVerificationIsMandatoryByDefault() {
		assertThat(bind(Map.of()).getEmailVerification()).isEqualTo(EmailVerification.MANDATORY);
	}

	@ParameterizedTest
	@CsvSource({ "mandatory, MANDATORY", "optional, OPTIONAL", "none, NONE", "NONE, NONE" })
	void emailVerificationIsBoundFromLowerOrUpperCase(String value, EmailVerification expected) {
		assertThat(bind(Map.of("myuser.account.email-verification", value)).getEmailVerification())
			.isEqualTo(expected);
	}

	private static MyUserAccountProperties bind(Map<String, String> properties) {
		Binder binder = new Binder(List.of(new MapConfigurationPropertySource(properties)));
		return binder.bindOrCreate("myuser.account", MyUserAccountProperties.class);
	}

}
