package io.myuser.autoconfigure.social;

import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.social.SocialAccount;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;

/**
 * Social login and connected accounts ({@code myuser.social.*}). The storage model is in place; the provider
 * flows arrive with the social feature.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class, after = MyUserAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.social.enabled" }, matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = SocialAccount.class)
public final class MyUserSocialAutoConfiguration {

}
