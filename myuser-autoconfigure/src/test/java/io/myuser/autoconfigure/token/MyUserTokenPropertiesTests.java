package io.myuser.autoconfigure.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.myuser.autoconfigure.BindingReports;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.token.JwtSettings;
import io.myuser.token.RefreshSettings;
import io.myuser.token.TokenService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserTokenProperties}.
 */
class MyUserTokenPropertiesTests {

	private final ApplicationContextRunner contextRunner = MyUserContextRunners.nonWeb();

	@Test
	void defaultsApplyWhenNothingIsSet() {
		MyUserTokenProperties properties = bind(Map.of());
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getAccessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(15));
		assertThat(properties.getRefreshTokenTimeToLive()).isEqualTo(Duration.ofDays(7));
		assertThat(properties.isRotateRefreshTokens()).isTrue();
		assertThat(properties.getReuseGracePeriod()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.getIssuer()).isNull();
		assertThat(properties.getAudience()).isNull();
		assertThat(properties.getClockSkew()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.getVerifiedTokenCacheSize()).isEqualTo(100_000);
		assertThat(properties.getSigning().getSecret()).isNull();
		assertThat(properties.getSigning().getKeyId()).isNull();
	}

	@Test
	void defaultValuesAreConsistentWithJwtSettings() {
		MyUserTokenProperties properties = new MyUserTokenProperties();
		JwtSettings defaults = JwtSettings.defaults();
		assertThat(properties.getAccessTokenTimeToLive()).isEqualTo(defaults.accessTokenTimeToLive());
		assertThat(properties.getRefreshTokenTimeToLive()).isEqualTo(defaults.refreshTokenTimeToLive());
		assertThat(properties.getIssuer()).isEqualTo(defaults.issuer());
		assertThat(properties.getAudience()).isEqualTo(defaults.audience());
		assertThat(properties.getClockSkew()).isEqualTo(defaults.clockSkew());
		assertThat(properties.getVerifiedTokenCacheSize()).isEqualTo(TokenService.DEFAULT_VERIFIED_TOKEN_CACHE_SIZE);
	}

	@Test
	void defaultValuesAreConsistentWithRefreshSettings() {
		MyUserTokenProperties properties = new MyUserTokenProperties();
		RefreshSettings defaults = RefreshSettings.defaults();
		assertThat(properties.isRotateRefreshTokens()).isEqualTo(defaults.rotate());
		assertThat(properties.getReuseGracePeriod()).isEqualTo(defaults.reuseGracePeriod());
	}

	@Test
	void customValuesAreBound() {
		MyUserTokenProperties properties = bind(Map.of("myuser.token.enabled", "false",
				"myuser.token.access-token-time-to-live", "90s", "myuser.token.refresh-token-time-to-live", "30d",
				"myuser.token.rotate-refresh-tokens", "false", "myuser.token.reuse-grace-period", "2s",
				"myuser.token.issuer", "https://id.example.com",
				"myuser.token.audience", "shop", "myuser.token.clock-skew", "5s", "myuser.token.signing.secret",
				"base64:AAAA", "myuser.token.signing.key-id", "k1"));
		assertThat(properties.isEnabled()).isFalse();
		assertThat(properties.getAccessTokenTimeToLive()).isEqualTo(Duration.ofSeconds(90));
		assertThat(properties.getRefreshTokenTimeToLive()).isEqualTo(Duration.ofDays(30));
		assertThat(properties.isRotateRefreshTokens()).isFalse();
		assertThat(properties.getReuseGracePeriod()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.getIssuer()).isEqualTo("https://id.example.com");
		assertThat(properties.getAudience()).isEqualTo("shop");
		assertThat(properties.getClockSkew()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.getSigning().getSecret()).isEqualTo("base64:AAAA");
		assertThat(properties.getSigning().getKeyId()).isEqualTo("k1");
		assertThat(bind(Map.of("myuser.token.verified-token-cache-size", "0")).getVerifiedTokenCacheSize()).isZero();
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			myuser.token.access-token-time-to-live  | -5m | must be positive
			myuser.token.access-token-time-to-live  | 0s  | must be positive
			myuser.token.refresh-token-time-to-live | 0d  | must be positive
			myuser.token.refresh-token-time-to-live | -1d | must be positive
			myuser.token.reuse-grace-period         | -1s | must not be negative
			myuser.token.clock-skew                 | -1s | must not be negative
			myuser.token.verified-token-cache-size  | -1  | must not be negative (0 turns the cache off)
			""")
	void startupFailsWithTheBindingReportWhenAValueBreaksARule(String property, String value, String reason) {
		BindingReports.assertRefused(this.contextRunner, property, value, reason);
	}

	@Test
	void edgeValuesAreAccepted() {
		this.contextRunner
			.withPropertyValues("myuser.token.access-token-time-to-live=1s",
					"myuser.token.refresh-token-time-to-live=1s", "myuser.token.reuse-grace-period=0s",
					"myuser.token.clock-skew=0s", "myuser.token.verified-token-cache-size=0")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JwtSettings settings = context.getBean(JwtSettings.class);
				assertThat(settings.accessTokenTimeToLive()).isEqualTo(Duration.ofSeconds(1));
				assertThat(settings.refreshTokenTimeToLive()).isEqualTo(Duration.ofSeconds(1));
				assertThat(settings.clockSkew()).isZero();
				assertThat(context.getBean(RefreshSettings.class).reuseGracePeriod()).isZero();
			});
	}

	@Test
	void theSigningKeyKeepsItsOwnReport() {
		this.contextRunner.withPropertyValues("myuser.token.signing.algorithm=PS256")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidSigningKeyException.class)
				.hasMessageContaining("PS256"));
	}

	private static MyUserTokenProperties bind(Map<String, String> properties) {
		Binder binder = new Binder(List.of(new MapConfigurationPropertySource(properties)));
		return binder.bindOrCreate("myuser.token", MyUserTokenProperties.class);
	}

}
