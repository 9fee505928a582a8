package io.myuser.autoconfigure.admin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.myuser.account.RegistrationLogin;
import io.myuser.account.StaffEmailPromoter;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.autoconfigure.BindingReports;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.autoconfigure.MyUserTestUsers;
import io.myuser.support.ClientInfo;
import io.myuser.token.AccessTokenContents;
import io.myuser.token.AccessTokenContext;
import io.myuser.token.AccessTokenCustomizer;
import io.myuser.token.AccountAccessTokenContents;
import io.myuser.token.InvalidTokenException;
import io.myuser.token.PasswordLoginService;
import io.myuser.token.TokenPair;
import io.myuser.token.TokenService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MyUserAdminProperties} and the beans it configures: the authority of staff accounts, the
 * customizers applied to access tokens, and the staff addresses.
 */
class MyUserAdminPropertiesTests {

	private static final String PASSWORD = "correct horse battery staple";

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	@Test
	void defaultsGrantRoleMyUserAdminToStaffAndListNoAddress() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(AccessTokenContents.class)
				.hasSingleBean(StaffEmailPromoter.class);
			MyUserAdminProperties properties = context.getBean(MyUserAdminProperties.class);
			assertThat(properties.getAuthority()).isEqualTo("ROLE_MYUSER_ADMIN");
			assertThat(properties.getStaffEmails()).isEmpty();
			assertThat(context.getBean(AccessTokenContents.class)).isInstanceOf(AccountAccessTokenContents.class);
		});
	}

	@Test
	void staffAccountsGetTheConfiguredAuthorityOthersNone() {
		this.contextRunner.withPropertyValues("myuser.admin.authority=ROLE_OPERATOR").run((context) -> {
			String staffEmail = MyUserTestUsers.uniqueEmail();
			User staff = MyUserTestUsers.createUser(context, staffEmail, PASSWORD, true);
			context.getBean(UserAccountService.class).setStaff(staff.getId(), true);
			String otherEmail = MyUserTestUsers.uniqueEmail();
			MyUserTestUsers.createUser(context, otherEmail, PASSWORD, true);
			assertThat(authoritiesOf(context.getBean(TokenService.class), login(context, staffEmail)))
				.containsExactly("ROLE_OPERATOR");
			assertThat(authoritiesOf(context.getBean(TokenService.class), login(context, otherEmail))).isEmpty();
		});
	}

	@Test
	void customizersAreAppliedInOrderAfterTheAdminAuthority() {
		this.contextRunner.withUserConfiguration(OrderedCustomizers.class).run((context) -> {
			String email = MyUserTestUsers.uniqueEmail();
			User user = MyUserTestUsers.createUser(context, email, PASSWORD, true);
			context.getBean(UserAccountService.class).setStaff(user.getId(), true);
			assertThat(authoritiesOf(context.getBean(TokenService.class), login(context, email)))
				.containsExactly("ROLE_MYUSER_ADMIN", "first", "second");
		});
	}

	@Test
	void theLoginOfARegistrationAndARefreshCarryTheAdminAuthorityAndTheCustomizersClaims() {
		this.contextRunner.withUserConfiguration(OrderedCustomizers.class).run((context) -> {
			User user = MyUserTestUsers.createUser(context, MyUserTestUsers.uniqueEmail(), PASSWORD, true);
			context.getBean(UserAccountService.class).setStaff(user.getId(), true);
			TokenService tokens = context.getBean(TokenService.class);
			RegistrationLogin.Tokens registered = context.getBean(RegistrationLogin.class)
				.logIn(user.getId(), ClientInfo.NONE);
			assertThat(tokens.verifyAccessToken(registered.access()).authorities())
				.containsExactly("ROLE_MYUSER_ADMIN", "first", "second");
			assertThat(claim(registered.access(), "login_method")).isEqualTo("registration");

			context.getBean(UserAccountService.class).setStaff(user.getId(), false);
			String refreshed = tokens.refresh(registered.refresh(), ClientInfo.NONE).access();
			assertThat(tokens.verifyAccessToken(refreshed).authorities()).containsExactly("first", "second");
			assertThat(claim(refreshed, "login_method")).isEqualTo("registration");
		});
	}

	@Test
	void aRefreshOfAnErasedAccountIsRefused() {
		this.contextRunner.run((context) -> {
			String email = MyUserTestUsers.uniqueEmail();
			User user = MyUserTestUsers.createUser(context, email, PASSWORD, true);
			TokenPair pair = login(context, email);
			// Soft-deleted behind the session's back: the session is still usable, the account is gone.
			context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
				.update("update myuser_user set deleted_at = current_timestamp, email_canonical = null where id = ?",
						user.getId());
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(
					() -> context.getBean(TokenService.class).refresh(pair.refresh(), ClientInfo.NONE));
		});
	}

	@Test
	void aHostAccessTokenContentsReplacesTheDefaultAndCustomizersAreNotApplied() {
		this.contextRunner.withUserConfiguration(OrderedCustomizers.class, HostContents.class).run((context) -> {
			assertThat(context).hasSingleBean(AccessTokenContents.class);
			assertThat(context.getBean(AccessTokenContents.class)).isNotInstanceOf(AccountAccessTokenContents.class);
			String email = MyUserTestUsers.uniqueEmail();
			MyUserTestUsers.createUser(context, email, PASSWORD, true);
			assertThat(authoritiesOf(context.getBean(TokenService.class), login(context, email)))
				.containsExactly("host");
		});
	}

	@Test
	void listedVerifiedAccountsBecomeStaffWhenCreated() {
		this.contextRunner.withPropertyValues("myuser.admin.staff-emails=Boss@Example.com").run((context) -> {
			User listed = MyUserTestUsers.createUser(context, "boss@example.COM", PASSWORD, true);
			User other = MyUserTestUsers.createUser(context, MyUserTestUsers.uniqueEmail(), PASSWORD, true);
			UserAccountService accounts = context.getBean(UserAccountService.class);
			assertThat(accounts.findById(listed.getId())).get().extracting(User::isStaff).isEqualTo(true);
			assertThat(accounts.findById(other.getId())).get().extracting(User::isStaff).isEqualTo(false);
		});
	}

	@Test
	void aBlankAuthorityOrStaffAddressFailsStartupWithTheBindingReport() {
		BindingReports.assertRefused(this.contextRunner, "myuser.admin.authority", " ",
				"must not be blank or contain whitespace");
		BindingReports.assertRefused(this.contextRunner, "myuser.admin.authority", "ROLE A",
				"must not be blank or contain whitespace");
		this.contextRunner.withPropertyValues("myuser.admin.staff-emails[0]=a@example.com",
				"myuser.admin.staff-emails[1]= ")
			.run(BindingReports.refuses("myuser.admin.staff-emails[1]", "must not be blank"));
	}

	private static TokenPair login(org.springframework.context.ApplicationContext context, String email) {
		return context.getBean(PasswordLoginService.class).login(email, PASSWORD, Locale.ENGLISH, ClientInfo.NONE);
	}

	private static String claim(String token, String name) {
		String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(payload).get(name).asString();
	}

	private static List<String> authoritiesOf(TokenService tokens, TokenPair pair) {
		return tokens.verifyAccessToken(pair.access()).authorities();
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		@Bean
		@Order(2)
		AccessTokenCustomizer second() {
			return (context) -> context.addAuthority("second");
		}

		@Bean
		@Order(1)
		AccessTokenCustomizer first() {
			return (context) -> context.addAuthority("first").claim("login_method", context.session().loginMethod());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostContents {

		@Bean
		AccessTokenContents hostAccessTokenContents() {
			return (userId, sessionId, loginMethod) -> Optional.of(new AccessTokenContext(
					new AccessTokenContext.Account(userId, "", false, false),
					new AccessTokenContext.Session(sessionId, loginMethod))
				.addAuthority("host"));
		}

	}

}
