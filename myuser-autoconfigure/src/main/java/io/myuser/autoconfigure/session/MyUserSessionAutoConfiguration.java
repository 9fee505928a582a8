package io.myuser.autoconfigure.session;

import java.time.Clock;

import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.account.MyUserAccountAutoConfiguration;
import io.myuser.autoconfigure.jobs.MyUserJobsProperties;
import io.myuser.autoconfigure.token.MyUserTokenProperties;
import io.myuser.jobs.RecurringJob;
import io.myuser.personaldata.PersonalDataReader;
import io.myuser.session.SessionCleanup;
import io.myuser.session.SessionController;
import io.myuser.session.SessionEraser;
import io.myuser.session.SessionExportSection;
import io.myuser.session.SessionRevocationCache;
import io.myuser.session.SessionService;
import io.myuser.session.SessionSettings;
import io.myuser.session.TokenRevocationRepository;
import io.myuser.session.UserSession;
import io.myuser.session.UserSessionRepository;
import io.myuser.support.ClientInfoResolver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sessions ({@code myuser.session.*}): one per login, with its device, last activity and revocation, which every
 * node learns of by polling the shared revocation table. Sessions exist while token authentication is on
 * ({@code myuser.token.enabled}); {@code myuser.session.enabled=false} removes only the sessions API. A session
 * lives while its access tokens may, so revocations are kept for the access-token lifetime plus the clock skew
 * ({@code myuser.token.*}). The clean-up of ended sessions is a recurring job for MyUser's job engine.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class,
		after = { MyUserAutoConfiguration.class, MyUserAccountAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.token.enabled" }, matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = UserSession.class)
@EnableConfigurationProperties({ MyUserSessionProperties.class, MyUserTokenProperties.class,
		MyUserJobsProperties.class })
public final class MyUserSessionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SessionSettings myUserSessionSettings(MyUserSessionProperties properties, MyUserTokenProperties tokens) {
		return new SessionSettings(properties.getIdleTimeout(), properties.getActivityResolution(),
				tokens.getAccessTokenTimeToLive().plus(tokens.getClockSkew()), properties.getCacheSize());
	}

	@Bean
	@ConditionalOnMissingBean
	SessionRevocationCache myUserSessionRevocationCache(TokenRevocationRepository revocations, Clock clock,
			MyUserSessionProperties properties) {
		return new SessionRevocationCache(revocations, clock, properties.getRevocation().getPollInterval(),
				properties.getRevocation().getPollOverlap());
	}

	@Bean
	@ConditionalOnMissingBean
	SessionService myUserSessionService(UserSessionRepository sessions, TokenRevocationRepository revocations,
			SessionRevocationCache revocationCache, ApplicationEventPublisher events, SessionSettings settings,
			Clock clock) {
		return new SessionService(sessions, revocations, revocationCache, events, settings, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionExportSection myUserSessionExportSection(UserSessionRepository sessions, PersonalDataReader reader) {
		return new SessionExportSection(sessions, reader);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionEraser myUserSessionEraser(SessionService sessions) {
		return new SessionEraser(sessions);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionCleanup myUserSessionCleanup(UserSessionRepository sessions, TokenRevocationRepository revocations,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, SessionSettings settings,
			MyUserSessionProperties properties, Clock clock) {
		return new SessionCleanup(sessions, revocations, events, transactionManager, settings,
				properties.getRetention(), clock);
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserSessionCleanupJob")
	RecurringJob myUserSessionCleanupJob(SessionCleanup cleanup, MyUserJobsProperties jobs) {
		return RecurringJob.every(SessionCleanup.JOB_NAME, jobs.getCleanupInterval(), cleanup::run);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBooleanProperty(name = "myuser.session.enabled", matchIfMissing = true)
	SessionController myUserSessionController(SessionService sessions, ClientInfoResolver clientInfoResolver) {
		return new SessionController(sessions, clientInfoResolver);
	}

}
