package io.myuser.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import com.example.host.HostApplication;
import io.myuser.account.InvalidCredentialsException;
import io.myuser.account.NistPasswordPolicy;
import io.myuser.account.PasswordAuthenticator;
import io.myuser.account.PasswordPolicy;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.account.UserRepository;
import io.myuser.audit.AuditEventListener;
import io.myuser.audit.AuditLog;
import io.myuser.audit.AuditLogWriter;
import io.myuser.autoconfigure.mail.MyUserMailProperties;
import io.myuser.gdpr.DataExportFile;
import io.myuser.gdpr.DataRequest;
import io.myuser.mail.AccountMailer;
import io.myuser.mail.MailDelivery;
import io.myuser.mail.MailLinks;
import io.myuser.mail.MailTemplateRenderer;
import io.myuser.mail.LandingPageController;
import io.myuser.profile.ConsentRecord;
import io.myuser.profile.Profile;
import io.myuser.profile.ProfileController;
import io.myuser.profile.ProfileService;
import io.myuser.session.SessionService;
import io.myuser.session.UserSession;
import io.myuser.social.SocialAccount;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.persistence.EntityTimestampsListener;
import io.myuser.support.web.MyUserExceptionHandler;
import io.myuser.support.web.MyUserFallbackExceptionResolver;
import io.myuser.support.web.ProblemResponseWriter;
import io.myuser.support.web.RequestBodyLimitFilter;
import io.myuser.token.PasswordLoginService;
import io.myuser.token.RefreshToken;
import io.myuser.token.TokenCodec;
import io.myuser.token.TokenController;
import io.myuser.token.TokenService;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.UrlHandlerFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MyUserAutoConfiguration}, the base of MyUser, and for what every MyUser auto-configuration
 * contributes together to a host application.
 */
class MyUserAutoConfigurationTests {

	private static final List<String> MYUSER_ENTITY_PACKAGES = List.of("io.myuser.account", "io.myuser.token",
			"io.myuser.session", "io.myuser.profile", "io.myuser.audit", "io.myuser.gdpr", "io.myuser.social");

	/** A passphrase with its accents precomposed. */
	private static final String COMPOSED = "cr\u00e8me br\u00fbl\u00e9e au caf\u00e9";

