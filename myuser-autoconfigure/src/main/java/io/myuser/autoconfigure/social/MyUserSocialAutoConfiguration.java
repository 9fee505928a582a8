package io.myuser.autoconfigure.social;

import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import io.myuser.account.AccountFlowService;
import io.myuser.account.UserAccountService;
import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.MyUserProperties;
import io.myuser.autoconfigure.account.MyUserAccountAutoConfiguration;
import io.myuser.autoconfigure.account.MyUserAccountProperties;
import io.myuser.autoconfigure.account.MyUserAccountProperties.EmailVerification;
import io.myuser.autoconfigure.jobs.MyUserJobsProperties;
import io.myuser.autoconfigure.token.MyUserTokenAutoConfiguration;
import io.myuser.jobs.RecurringJob;
import io.myuser.personaldata.PersonalDataReader;
import io.myuser.ratelimit.RateLimits;
import io.myuser.security.MyUserRoutes;
import io.myuser.social.SocialAccount;
import io.myuser.social.SocialAccountController;
import io.myuser.social.SocialAccountEraser;
import io.myuser.social.SocialAccountExportSection;
import io.myuser.social.SocialAccountRepository;
import io.myuser.social.SocialAccountService;
import io.myuser.social.SocialLoginController;
import io.myuser.social.SocialLoginService;
import io.myuser.social.SocialSettings;
import io.myuser.social.UnprovedIdentityCleanup;
import io.myuser.social.provider.CodeExchanger;
import io.myuser.social.provider.FacebookIdentityVerifier;
import io.myuser.social.provider.GitHubIdentityVerifier;
import io.myuser.social.provider.GoogleIdentityVerifier;
import io.myuser.social.provider.IdTokenReplayStore;
import io.myuser.social.provider.IdTokens;
import io.myuser.social.provider.JdbcIdTokenReplayStore;
import io.myuser.social.provider.OidcIdentityVerifier;
import io.myuser.social.provider.ProviderCalls;
import io.myuser.social.provider.ProviderKind;
import io.myuser.social.provider.ProviderSettings;
import io.myuser.social.provider.ProviderVerification;
import io.myuser.social.provider.SocialIdentityVerifier;
import io.myuser.social.provider.SocialProviders;
import io.myuser.social.redirect.RedirectSettings;
import io.myuser.social.redirect.SocialFlowStore;
import io.myuser.social.redirect.SocialRedirectController;
import io.myuser.social.redirect.SocialRedirectFlow;
import io.myuser.support.ClientInfoResolver;
import io.myuser.token.PasswordLoginService.LoginSettings;
import io.myuser.token.TokenService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.StringUtils;

