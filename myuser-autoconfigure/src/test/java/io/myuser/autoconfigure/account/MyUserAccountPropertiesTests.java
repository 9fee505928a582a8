package io.myuser.autoconfigure.account;

import java.util.List;
import java.util.Map;

import io.myuser.account.PasswordPolicySettings;
import io.myuser.autoconfigure.account.MyUserAccountProperties.EmailVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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

	@Test
	void passwordDefaultsMatchThePolicyDefaults() {
		MyUserAccountProperties.Password password = bind(Map.of()).getPassword();
		PasswordPolicySettings defaults = PasswordPolicySettings.defaults();
		assertThat(password.getMinLength()).isEqualTo(defaults.minLength());
		assertThat(password.getMaxLength()).isEqualTo(defaults.maxLength());
		assertThat(password.isRejectCommon()).isEqualTo(defaults.rejectCommon()).isTrue();
		assertThat(password.isRejectEmail()).isEqualTo(defaults.rejectEmail()).isTrue();
	}

	@Test
	void passwordIsBoundFromKebabCaseProperties() {
		MyUserAccountProperties properties = bind(Map.of("myuser.account.password.min-length", "10",
				"myuser.account.password.max-length", "256", "myuser.account.password.reject-common", "false",
				"myuser.account.password.reject-email", "false"));
		assertThat(properties.getPassword()).usingRecursiveComparison().isEqualTo(password(10, 256, false, false));
		properties.afterPropertiesSet();
	}

	@ParameterizedTest
	@CsvSource({ "0, 128, myuser.account.password.min-length must be at least 1",
			"9, 8, myuser.account.password.max-length must not be less than min-length",
			"8, 4097, myuser.account.password.max-length must be at most 4096" })
	void afterPropertiesSetWhenPasswordLengthsInvalidThenIllegalArgument(int minLength, int maxLength,
			String message) {
		MyUserAccountProperties properties = new MyUserAccountProperties();
		properties.getPassword().setMinLength(minLength);
		properties.getPassword().setMaxLength(maxLength);
		assertThatIllegalArgumentException().isThrownBy(properties::afterPropertiesSet).withMessage(message);
	}

	private static MyUserAccountProperties.Password password(int minLength, int maxLength, boolean rejectCommon,
			boolean rejectEmail) {
		MyUserAccountProperties.Password password = new MyUserAccountProperties.Password();
		password.setMinLength(minLength);
		password.setMaxLength(maxLength);
		password.setRejectCommon(rejectCommon);
		password.setRejectEmail(rejectEmail);
		return password;
	}

	private static MyUserAccountProperties bind(Map<String, String> properties) {
		Binder binder = new Binder(List.of(new MapConfigurationPropertySource(properties)));
		return binder.bindOrCreate("myuser.account", MyUserAccountProperties.class);
	}

}
