package io.myuser.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link MyUserProperties}.
 */
class MyUserPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void defaultsApplyWhenNothingIsSet() {
		MyUserProperties properties = bind(Map.of());
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getWeb().getBasePath()).isEqualTo("/api/auth");
		assertThat(properties.getWeb().getTrustedProxies()).isEmpty();
		assertThat(properties.getWeb().getMaxRequestBodySize()).isEqualTo(DataSize.ofKilobytes(64));
		assertThatNoException().isThrownBy(properties::afterPropertiesSet);
	}

	@Test
	void customValuesAreBound() {
		MyUserProperties properties = bind(Map.of("myuser.enabled", "false", "myuser.web.base-path", "/auth/v2",
				"myuser.web.trusted-proxies", "10.0.0.0/8, 192.168.1.1", "myuser.web.max-request-body-size", "1MB"));
		assertThat(properties.isEnabled()).isFalse();
		assertThat(properties.getWeb().getBasePath()).isEqualTo("/auth/v2");
		assertThat(properties.getWeb().getTrustedProxies()).containsExactly("10.0.0.0/8", "192.168.1.1");
		assertThat(properties.getWeb().getMaxRequestBodySize()).isEqualTo(DataSize.ofMegabytes(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/auth", "/api/auth", "/v1/auth-api", "/a.b/c_d/~e" })
	void validBasePathsAreAccepted(String basePath) {
		MyUserProperties properties = bind(Map.of("myuser.web.base-path", basePath));
		assertThatNoException().isThrownBy(properties::afterPropertiesSet);
	}

	@ParameterizedTest
	@ValueSource(strings = { "api/auth", "api/auth/", "/api/auth/", "/", "/api//auth", "/api/auth?x=1", "/api auth",
			"/api/{auth}" })
	void invalidBasePathsAreRefused(String basePath) {
		MyUserProperties properties = new MyUserProperties();
		properties.getWeb().setBasePath(basePath);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(properties::afterPropertiesSet)
			.withMessageContaining("myuser.web.base-path");
	}

	@Test
	void emptyBasePathIsRefused() {
		MyUserProperties properties = new MyUserProperties();
		properties.getWeb().setBasePath("");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(properties::afterPropertiesSet)
			.withMessage("myuser.web.base-path must not be empty");
	}

	@Test
	void zeroMaxRequestBodySizeIsRefused() {
		MyUserProperties properties = new MyUserProperties();
		properties.getWeb().setMaxRequestBodySize(DataSize.ofBytes(0));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(properties::afterPropertiesSet)
			.withMessage("myuser.web.max-request-body-size must be positive");
	}

	@ParameterizedTest
	@ValueSource(strings = { "api/auth/", "/api/auth/" })
	void startupFailsWhenBasePathIsInvalid(String basePath) {
		this.contextRunner.withPropertyValues("myuser.web.base-path=" + basePath).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("myuser.web.base-path must start with '/' and not end with '/'");
		});
	}

	@Test
	void startupSucceedsWithValidBasePath() {
		this.contextRunner.withPropertyValues("myuser.web.base-path=/auth")
			.run((context) -> assertThat(context.getBean(MyUserProperties.class).getWeb().getBasePath())
				.isEqualTo("/auth"));
	}

	private static MyUserProperties bind(Map<String, String> properties) {
		Binder binder = new Binder(List.of(new MapConfigurationPropertySource(properties)));
		return binder.bindOrCreate("myuser", MyUserProperties.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MyUserProperties.class)
	static class PropertiesConfiguration {

	}

}