/**
 * Social login and connected accounts ({@code myuser.social.*}). The providers are the host's Spring client
 * registrations ({@code spring.security.oauth2.client.registration.<id>.*}, read by Boot's
 * {@code OAuth2ClientAutoConfiguration}); with none, the routes exist and answer 404 for every provider.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class,
		after = { MyUserAutoConfiguration.class, MyUserAccountAutoConfiguration.class,
				MyUserTokenAutoConfiguration.class },
		afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.social.enabled" }, matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = SocialAccount.class)
@EnableConfigurationProperties({ MyUserSocialProperties.class, MyUserJobsProperties.class })
@Import(MyUserSocialAutoConfiguration.SocialWebConfiguration.class)
public final class MyUserSocialAutoConfiguration {

	/** The registration ids whose options are the typed {@code google}, {@code github}, {@code facebook} groups. */
	private static final List<String> TYPED = List.of("google", "github", "facebook");

	@Bean
	@ConditionalOnMissingBean
	SocialAccountExportSection myUserSocialAccountExportSection(SocialAccountRepository socialAccounts,
			PersonalDataReader reader) {
		return new SocialAccountExportSection(socialAccounts, reader);
	}

	@Bean
	@ConditionalOnMissingBean
	SocialAccountEraser myUserSocialAccountEraser(SocialAccountRepository socialAccounts) {
		return new SocialAccountEraser(socialAccounts);
	}

	@Bean
	@ConditionalOnMissingBean
	UnprovedIdentityCleanup myUserUnprovedIdentityCleanup(SocialAccountRepository socialAccounts,
			ApplicationEventPublisher events) {
		return new UnprovedIdentityCleanup(socialAccounts, events);
	}

	@Bean
	@ConditionalOnMissingBean
	ProviderSettings myUserSocialProviderSettings(MyUserSocialProperties properties,
			ObjectProvider<ClientRegistrationRepository> registrations, Environment environment) {
		Map<String, ProviderSettings.Options> options = new LinkedHashMap<>();
		options.put("google", new ProviderSettings.Options(redirectUris("google", properties.getGoogle()), null,
				List.of(), properties.getGoogle().getAuthorizedParties()));
		options.put("github", new ProviderSettings.Options(redirectUris("github", properties.getGithub()), null,
				List.of(), List.of()));
		options.put("facebook", new ProviderSettings.Options(redirectUris("facebook", properties.getFacebook()), null,
				List.of(), List.of()));
		Binder binder = Binder.get(environment);
		for (ClientRegistration registration : registrations(registrations)) {
			String id = registration.getRegistrationId();
			if (TYPED.contains(id.toLowerCase(Locale.ROOT))) {
				continue;
			}
			MyUserSocialProperties.OidcProvider oidc = binder
				.bind(ConfigurationPropertyName.adapt("myuser.social." + id, '.'),
						Bindable.of(MyUserSocialProperties.OidcProvider.class))
				.orElseGet(MyUserSocialProperties.OidcProvider::new);
			options.put(id, new ProviderSettings.Options(redirectUris(id, oidc), oidc.getIssuer(),
					oidc.getIdTokenAlgorithms(), List.of()));
		}
		return new ProviderSettings(properties.getGoogle().getTokeninfoUri(), properties.getGithub().getApiUri(),
				properties.getFacebook().getGraphApiUri(), positive("connect-timeout", properties.getConnectTimeout()),
				positive("read-timeout", properties.getReadTimeout()), properties.getClockSkew(),
				properties.getFacebook().getAppTokenTimeToLive(), options);
	}

	@Bean
	@ConditionalOnMissingBean
	SocialProviders myUserSocialProviders(ObjectProvider<ClientRegistrationRepository> registrations,
			ProviderSettings settings) {
		return SocialProviders.of(registrations(registrations), settings);
	}

	@Bean
	@ConditionalOnMissingBean
	ProviderCalls myUserSocialProviderCalls(ProviderSettings settings) {
		return ProviderCalls.of(settings);
	}

	@Bean
	@ConditionalOnMissingBean
	IdTokenReplayStore myUserIdTokenReplayStore(DataSource dataSource) {
		return new JdbcIdTokenReplayStore(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserIdTokenReplayCleanupJob")
	RecurringJob myUserIdTokenReplayCleanupJob(IdTokenReplayStore replays, MyUserJobsProperties jobs, Clock clock) {
		return RecurringJob.every(JdbcIdTokenReplayStore.CLEANUP_JOB_NAME, jobs.getCleanupInterval(),
				() -> replays.forgetExpired(clock.instant()));
	}

	@Bean
	@ConditionalOnMissingBean
	ProviderVerification myUserSocialProviderVerification(ProviderSettings settings, ProviderCalls calls,
			IdTokenReplayStore replays, Clock clock) {
		CodeExchanger codes = new CodeExchanger(calls);
		IdTokens idTokens = new IdTokens(calls, replays, clock, settings.clockSkew());
		Map<ProviderKind, SocialIdentityVerifier> verifiers = new EnumMap<>(ProviderKind.class);
		verifiers.put(ProviderKind.GOOGLE,
				new GoogleIdentityVerifier(idTokens, codes, calls, settings.googleTokeninfoUri()));
		verifiers.put(ProviderKind.GITHUB, new GitHubIdentityVerifier(codes, calls, settings.githubApiUri()));
		verifiers.put(ProviderKind.FACEBOOK, new FacebookIdentityVerifier(codes, calls,
				settings.facebookGraphApiUri(), clock, settings.facebookAppTokenTimeToLive()));
		verifiers.put(ProviderKind.OIDC, new OidcIdentityVerifier(idTokens, codes, calls));
		return new ProviderVerification(verifiers);
	}

	@Bean
	@ConditionalOnMissingBean
	SocialSettings myUserSocialSettings(MyUserSocialProperties properties, MyUserAccountProperties accounts) {
		return new SocialSettings(properties.isEmailAuthentication(),
				new LoginSettings(accounts.getEmailVerification() == EmailVerification.MANDATORY,
						accounts.isRevealUnverifiedLogin(), accounts.getUnverifiedLoginEmailInterval()),
				accounts.isRegistrationEnabled());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(TokenService.class)
	SocialLoginService myUserSocialLoginService(SocialProviders providers, ProviderVerification verification,
			SocialAccountRepository socialAccounts, UserAccountService accounts, AccountFlowService accountFlows,
			TokenService tokens, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
			SocialSettings settings, Clock clock) {
		return new SocialLoginService(providers, verification, socialAccounts, accounts, accountFlows, tokens, events,
				transactionManager, settings, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	SocialAccountService myUserSocialAccountService(SocialProviders providers, ProviderVerification verification,
			SocialAccountRepository socialAccounts, UserAccountService accounts, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new SocialAccountService(providers, verification, socialAccounts, accounts, events, transactionManager,
				clock);
	}

	@Bean
	@ConditionalOnMissingBean
	SocialFlowStore myUserSocialFlowStore(DataSource dataSource) {
		return new SocialFlowStore(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserSocialFlowCleanupJob")
	RecurringJob myUserSocialFlowCleanupJob(SocialFlowStore store, MyUserJobsProperties jobs, Clock clock) {
		return RecurringJob.every(SocialFlowStore.CLEANUP_JOB_NAME, jobs.getCleanupInterval(),
				() -> store.deleteExpired(clock.instant()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(TokenService.class)
	SocialRedirectFlow myUserSocialRedirectFlow(SocialLoginService logins, ProviderVerification verification,
			SocialFlowStore store, MyUserSocialProperties properties, MyUserProperties web, Clock clock) {
		String callbackBase = null;
		if (properties.getCallbackBaseUrl() != null) {
			String base = properties.getCallbackBaseUrl().toString();
			checkAbsolute("callback-base-url", base);
			callbackBase = StringUtils.trimTrailingCharacter(base, '/') + web.getWeb().getBasePath();
		}
		for (String allowed : properties.getAllowedRedirects()) {
			checkAbsolute("allowed-redirects", allowed);
		}
		return new SocialRedirectFlow(logins, verification, store,
				new RedirectSettings(callbackBase, properties.getAllowedRedirects(),
						positive("state-time-to-live", properties.getStateTimeToLive()),
						positive("exchange-code-time-to-live", properties.getExchangeCodeTimeToLive())),
				clock);
	}

	private static Iterable<ClientRegistration> registrations(
			ObjectProvider<ClientRegistrationRepository> registrations) {
		ClientRegistrationRepository repository = registrations.getIfAvailable();
		if (repository instanceof Iterable<?> iterable) {
			@SuppressWarnings("unchecked")
			Iterable<ClientRegistration> all = (Iterable<ClientRegistration>) iterable;
			return all;
		}
		return List.of();
	}

	private static List<String> redirectUris(String id, MyUserSocialProperties.Provider provider) {
		for (String uri : provider.getRedirectUris()) {
			checkAbsolute(id + ".redirect-uris", uri);
		}
		return List.copyOf(provider.getRedirectUris());
	}

	/** An absolute https URI without a fragment, or http on a loopback address (development). */
	private static void checkAbsolute(String property, String uri) {
		URI parsed;
		try {
			parsed = URI.create(uri);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("myuser.social." + property + ": '" + uri + "' is not a URI");
		}
		String host = (parsed.getHost() != null) ? parsed.getHost() : "";
		boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
		boolean secure = "https".equals(parsed.getScheme()) || ("http".equals(parsed.getScheme()) && loopback);
		if (!parsed.isAbsolute() || host.isEmpty() || !secure || parsed.getFragment() != null) {
			throw new IllegalStateException("myuser.social." + property + ": '" + uri
					+ "' must be an absolute https URI without a fragment (http only on a loopback address)");
		}
	}

	private static java.time.Duration positive(String name, java.time.Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalStateException("myuser.social." + name + " must be positive");
		}
		return duration;
	}

	/**
	 * The social routes log in with MyUser's tokens and need its token authentication; without it
	 * ({@code myuser.token.enabled=false}) only the services are available.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBean(TokenService.class)
	static class SocialWebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SocialLoginController myUserSocialLoginController(SocialLoginService logins,
				SocialAccountService socialAccounts, ClientInfoResolver clientInfoResolver,
				ObjectProvider<RateLimits> rateLimits) {
			return new SocialLoginController(logins, socialAccounts, clientInfoResolver,
					rateLimits.getIfAvailable(RateLimits::disabled));
		}

		@Bean
		@ConditionalOnMissingBean
		SocialAccountController myUserSocialAccountController(SocialAccountService socialAccounts,
				ClientInfoResolver clientInfoResolver) {
			return new SocialAccountController(socialAccounts, clientInfoResolver);
		}

		@Bean
		@ConditionalOnMissingBean
		SocialRedirectController myUserSocialRedirectController(SocialRedirectFlow flow,
				ClientInfoResolver clientInfoResolver, ObjectProvider<RateLimits> rateLimits) {
			return new SocialRedirectController(flow, clientInfoResolver,
					rateLimits.getIfAvailable(RateLimits::disabled));
		}

		@Bean
		@ConditionalOnMissingBean(name = "myUserSocialRoutes")
		MyUserRoutes myUserSocialRoutes() {
			return MyUserRoutes.of("social")
				.permitAll(HttpMethod.POST, "/social/{provider}", "/social/exchange")
				.permitAll(HttpMethod.GET, "/social/{provider}/authorize", "/social/{provider}/callback")
				.authenticated(HttpMethod.POST, "/social/{provider}/connect")
				.authenticated(HttpMethod.GET, "/social/accounts", "/social/accounts/status")
				.authenticated(HttpMethod.POST, "/social/accounts/{provider}/disconnect")
				.authenticated(HttpMethod.DELETE, "/social/accounts/{provider}/disconnect")
				.build();
		}

	}

}
