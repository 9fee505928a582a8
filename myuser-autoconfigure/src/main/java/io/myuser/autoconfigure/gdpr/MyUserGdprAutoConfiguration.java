package io.myuser.autoconfigure.gdpr;

import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.gdpr.DataRequest;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;

/**
 * GDPR data requests, exports and deletion ({@code myuser.gdpr.*}). The storage model is in place; processing,
 * the export archive and downloads arrive with the GDPR feature.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class, after = MyUserAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.gdpr.enabled" }, matchIfMissing = true)
@AutoConfigurationPackage(basePackageClasses = DataRequest.class)
public final class MyUserGdprAutoConfiguration {

}
