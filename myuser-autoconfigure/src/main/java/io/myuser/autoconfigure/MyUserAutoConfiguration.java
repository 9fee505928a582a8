package io.myuser.autoconfigure;

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
import io.myuser.account.PasswordPolicy;
import io.myuser.account.PasswordPolicySettings;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.account.UserRepository;
import io.myuser.autoconfigure.account.MyUserAccountProperties;
import io.myuser.personaldata.PersonalDataReader;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.persistence.EntityTimestampsListener;
import io.myuser.support.web.ProblemResponseWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The base of MyUser: accounts, password hashing, the clock, client information and the web plumbing every MyUser
 * endpoint shares (MyUser's tables are migrated by {@code MyUserFlywayAutoConfiguration}). {@code myuser.enabled=false} switches all of MyUser off.
 * <p>
 * Passwords are Unicode-normalised (NFKC) before they are hashed or checked: the services that hash and verify
 * passwords get the {@link PasswordEncoder} bean, MyUser's or the host's, wrapped in a
 * {@link NormalizingPasswordEncoder}. The bean itself stays as it is, for the host's own uses.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "myuser.enabled", matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = User.class)
@EnableConfigurationProperties({ MyUserProperties.class, MyUserAccountProperties.class })
@Import(MyUserWebConfiguration.class)
public final class MyUserAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock myUserClock() {
		return Clock.systemUTC();
	}

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
	ClientInfoResolver myUserClientInfoResolver(MyUserProperties properties) {
		return new ClientInfoResolver(properties.getWeb().getTrustedProxies());
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemResponseWriter myUserProblemResponseWriter(ObjectProvider<JsonMapper> jsonMapper) {
		return new ProblemResponseWriter(jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()));
	}

	@Bean
	@ConditionalOnMissingBean
	EntityTimestampsListener myUserEntityTimestampsListener(Clock clock) {
		return new EntityTimestampsListener(clock);
	}

	@Bean
	@ConditionalOnMissingBean
	UserAccountService myUserAccountService(UserRepository users, EmailLinkTokenRepository emailLinkTokens,
			PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new UserAccountService(users, emailLinkTokens, NormalizingPasswordEncoder.of(passwordEncoder), events,
				transactionManager, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	PersonalDataReader myUserPersonalDataReader(PlatformTransactionManager transactionManager) {
		return new PersonalDataReader(transactionManager);
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

}
