package io.myuser.autoconfigure.account;

import java.util.Locale;
import java.util.UUID;

import io.myuser.account.AccountFlowService;
import io.myuser.account.AccountRequests;
import io.myuser.account.PasswordAuthenticator;
import io.myuser.account.PasswordConfirmation;
import io.myuser.account.PasswordController;
import io.myuser.account.PasswordPolicy;
import io.myuser.account.RegistrationAnswer;
import io.myuser.account.RegistrationController;
import io.myuser.account.RegistrationLogin;
import io.myuser.account.UserAccountService;
import io.myuser.account.UserRepository;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.autoconfigure.MyUserTestUsers;
import io.myuser.token.RegistrationTokenIssuer;
import io.myuser.token.TokenCodec;
import io.myuser.token.TokenService;
import io.myuser.token.TokenType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account feature is configured by its own auto-configuration, whatever other feature is switched off; a
 * registration that needs no verification logs in through the token feature when that is on.
 */
class MyUserAccountAutoConfigurationTests {

	private static final String PASSWORD = "correct horse battery staple";

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web()
		.withPropertyValues("myuser.account.email-verification=none");

	@Test
	void accountBeansStandWithoutTokenAuthentication() {
		MyUserContextRunners.webWithoutSecret()
			.withPropertyValues("myuser.token.enabled=false", "myuser.account.email-verification=none")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(UserAccountService.class)
					.hasSingleBean(AccountFlowService.class)
					.hasSingleBean(PasswordAuthenticator.class)
					.hasSingleBean(PasswordConfirmation.class)
					.hasSingleBean(PasswordPolicy.class)
					.hasSingleBean(PasswordController.class)
					.hasSingleBean(RegistrationController.class)
					.doesNotHaveBean(TokenService.class)
					.doesNotHaveBean(RegistrationLogin.class);
				String email = MyUserTestUsers.uniqueEmail();
				Object answer = register(context.getBean(RegistrationController.class), email);
				assertThat(answer).isEqualTo(new RegistrationAnswer.Registered(RegistrationController.ACCOUNT_CREATED));
				assertThat(context.getBean(UserRepository.class).findByEmailCanonical(email)).isPresent();
			});
	}

	@Test
	void registrationWithoutVerificationLogsInThroughTheTokenFeature() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().getBean(RegistrationLogin.class).isInstanceOf(RegistrationTokenIssuer.class);
			String email = MyUserTestUsers.uniqueEmail();
			Object answer = register(context.getBean(RegistrationController.class), email);
			assertThat(answer).isInstanceOf(RegistrationLogin.Tokens.class);
			RegistrationLogin.Tokens tokens = (RegistrationLogin.Tokens) answer;
			assertThat(tokens.refresh()).isNotBlank();
			UUID userId = context.getBean(UserRepository.class).findByEmailCanonical(email).orElseThrow().getId();
			assertThat(context.getBean(TokenCodec.class).decode(tokens.access(), TokenType.ACCESS).userId())
				.isEqualTo(userId);
		});
	}

	@Test
	void aHostRegistrationLoginReplacesTheTokenFeatures() {
		RegistrationLogin host = (userId, client) -> new RegistrationLogin.Tokens("host-access-" + userId,
				"host-refresh");
		this.contextRunner.withBean(RegistrationLogin.class, () -> host).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(RegistrationTokenIssuer.class);
			Object answer = register(context.getBean(RegistrationController.class), MyUserTestUsers.uniqueEmail());
			assertThat(answer).isInstanceOfSatisfying(RegistrationLogin.Tokens.class,
					(tokens) -> assertThat(tokens.access()).startsWith("host-access-"));
		});
	}

	private static Object register(RegistrationController controller, String email) {
		return controller.register(new AccountRequests.Registration(email, PASSWORD, null, null, "Ada", null),
				Locale.ENGLISH, new MockHttpServletRequest("POST", "/api/auth/registration"));
	}

}
