package io.myuser.autoconfigure.ratelimit;

import java.util.List;
import java.util.Map;

import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.ratelimit.BruteForceProtection;
import io.myuser.ratelimit.MemoryRateLimiter;
import io.myuser.ratelimit.RateLimit;
import io.myuser.ratelimit.RateLimitScopes;
import io.myuser.ratelimit.RateLimiter;
import io.myuser.ratelimit.RateLimits;
import io.myuser.token.LoginThrottle;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate-limit feature's wiring: on by default with the memory store and the documented limits, off with
 * {@code myuser.rate-limit.enabled=false}, and limits that do not parse fail startup with Boot's binding report
 * naming the property.
 */
class MyUserRateLimitAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	@Test
	void onByDefaultWithTheMemoryStoreAndTheDocumentedLimits() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(RateLimits.class)
				.hasSingleBean(BruteForceProtection.class)
				.getBean(RateLimiter.class)
				.isInstanceOf(MemoryRateLimiter.class);
			RateLimits limits = context.getBean(RateLimits.class);
			for (String scope : List.of(RateLimitScopes.LOGIN_PER_IP, RateLimitScopes.LOGIN_PER_ACCOUNT,
					RateLimitScopes.PASSWORD_RESET_PER_IP, RateLimitScopes.PASSWORD_RESET_PER_ADDRESS,
					RateLimitScopes.REGISTRATION_PER_IP, RateLimitScopes.REGISTRATION_PER_ADDRESS,
					RateLimitScopes.RESEND_EMAIL_PER_IP, RateLimitScopes.RESEND_EMAIL_PER_ADDRESS,
					RateLimitScopes.DATA_REQUEST_PER_USER, RateLimitScopes.PROFILE_UPDATE_PER_USER,
					RateLimitScopes.TOKEN_REFRESH_PER_IP, RateLimitScopes.SOCIAL_PER_IP)) {
				assertThat(limits.isLimited(scope)).as(scope).isTrue();
			}
			Map<String, RateLimit> configured = context.getBean(MyUserRateLimitProperties.class).getScopes().limits();
			assertThat(configured).containsEntry(RateLimitScopes.LOGIN_PER_IP, RateLimit.parse("10/min"))
				.containsEntry(RateLimitScopes.PASSWORD_RESET_PER_IP, RateLimit.parse("5/hour"))
				.containsEntry(RateLimitScopes.DATA_REQUEST_PER_USER, RateLimit.parse("2/day"));
		});
	}

	@Test
	void offWhenDisabledAndEveryEndpointSpendsNothing() {
		this.contextRunner.withPropertyValues("myuser.rate-limit.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(RateLimits.class).doesNotHaveBean(RateLimiter.class);
			assertThat(context.getBean(LoginThrottle.class)).isSameAs(LoginThrottle.disabled());
		});
	}

	@Test
	void aHostStoreReplacesMyUsers() {
		RateLimiter host = new MemoryRateLimiter(java.time.Clock.systemUTC(), 10_000);
		this.contextRunner.withBean("hostRateLimiter", RateLimiter.class, () -> host).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MemoryRateLimiter.class.getName());
			assertThat(context.getBean(RateLimiter.class)).isSameAs(host);
		});
	}

	@Test
	void limitsThatDoNotParseFailStartupNamingTheProperty() {
		Map<String, String> bad = Map.of("myuser.rate-limit.scopes.login.per-ip", "10/fortnight",
				"myuser.rate-limit.scopes.password-reset.per-address", "0/min",
				"myuser.rate-limit.scopes.data-request.per-user", "-1/min",
				"myuser.rate-limit.scopes.social.per-ip", "ten a minute");
		bad.forEach((property, value) -> this.contextRunner.withPropertyValues(property + "=" + value)
			.run((context) -> {
				assertThat(context).as(property).hasFailed();
				Throwable failure = context.getStartupFailure();
				BindValidationException report = findCause(failure, BindValidationException.class);
				assertThat(report).as(property + " is reported by Boot's binder").isNotNull();
				assertThat(report.getValidationErrors().getAllErrors()).as(property)
					.anySatisfy((error) -> assertThat(error.toString()).contains("'myuser.rate-limit'")
						.contains("field '" + camelCase(property.substring("myuser.rate-limit.".length())) + "'")
						.contains("rejected value [" + value + "]"));
			}));
	}

	@Test
	void bruteForceWaitsAreValidatedToo() {
		this.contextRunner
			.withPropertyValues("myuser.rate-limit.brute-force.first-wait=10m", "myuser.rate-limit.brute-force.max-wait=1m")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(findCause(context.getStartupFailure(), BindValidationException.class)).isNotNull()
					.hasMessageContaining("max-wait must be at least first-wait");
			});
	}

	@Test
	void theJdbcStoreRefusesADatabaseThatIsNotPostgres() {
		this.contextRunner.withPropertyValues("myuser.rate-limit.store=jdbc").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("myuser.rate-limit.store=jdbc needs PostgreSQL")
				.hasMessageContaining("H2");
		});
	}

	@Test
	void theRedisStoreReadsTheHostsRedisSettings() {
		org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment()
			.withProperty("spring.data.redis.host", "redis.internal")
			.withProperty("spring.data.redis.port", "6380")
			.withProperty("spring.data.redis.database", "3")
			.withProperty("spring.data.redis.username", "myuser")
			.withProperty("spring.data.redis.password", "s3cret")
			.withProperty("spring.data.redis.timeout", "750ms");
		io.lettuce.core.RedisURI uri = RedisSettings.uri(environment);
		assertThat(uri.getHost()).isEqualTo("redis.internal");
		assertThat(uri.getPort()).isEqualTo(6380);
		assertThat(uri.getDatabase()).isEqualTo(3);
		assertThat(uri.getUsername()).isEqualTo("myuser");
		assertThat(new String(uri.getPassword())).isEqualTo("s3cret");
		assertThat(uri.getTimeout()).isEqualTo(java.time.Duration.ofMillis(750));
		environment.setProperty("spring.data.redis.url", "rediss://:other@cache.example:6390/5");
		io.lettuce.core.RedisURI fromUrl = RedisSettings.uri(environment);
		assertThat(fromUrl.getHost()).isEqualTo("cache.example");
		assertThat(fromUrl.getPort()).isEqualTo(6390);
		assertThat(fromUrl.isSsl()).isTrue();
		assertThat(fromUrl.getDatabase()).isEqualTo(5);
	}

	@Test
	void aSharedStoreNeedsASharedKeySecret() {
		MyUserRateLimitProperties properties = new MyUserRateLimitProperties();
		properties.setStore(MyUserRateLimitProperties.Store.JDBC);
		org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment();
		org.assertj.core.api.Assertions
			.assertThatIllegalStateException()
			.isThrownBy(() -> MyUserRateLimitAutoConfiguration.keySecret(properties, environment))
			.withMessageContaining("myuser.rate-limit.key-secret");
		environment.setProperty("myuser.token.signing.secret", "a signing secret of at least thirty-two characters");
		byte[] derived = MyUserRateLimitAutoConfiguration.keySecret(properties, environment);
		assertThat(derived).hasSize(32).isEqualTo(MyUserRateLimitAutoConfiguration.keySecret(properties, environment));
		properties.setKeySecret("an explicit rate-limit key secret of 32+ chars");
		assertThat(MyUserRateLimitAutoConfiguration.keySecret(properties, environment)).isNotEqualTo(derived);
	}

	/** The field path the binder reports: {@code scopes.data-request.per-user} is {@code scopes.dataRequest.perUser}. */
	private static String camelCase(String path) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : path.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
