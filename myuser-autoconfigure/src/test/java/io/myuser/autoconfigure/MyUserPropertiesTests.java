package io.myuser.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserProperties}.
 */
class MyUserPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	/** Every auto-configuration, so that a bad value is shown to fail at binding and not later in a bean. */
	private final WebApplicationContextRunner fullRunner = MyUserContextRunners.web();

	@Test
	void defaultsApplyWhenNothingIsSet() {
		MyUserProperties properties = bind(Map.of());
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getWeb().getBasePath()).isEqualTo("/api/auth");
		assertThat(properties.getWeb().getTrustedProxies()).isEmpty();
		assertThat(properties.getWeb().getMaxRequestBodySize()).isEqualTo(DataSize.ofKilobytes(64));
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
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
		this.contextRunner.withPropertyValues("myuser.web.base-path=" + basePath)
			.run((context) -> assertThat(context.getBean(MyUserProperties.class).getWeb().getBasePath())
				.isEqualTo(basePath));
	}

	@ParameterizedTest
	@ValueSource(strings = { "api/auth", "api/auth/", "/api/auth/", "/", "/api//auth", "/api/auth?x=1", "/api auth",
			"/api/{auth}", "" })
	void startupFailsWithTheBindingReportWhenBasePathIsInvalid(String basePath) {
		BindingReports.assertRefused(this.fullRunner, "myuser.web.base-path", basePath,
				"must be a path such as /api/auth: it starts with '/', does not end with '/', and its segments hold "
						+ "only letters, digits and . _ ~ -");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0B", "0KB", "-1KB" })
	void startupFailsWithTheBindingReportWhenMaxRequestBodySizeIsNotPositive(String size) {
		BindingReports.assertRefused(this.fullRunner, "myuser.web.max-request-body-size", size,
				"must be positive");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "proxy.example.com | 0", "10.0.0.1,localhost | 1", "10.0.0.0/33 | 0",
			"10.0.0.0/x | 0", "::1,fd00::/8,[::1] | 2", "256.0.0.1 | 0" })
	void startupFailsWithTheBindingReportNamingTheTrustedProxyEntryThatIsNoAddressOrRange(String proxies,
			int badIndex) {
		String bad = proxies.split(",")[badIndex];
		this.fullRunner.withPropertyValues("myuser.web.trusted-proxies=" + proxies)
			.run((context) -> assertThat(BindingReports
				.singleError(context, "myuser.web.trusted-proxies[" + badIndex + "]",
						"must be an IP address or a CIDR range, such as 10.0.0.7, 10.0.0.0/8 or fd00::/8, not a host "
								+ "name")
				.getRejectedValue()).isEqualTo(bad));
	}

	@Test
	void edgeValuesAreAccepted() {
		this.fullRunner
			.withPropertyValues("myuser.web.base-path=/a", "myuser.web.max-request-body-size=1B",
					"myuser.web.trusted-proxies=0.0.0.0/0,::/0,2001:db8::/128,192.168.1.1/32")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MyUserProperties.Web web = context.getBean(MyUserProperties.class).getWeb();
				assertThat(web.getBasePath()).isEqualTo("/a");
				assertThat(web.getMaxRequestBodySize()).isEqualTo(DataSize.ofBytes(1));
				assertThat(web.getTrustedProxies()).containsExactly("0.0.0.0/0", "::/0", "2001:db8::/128",
						"192.168.1.1/32");
			});
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
