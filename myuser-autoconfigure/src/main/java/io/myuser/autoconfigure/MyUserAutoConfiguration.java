package io.myuser.autoconfigure;

import java.time.Clock;

import io.myuser.personaldata.PersonalDataReader;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.persistence.DeferredQueryParsingPostProcessor;
import io.myuser.support.persistence.EntityTimestampsListener;
import io.myuser.support.web.ProblemResponseWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The base every MyUser feature stands on ({@code myuser.enabled}, {@code myuser.web.*}): the clock, client
 * information, entity timestamps, the reader that exports run on, and the web plumbing every MyUser endpoint shares.
 * It builds no feature's beans: each feature has an auto-configuration of its own, named after it, in its own
 * package ({@code MyUserAccountAutoConfiguration}, {@code MyUserTokenAutoConfiguration}, ...), and MyUser's
 * tables are migrated by {@code MyUserFlywayAutoConfiguration}. {@code myuser.enabled=false} switches all of
 * MyUser off.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "myuser.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MyUserProperties.class)
@Import(MyUserWebConfiguration.class)
public final class MyUserAutoConfiguration {

	/**
	 * MyUser's repositories parse their queries with Spring Data when first used, not at startup.
	 * @return the post-processor
	 */
	@Bean
	@ConditionalOnMissingBean
	static DeferredQueryParsingPostProcessor myUserDeferredQueryParsingPostProcessor() {
		return new DeferredQueryParsingPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	Clock myUserClock() {
		return Clock.systemUTC();
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
	PersonalDataReader myUserPersonalDataReader(PlatformTransactionManager transactionManager) {
		return new PersonalDataReader(transactionManager);
	}

}
