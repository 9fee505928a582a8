package io.myuser.autoconfigure.account;

import java.time.Clock;

import io.myuser.account.AccountExportSection;
import io.myuser.account.AccountFlowService;
import io.myuser.account.AccountSettings;
import io.myuser.account.EmailLinkTokenRepository;
import io.myuser.account.EmailLinkTokenService;
import io.myuser.account.MyUserPasswordEncoders;
import io.myuser.account.NistPasswordPolicy;
import io.myuser.account.NormalizingPasswordEncoder;
import io.myuser.account.PasswordAuthenticator;
import io.myuser.account.PasswordConfirmation;
import io.myuser.account.PasswordController;
import io.myuser.account.PasswordPolicy;
import io.myuser.account.PasswordPolicySettings;
import io.myuser.account.RegistrationController;
import io.myuser.account.RegistrationLogin;
import io.myuser.account.StaffEmailPromoter;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.account.UserRepository;
import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.admin.MyUserAdminProperties;
import io.myuser.personaldata.PersonalDataReader;
import io.myuser.ratelimit.RateLimits;
import io.myuser.security.MyUserRoutes;
import io.myuser.support.ClientInfoResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Accounts ({@code myuser.account.*}): password hashing and policy, registration with email verification,
 * password reset and change, and the account's part of a GDPR export.
 * <p>
 * Passwords are Unicode-normalised (NFKC) before they are hashed or checked: the services that hash and verify
 * passwords get the {@link PasswordEncoder} bean, MyUser's or the host's, wrapped in a
 * {@link NormalizingPasswordEncoder}. The bean itself stays as it is, for the host's own uses.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class, after = MyUserAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "myuser.enabled", matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = User.class)
@EnableConfigurationProperties({ MyUserAccountProperties.class, MyUserAdminProperties.class })
@Import(MyUserAccountAutoConfiguration.AccountWebConfiguration.class)
public final class MyUserAccountAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PasswordEncoder myUserPasswordEncoder() {
		return MyUserPasswordEncoders.createDelegatingPasswordEncoder();
	}

	/**
	 * The password policy. It judges the normalised form of a password, the form that is hashed. Its byte limit
	 * follows the {@link PasswordEncoder} bean, whether MyUser's or the host's: a bcrypt encoder limits passwords
	 * to 72 bytes. The encoder is probed when the first password is checked, not at startup.
	 */
	@Bean
	@ConditionalOnMissingBean
	PasswordPolicy myUserPasswordPolicy(MyUserAccountProperties properties, PasswordEncoder passwordEncoder) {
		MyUserAccountProperties.Password password = properties.getPassword();
		PasswordPolicySettings settings = new PasswordPolicySettings(password.getMinLength(),
				password.getMaxLength(), password.isRejectEmail(), password.isRejectCommon());
		return new NistPasswordPolicy(settings, passwordEncoder);
	}

	@Bean
	@ConditionalOnMissingBean
	UserAccountService myUserAccountService(UserRepository users, EmailLinkTokenRepository emailLinkTokens,
			PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new UserAccountService(users, emailLinkTokens, NormalizingPasswordEncoder.of(passwordEncoder), events,
				transactionManager, clock);
	}

	/**
	 * Makes the accounts of {@code myuser.admin.staff-emails} staff once their address is verified; does nothing
	 * while the list is empty.
	 */
	@Bean
	@ConditionalOnMissingBean
	StaffEmailPromoter myUserStaffEmailPromoter(UserRepository users, PlatformTransactionManager transactionManager,
			MyUserAdminProperties admin) {
		return new StaffEmailPromoter(users, transactionManager, admin.getStaffEmails());
	}

	@Bean
	@ConditionalOnMissingBean
	AccountExportSection myUserAccountExportSection(UserRepository users, PersonalDataReader reader) {
		return new AccountExportSection(users, reader);
	}

	@Bean
	@ConditionalOnMissingBean
	EmailLinkTokenService myUserEmailLinkTokenService(EmailLinkTokenRepository tokens, UserRepository users,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new EmailLinkTokenService(tokens, users, transactionManager, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	AccountSettings myUserAccountSettings(MyUserAccountProperties properties) {
		return new AccountSettings(
				AccountSettings.EmailVerificationMode.valueOf(properties.getEmailVerification().name()),
				properties.getVerificationTokenTimeToLive(), properties.getPasswordResetTokenTimeToLive());
	}

	@Bean
	@ConditionalOnMissingBean
	AccountFlowService myUserAccountFlowService(UserRepository users, UserAccountService accounts,
			EmailLinkTokenService emailLinkTokens, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
			ApplicationEventPublisher events, AccountSettings settings, PlatformTransactionManager transactionManager,
			Clock clock) {
		return new AccountFlowService(users, accounts, emailLinkTokens, NormalizingPasswordEncoder.of(passwordEncoder),
				passwordPolicy, events, settings, transactionManager, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordAuthenticator myUserPasswordAuthenticator(UserRepository users, PasswordEncoder passwordEncoder,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new PasswordAuthenticator(users, NormalizingPasswordEncoder.of(passwordEncoder), transactionManager,
				clock);
	}

	/**
	 * Confirms a password for actions that need it again (deleting the account), at the cost of a hash also when
	 * the account has none.
	 */
	@Bean
	@ConditionalOnMissingBean
	PasswordConfirmation myUserPasswordConfirmation(UserRepository users, PasswordEncoder passwordEncoder) {
		return new PasswordConfirmation(users, NormalizingPasswordEncoder.of(passwordEncoder));
	}

	/**
	 * The registration and password endpoints. With verification off, a registration logs the new account in
	 * through the token feature's {@link RegistrationLogin}, when there is one.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class AccountWebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PasswordController myUserPasswordController(AccountFlowService flows, ClientInfoResolver clientInfoResolver,
				ObjectProvider<RateLimits> rateLimits) {
			return new PasswordController(flows, clientInfoResolver, rateLimits.getIfAvailable(RateLimits::disabled));
		}

		@Bean
		@ConditionalOnMissingBean(name = "myUserPasswordRoutes")
		MyUserRoutes myUserPasswordRoutes() {
			return MyUserRoutes.of("password reset")
				.permitAll(HttpMethod.POST, "/password/reset", "/password/reset/confirm")
				.build();
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "myuser.account.registration-enabled", matchIfMissing = true)
		RegistrationController myUserRegistrationController(AccountFlowService flows,
				ObjectProvider<RegistrationLogin> login, ClientInfoResolver clientInfoResolver,
				ObjectProvider<RateLimits> rateLimits) {
			return new RegistrationController(flows, login.getIfAvailable(), clientInfoResolver,
					rateLimits.getIfAvailable(RateLimits::disabled));
		}

		@Bean
		@ConditionalOnMissingBean(name = "myUserRegistrationRoutes")
		@ConditionalOnBooleanProperty(name = "myuser.account.registration-enabled", matchIfMissing = true)
		MyUserRoutes myUserRegistrationRoutes() {
			return MyUserRoutes.of("registration")
				.permitAll(HttpMethod.POST, "/registration", "/registration/verify-email", "/registration/resend-email")
				.build();
		}

	}

}
