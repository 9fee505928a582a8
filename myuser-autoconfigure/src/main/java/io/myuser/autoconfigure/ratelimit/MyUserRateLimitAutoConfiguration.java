package io.myuser.autoconfigure.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.ratelimit.MyUserRateLimitProperties.Store;
import io.myuser.ratelimit.BruteForceProtection;
import io.myuser.ratelimit.FailOpenRateLimiter;
import io.myuser.ratelimit.FailureBackoff;
import io.myuser.ratelimit.MemoryRateLimiter;
import io.myuser.ratelimit.RateLimitKeys;
import io.myuser.ratelimit.RateLimitListener;
import io.myuser.ratelimit.RateLimiter;
import io.myuser.ratelimit.RateLimits;
import io.myuser.ratelimit.web.RateLimitHeaderWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Rate limiting ({@code myuser.rate-limit.*}): the budgets MyUser's endpoints spend before any expensive work, kept
 * in the store {@code myuser.rate-limit.store} names. Each feature asks for the {@link RateLimits} bean; while this
 * feature is off, they spend nothing. A host {@link RateLimiter} bean replaces the store.
 */
@AutoConfiguration(after = MyUserAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.rate-limit.enabled" }, matchIfMissing = true)
@EnableConfigurationProperties(MyUserRateLimitProperties.class)
@Import(MyUserRateLimitAutoConfiguration.MemoryStoreConfiguration.class)
public final class MyUserRateLimitAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MyUserRateLimitAutoConfiguration.class);

	private static final String DERIVATION_LABEL = "myuser-rate-limit-keys";

	@Bean
	@ConditionalOnMissingBean
	RateLimitKeys myUserRateLimitKeys(MyUserRateLimitProperties properties, Environment environment) {
		return new RateLimitKeys(keySecret(properties, environment));
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimits myUserRateLimits(RateLimiter store, RateLimitKeys keys, MyUserRateLimitProperties properties,
			Clock clock) {
		RateLimitListener listener = properties.isExposeHeaders() ? new RateLimitHeaderWriter()
				: RateLimitListener.NONE;
		return new RateLimits(new FailOpenRateLimiter(store, properties.isFailOpen(), clock), keys,
				properties.getScopes().limits(), listener);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "myuser.rate-limit.brute-force.enabled", matchIfMissing = true)
	BruteForceProtection myUserBruteForceProtection(RateLimits rateLimits, MyUserRateLimitProperties properties) {
		MyUserRateLimitProperties.BruteForce bruteForce = properties.getBruteForce();
		FailureBackoff perAddressAndIp = rateLimits.backoff(new FailureBackoff.Settings(bruteForce.getFreeFailures(),
				bruteForce.getFirstWait(), bruteForce.getMaxWait(), bruteForce.getMemory()));
		FailureBackoff perAddress = rateLimits.backoff(new FailureBackoff.Settings(
				bruteForce.getFreeFailuresPerAddress(), bruteForce.getFirstWait(), bruteForce.getMaxWait(),
				bruteForce.getMemory()));
		Assert.state(perAddressAndIp != null && perAddress != null, "The rate limits are switched off");
		return new BruteForceProtection(perAddressAndIp, perAddress, bruteForce.getKnownClientWindow(),
				bruteForce.isAlertOwner());
	}

	/**
	 * The secret of the keyed hash: configured, derived from the token signing secret, or, for a store of this
	 * node only, random.
	 */
	static byte[] keySecret(MyUserRateLimitProperties properties, Environment environment) {
		if (StringUtils.hasText(properties.getKeySecret())) {
			return properties.getKeySecret().getBytes(StandardCharsets.UTF_8);
		}
		String signingSecret = environment.getProperty("myuser.token.signing.secret");
		if (StringUtils.hasText(signingSecret)) {
			return derive(signingSecret);
		}
		if (properties.getStore() != Store.MEMORY) {
			throw new IllegalStateException("myuser.rate-limit.key-secret is not set and there is no "
					+ "myuser.token.signing.secret to derive it from: every node that shares the " + properties.getStore()
						.name()
						.toLowerCase(java.util.Locale.ROOT)
					+ " store must hash keys with the same secret. Set myuser.rate-limit.key-secret to at least 32 "
					+ "random characters, the same on every node.");
		}
		logger.debug("Rate-limit keys are hashed with a random secret of this node (memory store)");
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return random;
	}

	private static byte[] derive(String signingSecret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(DERIVATION_LABEL.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * Budgets in this node's memory.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "myuser.rate-limit.store", havingValue = "memory", matchIfMissing = true)
	static class MemoryStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(RateLimiter.class)
		MemoryRateLimiter myUserRateLimiter(MyUserRateLimitProperties properties, Clock clock) {
			return new MemoryRateLimiter(clock, properties.getMemory().getMaximumKeys());
		}

	}

}
