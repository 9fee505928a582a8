package io.myuser.autoconfigure.token;

import java.time.Clock;

import io.myuser.account.PasswordAuthenticator;
import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.account.MyUserAccountProperties;
import io.myuser.autoconfigure.account.MyUserAccountProperties.EmailVerification;
import io.myuser.session.SessionService;
import io.myuser.session.UserSession;
import io.myuser.session.UserSessionRepository;
import io.myuser.support.ClientInfoResolver;
import io.myuser.token.JjwtTokenCodec;
import io.myuser.token.PasswordLoginService;
import io.myuser.token.RefreshToken;
import io.myuser.token.RefreshTokenRepository;
import io.myuser.token.TokenCodec;
import io.myuser.token.TokenController;
import io.myuser.token.TokenService;
import io.myuser.token.TokenSettings;
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
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Password login, JWTs and sessions ({@code myuser.token.*}). Startup fails with a clear report when no signing
 * secret of at least 256 bits is configured.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class, after = MyUserAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.token.enabled" }, matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = { RefreshToken.class, UserSession.class })
@EnableConfigurationProperties(MyUserTokenProperties.class)
@Import(MyUserTokenAutoConfiguration.TokenWebConfiguration.class)
public final class MyUserTokenAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TokenSettings myUserTokenSettings(MyUserTokenProperties properties) {
		return new TokenSettings(properties.getAccessTokenTimeToLive(), properties.getRefreshTokenTimeToLive(),
				properties.getIssuer(), properties.getAudience(), properties.getClockSkew());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenCodec myUserTokenCodec(MyUserTokenProperties properties, TokenSettings settings,
			ObjectProvider<JsonMapper> jsonMapper, Clock clock) {
		byte[] secret = SigningSecrets.decode(properties.getSigning().getSecret());
		return new JjwtTokenCodec(secret, properties.getSigning().getKeyId(), settings,
				jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionService myUserSessionService(UserSessionRepository sessions, Clock clock) {
		return new SessionService(sessions, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenService myUserTokenService(TokenCodec codec, RefreshTokenRepository refreshTokens, SessionService sessions,
			TokenSettings settings, Clock clock) {
		return new TokenService(codec, refreshTokens, sessions, settings, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordLoginService myUserPasswordLoginService(PasswordAuthenticator authenticator, TokenService tokens,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
			MyUserAccountProperties accountProperties) {
		boolean verifiedEmailRequired = accountProperties.getEmailVerification() == EmailVerification.MANDATORY;
		return new PasswordLoginService(authenticator, tokens, events, transactionManager, verifiedEmailRequired);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class TokenWebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TokenController myUserTokenController(PasswordLoginService loginService,
				ClientInfoResolver clientInfoResolver) {
			return new TokenController(loginService, clientInfoResolver);
		}

	}

}
