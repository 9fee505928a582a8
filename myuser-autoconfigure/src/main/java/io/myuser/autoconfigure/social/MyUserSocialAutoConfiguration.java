package io.myuser.autoconfigure.social;

import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.personaldata.PersonalDataReader;
import io.myuser.security.MyUserRoutes;
import io.myuser.social.SocialAccount;
import io.myuser.social.SocialAccountEraser;
import io.myuser.social.SocialAccountExportSection;
import io.myuser.social.SocialAccountRepository;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/**
 * Social login and connected accounts ({@code myuser.social.*}). The storage model is in place; the provider
 * flows arrive with the social feature.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class, after = MyUserAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.social.enabled" }, matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = SocialAccount.class)
@EnableConfigurationProperties(MyUserSocialProperties.class)
public final class MyUserSocialAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SocialAccountExportSection myUserSocialAccountExportSection(SocialAccountRepository socialAccounts,
			PersonalDataReader reader) {
		return new SocialAccountExportSection(socialAccounts, reader);
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserSocialRoutes")
	MyUserRoutes myUserSocialRoutes() {
		return MyUserRoutes.of("social").permitAll(HttpMethod.POST, "/social/{provider}").build();
	}

	@Bean
	@ConditionalOnMissingBean
	SocialAccountEraser myUserSocialAccountEraser(SocialAccountRepository socialAccounts) {
		return new SocialAccountEraser(socialAccounts);
	}

}