	/** The same passphrase with each accent as letter plus combining accent. */
	private static final String DECOMPOSED = "cre\u0300me bru\u0302le\u0301e au cafe\u0301";

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	@Test
	void everyFeatureContributesItsBeansByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(PasswordEncoder.class)
				.hasSingleBean(Clock.class)
				.hasSingleBean(ClientInfoResolver.class)
				.hasSingleBean(ProblemResponseWriter.class)
				.hasSingleBean(UserAccountService.class)
				.hasSingleBean(PasswordAuthenticator.class)
				.hasSingleBean(TokenCodec.class)
				.hasSingleBean(TokenService.class)
				.hasSingleBean(SessionService.class)
				.hasSingleBean(PasswordLoginService.class)
				.hasSingleBean(TokenController.class)
				.hasSingleBean(ProfileService.class)
				.hasSingleBean(ProfileController.class)
				.hasSingleBean(AuditLogWriter.class)
				.hasSingleBean(AuditEventListener.class)
				.hasSingleBean(MyUserExceptionHandler.class)
				.hasSingleBean(MyUserFallbackExceptionResolver.class)
				.hasSingleBean(EntityTimestampsListener.class)
				.hasSingleBean(MailTemplateRenderer.class)
				.hasSingleBean(MailDelivery.class)
				.hasSingleBean(MailLinks.class)
				.hasSingleBean(AccountMailer.class)
				.hasSingleBean(LandingPageController.class)
				.hasBean("myUserMailJob")
				.hasBean("myUserSecurityFilterChain");
			assertThat(context.getBean("myUserSecurityFilterChain")).isInstanceOf(SecurityFilterChain.class);
			// The scan that nothingIsContributedWhenMyUserIsDisabled relies on does find MyUser's beans.
			assertThat(MyUserContextRunners.myUserBeanNames(context)).contains("myUserPasswordEncoder", "myUserClock",
					"myUserTokenService", "myUserSecurityFilterChain", "myUserTrailingSlashFilter",
					"myUserMailTemplateRenderer", context.getBeanNamesForType(MyUserProperties.class)[0],
					context.getBeanNamesForType(MyUserMailProperties.class)[0]);
		});
	}

	@Test
	void testRunnersLoadEveryAutoConfigurationTheStarterRegisters() {
		List<String> registered = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("io.myuser."))
			.toList();
		assertThat(registered).isNotEmpty();
		assertThat(Arrays.stream(MyUserContextRunners.MYUSER_AUTO_CONFIGURATIONS).map(Class::getName))
			.containsExactlyInAnyOrderElementsOf(registered);
	}

	@Test
	void mailBeansAreAbsentWhenMailIsDisabled() {
		this.contextRunner.withPropertyValues("myuser.mail.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MyUserMailProperties.class)
				.doesNotHaveBean(MailTemplateRenderer.class)
				.doesNotHaveBean(MailDelivery.class)
				.doesNotHaveBean(MailLinks.class)
				.doesNotHaveBean(AccountMailer.class)
				.doesNotHaveBean(LandingPageController.class)
				.doesNotHaveBean("myUserMailJob")
				.hasSingleBean(UserAccountService.class);
			assertThat(MyUserContextRunners.myUserBeanNames(context)).noneMatch((name) -> name.contains("Mail"))
				.isNotEmpty();
		});
	}

	@Test
	void baseBeansArePresentWithTheirDefaultState() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC);
			assertThat(context.getBean(PasswordEncoder.class).upgradeEncoding("{bcrypt}$2a$10$abc")).isTrue();
			assertThat(context).getBean("myUserTrailingSlashFilter", FilterRegistrationBean.class)
				.satisfies((registration) -> {
					assertThat(registration.getFilter()).isInstanceOf(UrlHandlerFilter.class);
					assertThat(registration.getUrlPatterns()).containsExactly("/api/auth/*");
				});
			assertThat(context).getBean("myUserRequestBodyLimitFilter", FilterRegistrationBean.class)
				.satisfies((registration) -> {
					assertThat(registration.getFilter()).isInstanceOf(RequestBodyLimitFilter.class);
					assertThat(registration.getUrlPatterns()).containsExactly("/api/auth/*");
				});
		});
	}

	@Test
	void webFiltersFollowTheBasePath() {
		this.contextRunner.withPropertyValues("myuser.web.base-path=/auth/v2").run((context) -> {
			assertThat(context).getBean("myUserTrailingSlashFilter", FilterRegistrationBean.class)
				.satisfies((registration) -> assertThat(registration.getUrlPatterns()).containsExactly("/auth/v2/*"));
			assertThat(context).getBean("myUserRequestBodyLimitFilter", FilterRegistrationBean.class)
				.satisfies((registration) -> assertThat(registration.getUrlPatterns()).containsExactly("/auth/v2/*"));
		});
	}

	@Test
	void clientInfoResolverTrustsOnlyConfiguredProxies() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("10.0.0.1");
		request.addHeader("X-Forwarded-For", "203.0.113.7");
		this.contextRunner.run((context) -> assertThat(
				context.getBean(ClientInfoResolver.class).resolve(request).ipAddress())
			.isEqualTo("10.0.0.1"));
		this.contextRunner.withPropertyValues("myuser.web.trusted-proxies=10.0.0.0/8")
			.run((context) -> assertThat(context.getBean(ClientInfoResolver.class).resolve(request).ipAddress())
				.isEqualTo("203.0.113.7"));
	}

	@Test
	void passwordEncoderBacksOffWhenUserDefinesOne() {
		PasswordEncoder encoder = NoOpPasswordEncoder.getInstance();
		this.contextRunner.withBean("hostPasswordEncoder", PasswordEncoder.class, () -> encoder).run((context) -> {
			assertThat(context).hasSingleBean(PasswordEncoder.class).hasBean("hostPasswordEncoder");
			assertThat(context.getBean(PasswordEncoder.class)).isSameAs(encoder);
		});
	}

	@Test
	void passwordsAreNormalisedAroundMyUsersEncoderWhileTheBeanStaysAsItIs() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(PasswordEncoder.class)).isInstanceOf(DelegatingPasswordEncoder.class);
			String hash = assertComposedAndDecomposedFormsLogIn(context);
			assertThat(hash).startsWith("{argon2}");
			assertThat(context.getBean(PasswordEncoder.class).matches(COMPOSED, hash))
				.as("the composed form was hashed").isTrue();
		});
	}

	@Test
	void passwordsAreNormalisedAroundTheHostsEncoder() {
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
		this.contextRunner.withBean("hostPasswordEncoder", PasswordEncoder.class, () -> bcrypt).run((context) -> {
			assertThat(context.getBean(PasswordEncoder.class)).isSameAs(bcrypt);
			String hash = assertComposedAndDecomposedFormsLogIn(context);
			assertThat(hash).startsWith("$2a$04$");
			assertThat(bcrypt.matches(COMPOSED, hash)).as("the composed form was hashed").isTrue();
			assertThat(bcrypt.matches(DECOMPOSED, hash)).isFalse();
			// The policy still knows bcrypt's limit through the normalising wrapper, and counts the normal form.
			assertThat(((NistPasswordPolicy) context.getBean(PasswordPolicy.class)).getMaxBytes())
				.isEqualTo(NistPasswordPolicy.BCRYPT_MAX_BYTES);
			assertThat(context.getBean(PasswordPolicy.class).violations("\ufb01".repeat(4), null)).isEmpty();
		});
	}

	/**
	 * Set one password decomposed and one composed through MyUser's services, and log in with the other form.
	 * @return the stored hash of the password set decomposed
	 */
	private static String assertComposedAndDecomposedFormsLogIn(ApplicationContext context) {
		PasswordAuthenticator authenticator = context.getBean(PasswordAuthenticator.class);
		String setDecomposed = MyUserTestUsers.uniqueEmail();
		MyUserTestUsers.createUser(context, setDecomposed, DECOMPOSED, true);
		String setComposed = MyUserTestUsers.uniqueEmail();
		MyUserTestUsers.createUser(context, setComposed, COMPOSED, true);

		assertThat(authenticator.check(setDecomposed, COMPOSED).email()).isEqualTo(setDecomposed);
		assertThat(authenticator.check(setDecomposed, DECOMPOSED).email()).isEqualTo(setDecomposed);
		assertThat(authenticator.check(setComposed, DECOMPOSED).email()).isEqualTo(setComposed);
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> authenticator.check(setComposed, COMPOSED + "x"));
		return context.getBean(UserAccountService.class).findByEmail(setDecomposed).orElseThrow().getPasswordHash();
	}

	@Test
	void clockBacksOffWhenUserDefinesOne() {
		Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
		this.contextRunner.withBean("hostClock", Clock.class, () -> clock).run((context) -> {
			assertThat(context).hasSingleBean(Clock.class).hasBean("hostClock");
			assertThat(context.getBean(Clock.class)).isSameAs(clock);
		});
	}

	@Test
	void entityPackagesOfEveryFeatureAreAddedToTheHostsPackage() {
		this.contextRunner.run((context) -> {
			assertThat(AutoConfigurationPackages.get(context)).startsWith(HostApplication.class.getPackageName())
				.containsAll(MYUSER_ENTITY_PACKAGES)
				.hasSize(MYUSER_ENTITY_PACKAGES.size() + 1);
			assertThat(MyUserContextRunners.managedEntities(context)).contains(User.class, RefreshToken.class,
					UserSession.class, Profile.class, ConsentRecord.class, AuditLog.class, DataRequest.class,
					DataExportFile.class, SocialAccount.class);
		});
	}

	@Test
	void hostEntityScanHidesMyUserEntities() {
		// Documented caveat: @EntityScan replaces the auto-configuration packages as the source of entities,
		// so a host that uses it must list MyUser's entity packages too.
		this.contextRunner.withUserConfiguration(HostEntityScanConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(BeanCreationException.class)
				.rootCause()
				.hasMessageContaining("Not a managed type")
				.hasMessageContaining(User.class.getName());
		});
	}

	@Test
	void hostEntityScanThatListsMyUserPackagesWorks() {
		this.contextRunner.withUserConfiguration(HostEntityScanWithMyUserConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(UserAccountService.class));
	}

	@Test
	void hostEnableJpaRepositoriesHidesMyUserRepositories() {
		// Same kind of caveat: @EnableJpaRepositories switches Boot's repository scanning of the
		// auto-configuration packages off, so MyUser's repositories are not created.
		this.contextRunner.withUserConfiguration(HostJpaRepositoriesConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(NoSuchBeanDefinitionException.class)
				.hasMessageContaining(UserRepository.class.getName());
		});
	}

	@Test
	void startupFailsWithTheBindingReportWhenBasePathIsInvalid() {
		BindingReports.assertRefused(this.contextRunner, "myuser.web.base-path", "/api/auth/",
				"it starts with '/', does not end with '/'");
	}

	@Test
	void nothingIsContributedWhenMyUserIsDisabled() {
		this.contextRunner.withPropertyValues("myuser.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(MyUserContextRunners.myUserBeanNames(context)).isEmpty();
			assertThat(context).doesNotHaveBean(MyUserProperties.class)
				.doesNotHaveBean(PasswordEncoder.class)
				.doesNotHaveBean("myUserSecurityFilterChain")
				.doesNotHaveBean("myUserDefaultSecurityFilterChain");
			assertThat(locations(context.getBean(Flyway.class))).containsExactly("classpath:db/migration");
			assertThat(AutoConfigurationPackages.get(context)).containsExactly(HostApplication.class.getPackageName());
			assertThat(MyUserContextRunners.managedEntities(context)).isEmpty();
		});
	}

	@Test
	void webBeansAreAbsentOutsideAWebApplication() {
		MyUserContextRunners.nonWeb().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(UserAccountService.class)
				.hasSingleBean(TokenService.class)
				.hasSingleBean(PasswordLoginService.class)
				.hasSingleBean(ProfileService.class)
				.hasSingleBean(AuditEventListener.class)
				.doesNotHaveBean(TokenController.class)
				.doesNotHaveBean(ProfileController.class)
				.doesNotHaveBean(MyUserExceptionHandler.class)
				.doesNotHaveBean(MyUserFallbackExceptionResolver.class)
				.doesNotHaveBean("myUserTrailingSlashFilter")
				.doesNotHaveBean(SecurityFilterChain.class);
		});
	}

	private static List<String> locations(Flyway flyway) {
		return Arrays.stream(flyway.getConfiguration().getLocations()).map(Location::getDescriptor).toList();
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan("com.example.host.domain")
	static class HostEntityScanConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableJpaRepositories("com.example.host.repositories")
	static class HostJpaRepositoriesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = { User.class, RefreshToken.class, UserSession.class, Profile.class,
			AuditLog.class, DataRequest.class, SocialAccount.class })
	static class HostEntityScanWithMyUserConfiguration {

	}

}
