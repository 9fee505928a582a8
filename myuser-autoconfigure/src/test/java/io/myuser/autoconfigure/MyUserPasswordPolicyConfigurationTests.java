package io.myuser.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.myuser.account.NistPasswordPolicy;
import io.myuser.account.PasswordPolicy;
import io.myuser.account.PasswordPolicySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link PasswordPolicy} bean of {@link MyUserAutoConfiguration} and the
 * {@code myuser.account.password.*} properties behind it.
 */
class MyUserPasswordPolicyConfigurationTests {

	private static final String COMMON = "Password is too common; choose one that is not on lists of frequently used "
			+ "passwords.";

	/** 73 ASCII characters: one byte more than bcrypt takes. */
	private static final String LONG_PASSWORD = "kq7#mZp2".repeat(9) + "x";

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	@Test
	void passwordPolicyIsNistPolicyWithDefaultSettings() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(PasswordPolicy.class).hasBean("myUserPasswordPolicy");
			PasswordPolicy policy = context.getBean(PasswordPolicy.class);
			assertThat(policy).isInstanceOf(NistPasswordPolicy.class);
			NistPasswordPolicy nist = (NistPasswordPolicy) policy;
			assertThat(nist.getSettings()).isEqualTo(PasswordPolicySettings.defaults());
			assertThat(policy.violations("correct horse battery staple", "alice@example.com")).isEmpty();
			assertThat(policy.violations("Password123!", null)).containsExactly(COMMON);
			assertThat(policy.violations("alice", "alice@example.com")).hasSize(2);
			// MyUser's encoder writes Argon2id, which takes any length.
			assertThat(nist.getMaxBytes()).isEqualTo(NistPasswordPolicy.NO_BYTE_LIMIT);
			assertThat(policy.violations(LONG_PASSWORD, null)).isEmpty();
		});
	}

	@Test
	void passwordPolicyFollowsTheProperties() {
		this.contextRunner
			.withPropertyValues("myuser.account.password.min-length=12", "myuser.account.password.max-length=64",
					"myuser.account.password.reject-common=false", "myuser.account.password.reject-email=false")
			.run((context) -> {
				NistPasswordPolicy policy = context.getBean(NistPasswordPolicy.class);
				assertThat(policy.getSettings()).isEqualTo(new PasswordPolicySettings(12, 64, false, false));
				assertThat(policy.violations("kq7#mZp2abc", null))
					.containsExactly("Password must be at least 12 characters long.");
				assertThat(policy.violations("x".repeat(65), null))
					.containsExactly("Password must be at most 64 characters long.");
				assertThat(policy.violations("Password123!", null)).isEmpty();
				assertThat(policy.violations("alice.liddell", "alice.liddell@example.com")).isEmpty();
			});
	}

	@Test
	void passwordPolicyRefusesPasswordsLongerThanBcryptTakesWhenHostEncoderIsBcrypt() {
		this.contextRunner.withBean("hostPasswordEncoder", PasswordEncoder.class, () -> new BCryptPasswordEncoder(4))
			.run((context) -> {
				NistPasswordPolicy policy = context.getBean(NistPasswordPolicy.class);
				assertThat(policy.getMaxBytes()).isEqualTo(NistPasswordPolicy.BCRYPT_MAX_BYTES);
				assertThat(policy.violations(LONG_PASSWORD, null)).containsExactly("Password is too long: at most 72 "
						+ "bytes can be stored, and characters outside ASCII take 2 to 4 bytes each.");
				assertThat(policy.violations(LONG_PASSWORD.substring(1), null)).isEmpty();
			});
	}

	@Test
	void passwordPolicyFindsBcryptBehindAHostDelegatingEncoder() {
		PasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4),
				"argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
		this.contextRunner.withBean("hostPasswordEncoder", PasswordEncoder.class, () -> encoder)
			.run((context) -> assertThat(context.getBean(NistPasswordPolicy.class).getMaxBytes())
				.isEqualTo(NistPasswordPolicy.BCRYPT_MAX_BYTES));
	}

	@Test
	void passwordPolicyBacksOffWhenHostDefinesOne() {
		PasswordPolicy hostPolicy = (password, email) -> List.of();
		this.contextRunner.withBean("hostPasswordPolicy", PasswordPolicy.class, () -> hostPolicy).run((context) -> {
			assertThat(context).hasSingleBean(PasswordPolicy.class)
				.hasBean("hostPasswordPolicy")
				.doesNotHaveBean("myUserPasswordPolicy");
			assertThat(context.getBean(PasswordPolicy.class)).isSameAs(hostPolicy);
		});
	}

	@Test
	void passwordPolicyIsAbsentWhenMyUserIsDisabled() {
		this.contextRunner.withPropertyValues("myuser.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PasswordPolicy.class));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			min-length=0                 | min-length | 0    | must be at least 1
			min-length=-5                | min-length | -5   | must be at least 1
			max-length=7                 | max-length | 7    | must not be less than myuser.account.password.min-length, which is 8
			min-length=20,max-length=19  | max-length | 19   | must not be less than myuser.account.password.min-length, which is 20
			max-length=4097              | max-length | 4097 | must be at most 4096
			""")
	void startupFailsWithTheBindingReportWhenPasswordPropertiesAreInvalid(String properties, String reported,
			int value, String reason) {
		String[] pairs = Arrays.stream(properties.split(","))
			.map((pair) -> "myuser.account.password." + pair)
			.toArray(String[]::new);
		this.contextRunner.withPropertyValues(pairs)
			.run((context) -> assertThat(
					BindingReports.singleError(context, "myuser.account.password." + reported, reason)
						.getRejectedValue())
				.isEqualTo(value));
	}

	@Test
	void startupSucceedsAtTheLimitsOfThePasswordProperties() {
		this.contextRunner
			.withPropertyValues("myuser.account.password.min-length=1", "myuser.account.password.max-length=1")
			.run((context) -> assertThat(context.getBean(NistPasswordPolicy.class).getSettings().maxLength())
				.isEqualTo(1));
		this.contextRunner.withPropertyValues("myuser.account.password.max-length=4096")
			.run((context) -> assertThat(context.getBean(NistPasswordPolicy.class).getSettings().maxLength())
				.isEqualTo(4096));
	}

}
