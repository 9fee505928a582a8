package io.myuser.autoconfigure.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.myuser.account.PasswordPolicySettings;
import io.myuser.autoconfigure.BindingReports;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.autoconfigure.account.MyUserAccountProperties.EmailVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserAccountProperties}.
 */
class MyUserAccountPropertiesTests {

	private final ApplicationContextRunner contextRunner = MyUserContextRunners.nonWeb();

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
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			myuser.account.password.min-length                  | 0     | must be at least 1
			myuser.account.password.max-length                  | 4097  | must be at most 4096
			myuser.account.password.max-length                  | 7     | must not be less than myuser.account.password.min-length, which is 8
			myuser.account.verification-token-time-to-live      | 0s    | must be positive
			myuser.account.verification-token-time-to-live      | -1d   | must be positive
			myuser.account.password-reset-token-time-to-live    | 0s    | must be positive
			myuser.account.password-reset-token-time-to-live    | -30m  | must be positive
			myuser.account.unverified-login-email-interval      | -1s   | must not be negative
			""")
	void startupFailsWithTheBindingReportWhenAValueBreaksARule(String property, String value, String reason) {
		BindingReports.assertRefused(this.contextRunner, property, value, reason);
	}

	@Test
	void edgeValuesAreAccepted() {
		this.contextRunner
			.withPropertyValues("myuser.account.password.min-length=1", "myuser.account.password.max-length=4096",
					"myuser.account.verification-token-time-to-live=1ms",
					"myuser.account.password-reset-token-time-to-live=1ns",
					"myuser.account.unverified-login-email-interval=0s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MyUserAccountProperties properties = context.getBean(MyUserAccountProperties.class);
				assertThat(properties.getPassword().getMinLength()).isEqualTo(1);
				assertThat(properties.getPassword().getMaxLength()).isEqualTo(4096);
				assertThat(properties.getVerificationTokenTimeToLive()).isEqualTo(Duration.ofMillis(1));
				assertThat(properties.getPasswordResetTokenTimeToLive()).isEqualTo(Duration.ofNanos(1));
				assertThat(properties.getUnverifiedLoginEmailInterval()).isZero();
			});
		this.contextRunner
			.withPropertyValues("myuser.account.password.min-length=64", "myuser.account.password.max-length=64")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void defaultsStart() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.getBean(MyUserAccountProperties.class)
			.usingRecursiveComparison()
			.isEqualTo(new MyUserAccountProperties()));
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
