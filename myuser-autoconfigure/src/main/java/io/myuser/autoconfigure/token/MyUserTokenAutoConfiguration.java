package io.myuser.autoconfigure.token;

import java.time.Clock;

import io.myuser.account.PasswordAuthenticator;
import io.myuser.account.RegistrationLogin;
import io.myuser.account.UserAccountService;
import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.account.MyUserAccountAutoConfiguration;
import io.myuser.autoconfigure.account.MyUserAccountProperties.EmailVerification;
import io.myuser.autoconfigure.account.MyUserAccountProperties;
import io.myuser.autoconfigure.admin.MyUserAdminProperties;
import io.myuser.autoconfigure.jobs.MyUserJobsProperties;
import io.myuser.autoconfigure.session.MyUserSessionAutoConfiguration;
import io.myuser.jobs.RecurringJob;
import io.myuser.ratelimit.BruteForceProtection;
import io.myuser.ratelimit.RateLimits;
import io.myuser.security.AccessTokenVerifier;
import io.myuser.security.MyUserRoutes;
import io.myuser.session.SessionService;
import io.myuser.support.ClientInfoResolver;
import io.myuser.token.AccessTokenContents;
import io.myuser.token.AccessTokenCustomizer;
import io.myuser.token.AccountAccessTokenContents;
import io.myuser.token.JjwtTokenCodec;
import io.myuser.token.JwkSetController;
import io.myuser.token.JwtKeys;
import io.myuser.token.JwtSettings;
import io.myuser.token.LoginThrottle;
import io.myuser.token.LogoutController;
import io.myuser.token.PasswordLoginService.LoginSettings;
import io.myuser.token.PasswordLoginService;
import io.myuser.token.RefreshSettings;
import io.myuser.token.RefreshToken;
import io.myuser.token.RefreshTokenCleanup;
import io.myuser.token.RefreshTokenRepository;
import io.myuser.token.RegistrationTokenIssuer;
import io.myuser.token.SessionAwareAccessTokenVerifier;
import io.myuser.token.TokenCodec;
import io.myuser.token.TokenController;
import io.myuser.token.TokenService;
import tools.jackson.databind.json.JsonMapper;

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
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Password login, JWTs, refresh-token rotation and logout ({@code myuser.token.*}), on the sessions of
 * {@code MyUserSessionAutoConfiguration}. Startup fails with a clear report when no signing secret of at least 256
 * bits is configured. The clean-up of expired refresh tokens is a recurring job for MyUser's job engine; it runs
 * only where the engine runs ({@code myuser.jobs.enabled}). A registration that needs no verification logs in
 * through this feature's {@link RegistrationLogin}.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class,
		after = { MyUserAutoConfiguration.class, MyUserAccountAutoConfiguration.class,
				MyUserSessionAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.token.enabled" }, matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = RefreshToken.class)
@EnableConfigurationProperties({ MyUserTokenProperties.class, MyUserJobsProperties.class, MyUserAdminProperties.class })
@Import(MyUserTokenAutoConfiguration.TokenWebConfiguration.class)
public final class MyUserTokenAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtSettings myUserJwtSettings(MyUserTokenProperties properties) {
		return new JwtSettings(properties.getAccessTokenTimeToLive(), properties.getRefreshTokenTimeToLive(),
				properties.getIssuer(), properties.getAudience(), properties.getClockSkew());
	}

	@Bean
	@ConditionalOnMissingBean({ JwtKeys.class, TokenCodec.class })
	JwtKeys myUserJwtKeys(MyUserTokenProperties properties) {
		return SigningSecrets.keys(properties.getSigning());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenCodec myUserTokenCodec(JwtKeys keys, JwtSettings settings, ObjectProvider<JsonMapper> jsonMapper,
			Clock clock) {
		return new JjwtTokenCodec(keys, settings, jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	RefreshSettings myUserRefreshSettings(MyUserTokenProperties properties) {
		return new RefreshSettings(properties.isRotateRefreshTokens(), properties.getReuseGracePeriod());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenService myUserTokenService(TokenCodec codec, RefreshTokenRepository refreshTokens, SessionService sessions,
			JwtSettings settings, RefreshSettings refreshSettings, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock, MyUserTokenProperties properties,
			ObjectProvider<AccessTokenContents> accessTokenContents) {
		TokenService service = new TokenService(codec, refreshTokens, sessions, settings, refreshSettings, events,
				transactionManager, clock, properties.getVerifiedTokenCacheSize());
		service.setAccessTokenContents(accessTokenContents.getIfAvailable());
		return service;
	}

	/**
	 * What access tokens carry beyond MyUser's own claims: the admin authority of staff accounts
	 * ({@code myuser.admin.authority}), then whatever the host's {@link AccessTokenCustomizer} beans add, applied
	 * in their order. A host bean of type {@link AccessTokenContents} replaces it.
	 */
	@Bean
	@ConditionalOnMissingBean
	AccessTokenContents myUserAccessTokenContents(UserAccountService accounts, MyUserAdminProperties admin,
			ObjectProvider<AccessTokenCustomizer> customizers) {
		return new AccountAccessTokenContents(accounts, admin.getAuthority(), customizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	RefreshTokenCleanup myUserRefreshTokenCleanup(RefreshTokenRepository refreshTokens, Clock clock) {
		return new RefreshTokenCleanup(refreshTokens, clock);
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserRefreshTokenCleanupJob")
	RecurringJob myUserRefreshTokenCleanupJob(RefreshTokenCleanup cleanup, MyUserJobsProperties jobs) {
		return RecurringJob.every(RefreshTokenCleanup.JOB_NAME, jobs.getCleanupInterval(), cleanup::run);
	}

	/**
	 * The token feature's implementation of the security feature's {@link AccessTokenVerifier}: a host bean of
	 * that type replaces it.
	 */
	@Bean
	@ConditionalOnMissingBean(AccessTokenVerifier.class)
	SessionAwareAccessTokenVerifier myUserAccessTokenVerifier(TokenService tokens, SessionService sessions) {
		return new SessionAwareAccessTokenVerifier(tokens, sessions);
	}

	@Bean
	@ConditionalOnMissingBean(RegistrationLogin.class)
	RegistrationTokenIssuer myUserRegistrationLogin(TokenService tokens) {
		return new RegistrationTokenIssuer(tokens);
	}

	/**
	 * Slows password guessing down with the rate-limit feature's budgets and waits; limits nothing while that
	 * feature is off.
	 */
	@Bean
	@ConditionalOnMissingBean
	LoginThrottle myUserLoginThrottle(ObjectProvider<RateLimits> rateLimits,
			ObjectProvider<BruteForceProtection> protection, UserAccountService accounts, SessionService sessions,
			ApplicationEventPublisher events) {
		RateLimits limits = rateLimits.getIfAvailable();
		if (limits == null) {
			return LoginThrottle.disabled();
		}
		return new LoginThrottle(limits, protection.getIfAvailable(), accounts, sessions, events);
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordLoginService myUserPasswordLoginService(PasswordAuthenticator authenticator, UserAccountService accounts,
			TokenService tokens, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
			MyUserAccountProperties accountProperties, LoginThrottle throttle) {
		LoginSettings settings = new LoginSettings(
				accountProperties.getEmailVerification() == EmailVerification.MANDATORY,
				accountProperties.isRevealUnverifiedLogin(), accountProperties.getUnverifiedLoginEmailInterval());
		return new PasswordLoginService(authenticator, accounts, tokens, events, transactionManager, settings,
				throttle);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class TokenWebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TokenController myUserTokenController(PasswordLoginService loginService, TokenService tokens,
				ClientInfoResolver clientInfoResolver, ObjectProvider<RateLimits> rateLimits) {
			return new TokenController(loginService, tokens, clientInfoResolver,
					rateLimits.getIfAvailable(RateLimits::disabled));
		}

		@Bean
		@ConditionalOnMissingBean(name = "myUserTokenRoutes")
		MyUserRoutes myUserTokenRoutes() {
			return MyUserRoutes.of("token")
				.permitAll(HttpMethod.POST, "/token", "/token/refresh", "/token/verify")
				.permitAll(HttpMethod.GET, "/.well-known/jwks.json")
				.build();
		}

		@Bean
		@ConditionalOnMissingBean
		JwkSetController myUserJwkSetController(ObjectProvider<JwtKeys> keys) {
			return new JwkSetController(keys.getIfAvailable(JwtKeys::none));
		}

		@Bean
		@ConditionalOnMissingBean
		LogoutController myUserLogoutController(SessionService sessions, TokenService tokens,
				ClientInfoResolver clientInfoResolver) {
			return new LogoutController(sessions, tokens, clientInfoResolver);
		}

	}

}
