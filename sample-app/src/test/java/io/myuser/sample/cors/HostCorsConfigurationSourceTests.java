package io.myuser.sample.cors;

import java.net.http.HttpRequest;
import java.time.Duration;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that declares its own {@link CorsConfigurationSource} bean keeps CORS in one place: MyUser's endpoints
 * follow that bean, and {@code myuser.web.cors.*}, set here too, is ignored. Preflights touch no database, so this
 * runs on H2 only.
 */
@Import(HostCorsConfigurationSourceTests.HostCorsConfiguration.class)
@TestPropertySource(properties = "myuser.web.cors.allowed-origins=" + CrossOriginTests.APP)
class HostCorsConfigurationSourceTests extends IntegrationTestSupport {

	static final String HOST_ORIGIN = "https://console.example.org";

	@Test
	void myusers_endpoints_follow_the_hosts_cors_configuration_source() {
		HttpResult preflight = preflight(HOST_ORIGIN);

		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(HOST_ORIGIN);
		assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("120");
	}

	@Test
	void the_origin_of_myuser_web_cors_is_ignored_beside_the_hosts_bean() {
		HttpResult preflight = preflight(CrossOriginTests.APP);

		assertThat(preflight.status()).isEqualTo(403);
		assertThat(preflight.isProblem()).isTrue();
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
	}

	private HttpResult preflight(String origin) {
		return send(HttpRequest.newBuilder(uri(BASE + "/token/"))
			.timeout(Duration.ofSeconds(30))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HostCorsConfiguration {

		@Bean
		UrlBasedCorsConfigurationSource corsConfigurationSource() {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.addAllowedOrigin(HOST_ORIGIN);
			configuration.addAllowedMethod("*");
			configuration.addAllowedHeader("*");
			configuration.setMaxAge(Duration.ofMinutes(2));
			UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
			source.registerCorsConfiguration("/**", configuration);
			return source;
		}

	}

}
