package io.myuser.autoconfigure.profile;

import java.time.Clock;

import io.myuser.account.UserAccountService;
import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.account.MyUserAccountAutoConfiguration;
import io.myuser.autoconfigure.token.MyUserTokenAutoConfiguration;
import io.myuser.profile.ConsentRecordRepository;
import io.myuser.profile.Profile;
import io.myuser.profile.ProfileController;
import io.myuser.profile.ProfileEraser;
import io.myuser.profile.ProfileExportSection;
import io.myuser.profile.ProfileRepository;
import io.myuser.profile.ProfileService;
import io.myuser.ratelimit.RateLimits;
import io.myuser.support.ClientInfoResolver;
import io.myuser.token.TokenService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Profiles and marketing consent ({@code myuser.profile.*}).
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class,
		after = { MyUserAutoConfiguration.class, MyUserAccountAutoConfiguration.class,
				MyUserTokenAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.profile.enabled" }, matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = Profile.class)
@EnableConfigurationProperties(MyUserProfileProperties.class)
@Import(MyUserProfileAutoConfiguration.ProfileWebConfiguration.class)
public final class MyUserProfileAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProfileService myUserProfileService(ProfileRepository profiles, UserAccountService accounts,
			ConsentRecordRepository consents, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		return new ProfileService(profiles, accounts, consents, events, transactionManager, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	ProfileExportSection myUserProfileExportSection(ProfileService profiles) {
		return new ProfileExportSection(profiles);
	}

	@Bean
	@ConditionalOnMissingBean
	ProfileExportSection.ConsentHistory myUserConsentHistoryExportSection(ProfileService profiles) {
		return new ProfileExportSection.ConsentHistory(profiles);
	}

	@Bean
	@ConditionalOnMissingBean
	ProfileEraser myUserProfileEraser(ProfileService profiles) {
		return new ProfileEraser(profiles);
	}

	/**
	 * The profile endpoint needs MyUser's token authentication; without it ({@code myuser.token.enabled=false})
	 * only the service is available.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBean(TokenService.class)
	static class ProfileWebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ProfileController myUserProfileController(ProfileService profiles, ClientInfoResolver clientInfoResolver,
				ObjectProvider<RateLimits> rateLimits) {
			return new ProfileController(profiles, clientInfoResolver, rateLimits.getIfAvailable(RateLimits::disabled));
		}

	}

}
