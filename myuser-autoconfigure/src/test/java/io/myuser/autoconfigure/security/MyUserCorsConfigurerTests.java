package io.myuser.autoconfigure.security;

import java.util.List;

import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.security.MyUserHttpConfigurer;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserCorsConfigurer} in {@link MyUserSecurityAutoConfiguration}: requests go through the real
 * {@link FilterChainProxy} of the context, so each test sees what a browser's preflight would get.
 */
class MyUserCorsConfigurerTests {

	private static final String CHAIN = MyUserSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME;

	private static final String FALLBACK_CHAIN = MyUserSecurityAutoConfiguration
		.DEFAULT_SECURITY_FILTER_CHAIN_BEAN_NAME;

	private static final String APP = "https://app.example.com";

	private static final String HOST_CHOSEN = "https://host-chosen.example.org";

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	@Test
	void myUserChainHasNoCorsFilterWhenNoOriginIsAllowed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(corsFilters(context, CHAIN)).isEmpty();
			MockHttpServletResponse preflight = preflight(context, "/api/auth/token", APP);
			assertThat(preflight.getStatus()).isEqualTo(401);
			assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isNull();
		});
	}

	@Test
	void preflightFromAnAllowedOriginIsAnsweredWithoutAuthentication() {
		this.contextRunner.withPropertyValues("myuser.web.cors.allowed-origins=" + APP).run((context) -> {
			assertThat(corsFilters(context, CHAIN)).hasSize(1);
			MockHttpServletResponse preflight = preflight(context, "/api/auth/profile", APP);
			assertThat(preflight.getStatus()).isEqualTo(200);
			assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isEqualTo(APP);
			assertThat(preflight.getHeader("Access-Control-Allow-Methods")).contains("PATCH");
			assertThat(preflight.getHeader("Access-Control-Allow-Headers")).containsIgnoringCase("authorization")
				.containsIgnoringCase("content-type");
			assertThat(preflight.getHeader("Access-Control-Max-Age")).isEqualTo("1800");
			assertThat(preflight.getHeader("Access-Control-Allow-Credentials")).isNull();
		});
	}

	@Test
	void preflightFromAnotherOriginIsRefusedWithProblemJson() {
		this.contextRunner.withPropertyValues("myuser.web.cors.allowed-origins=" + APP).run((context) -> {
			MockHttpServletResponse preflight = preflight(context, "/api/auth/token", "https://evil.example.net");
			assertThat(preflight.getStatus()).isEqualTo(403);
			assertThat(preflight.getContentType()).startsWith("application/problem+json");
			assertThat(preflight.getContentAsString()).contains("urn:myuser:problem:cors-rejected");
			assertThat(preflight.getHeaderNames()).noneMatch((name) -> name.startsWith("Access-Control-"));
		});
	}

	@Test
	void originPatternsAndCredentialsAreApplied() {
		this.contextRunner
			.withPropertyValues("myuser.web.cors.allowed-origin-patterns=https://*.preview.example.com",
					"myuser.web.cors.allow-credentials=true", "myuser.web.cors.max-age=10m",
					"myuser.web.cors.allowed-headers=Authorization,X-Requested-With")
			.run((context) -> {
				MockHttpServletResponse preflight = preflight(context, "/api/auth/token",
						"https://pr-12.preview.example.com");
				assertThat(preflight.getStatus()).isEqualTo(200);
				assertThat(preflight.getHeader("Access-Control-Allow-Origin"))
					.isEqualTo("https://pr-12.preview.example.com");
				assertThat(preflight.getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");
				assertThat(preflight.getHeader("Access-Control-Max-Age")).isEqualTo("600");
				assertThat(preflight(context, "/api/auth/token", "https://preview.example.com.evil.net").getStatus())
					.isEqualTo(403);
			});
	}

	@Test
	void corsStaysOnMyUsersChain() {
		this.contextRunner.withPropertyValues("myuser.web.cors.allowed-origins=" + APP).run((context) -> {
			assertThat(corsFilters(context, FALLBACK_CHAIN)).isEmpty();
			assertThat(preflight(context, "/api/orders", APP).getStatus()).isEqualTo(401);
		});
		this.contextRunner.withPropertyValues("myuser.web.cors.allowed-origins=" + APP)
			.withUserConfiguration(HostChainConfiguration.class)
			.run((context) -> {
				assertThat(corsFilters(context, "hostSecurityFilterChain")).isEmpty();
				MockHttpServletResponse preflight = preflight(context, "/api/orders", APP);
				assertThat(preflight.getStatus()).isEqualTo(401);
				assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isNull();
			});
	}

	@Test
	void aHostCorsConfigurationSourceBeanWinsOverTheProperties() {
		this.contextRunner.withPropertyValues("myuser.web.cors.allowed-origins=" + APP)
			.withUserConfiguration(HostUrlBasedSourceConfiguration.class)
			.run((context) -> {
				// Spring Security applies http.cors() itself when it sees this bean; MyUser's chain keeps one filter.
				assertThat(corsFilters(context, CHAIN)).hasSize(1);
				MockHttpServletResponse hostOrigin = preflight(context, "/api/auth/token", HOST_CHOSEN);
				assertThat(hostOrigin.getStatus()).isEqualTo(200);
				assertThat(hostOrigin.getHeader("Access-Control-Allow-Origin")).isEqualTo(HOST_CHOSEN);
				MockHttpServletResponse propertyOrigin = preflight(context, "/api/auth/token", APP);
				assertThat(propertyOrigin.getStatus()).isEqualTo(403);
				assertThat(propertyOrigin.getContentAsString()).contains("cors-rejected");
			});
	}

	@Test
	void aHostCorsConfigurationSourceOfAnyNameAndTypeIsUsedWithoutAnyProperty() {
		this.contextRunner.withUserConfiguration(HostLambdaSourceConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(MyUserCorsConfigurer.hostSourceBeanName(context)).isEqualTo("hostCors");
			MockHttpServletResponse preflight = preflight(context, "/api/auth/token", HOST_CHOSEN);
			assertThat(preflight.getStatus()).isEqualTo(200);
			assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isEqualTo(HOST_CHOSEN);
		});
	}

	@Test
	void theBeanNamedCorsConfigurationSourceIsChosenAmongSeveral() {
		this.contextRunner
			.withUserConfiguration(HostLambdaSourceConfiguration.class, HostUrlBasedSourceConfiguration.class)
			.withBean(MyUserCorsConfigurer.HOST_SOURCE_BEAN_NAME, CorsConfigurationSource.class,
					() -> source("https://named.example.org"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(preflight(context, "/api/auth/token", "https://named.example.org").getStatus())
					.isEqualTo(200);
				assertThat(preflight(context, "/api/auth/token", HOST_CHOSEN).getStatus()).isEqualTo(403);
			});
	}

	@Test
	void severalHostSourcesWithoutTheConventionalNameFailStartupNamingThem() {
		this.contextRunner
			.withUserConfiguration(HostLambdaSourceConfiguration.class, HostUrlBasedSourceConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				IllegalStateException failure = MyUserContextRunners.findCause(context.getStartupFailure(),
						IllegalStateException.class);
				assertThat(failure).isNotNull();
				assertThat(failure.getMessage()).contains("several CorsConfigurationSource beans")
					.contains("hostCors")
					.contains("hostUrlBasedCors")
					.contains("'corsConfigurationSource'");
			});
	}

	private static List<Filter> corsFilters(AssertableWebApplicationContext context, String chain) {
		return context.getBean(chain, SecurityFilterChain.class)
			.getFilters()
			.stream()
			.filter(CorsFilter.class::isInstance)
			.toList();
	}

	private static MockHttpServletResponse preflight(AssertableWebApplicationContext context, String path,
			String origin) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", path);
		request.setServletPath(path);
		request.addHeader("Origin", origin);
		request.addHeader("Access-Control-Request-Method", "PATCH");
		request.addHeader("Access-Control-Request-Headers", "authorization,content-type");
		MockHttpServletResponse response = new MockHttpServletResponse();
		context.getBean("springSecurityFilterChain", FilterChainProxy.class)
			.doFilter(request, response, new MockFilterChain());
		return response;
	}

	private static UrlBasedCorsConfigurationSource source(String origin) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.addAllowedOrigin(origin);
		configuration.addAllowedMethod("*");
		configuration.addAllowedHeader("*");
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		return source;
	}

	@Configuration(proxyBeanMethods = false)
	static class HostUrlBasedSourceConfiguration {

		@Bean
		UrlBasedCorsConfigurationSource hostUrlBasedCors() {
			return source(HOST_CHOSEN);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostLambdaSourceConfiguration {

		@Bean
		CorsConfigurationSource hostCors() {
			CorsConfiguration configuration = source(HOST_CHOSEN).getCorsConfigurations().get("/**");
			return (request) -> configuration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostChainConfiguration {

		@Bean
		SecurityFilterChain hostSecurityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.with(MyUserHttpConfigurer.myUser(), Customizer.withDefaults());
			return http.build();
		}

	}

}
