package io.myuser.autoconfigure.security;

import java.util.List;

import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.security.AccessTokenAuthenticationFilter;
import io.myuser.security.MyUserHttpConfigurer;
import io.myuser.token.TokenService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserSecurityAutoConfiguration}: MyUser's chain scoped to the base path, the fallback chain for
 * hosts without a chain of their own, and coexistence with host chains.
 */
class MyUserSecurityAutoConfigurationTests {

	private static final String CHAIN = MyUserSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME;

	private static final String FALLBACK_CHAIN = MyUserSecurityAutoConfiguration
		.DEFAULT_SECURITY_FILTER_CHAIN_BEAN_NAME;

	/** The name of the chain Spring Boot defines when an application defines none. */
	private static final String BOOT_DEFAULT_CHAIN = "defaultSecurityFilterChain";

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	@Test
	void myUserChainAndFallbackChainAreDefinedWhenHostDefinesNoChain() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(CHAIN, FALLBACK_CHAIN);
			assertThat(context).doesNotHaveBean(BOOT_DEFAULT_CHAIN);
			assertThat(filterChains(context)).containsExactly(context.getBean(CHAIN, SecurityFilterChain.class),
					context.getBean(FALLBACK_CHAIN, SecurityFilterChain.class));
		});
	}

	@Test
	void myUserChainCoversOnlyTheBasePathAndFallbackChainCoversTheRest() {
		this.contextRunner.run((context) -> {
			SecurityFilterChain chain = context.getBean(CHAIN, SecurityFilterChain.class);
			assertThat(chain.matches(request("POST", "/api/auth/token"))).isTrue();
			assertThat(chain.matches(request("GET", "/api/auth/profile"))).isTrue();
			assertThat(chain.matches(request("GET", "/api/orders"))).isFalse();
			assertThat(chain.matches(request("GET", "/api/authx"))).isFalse();
			SecurityFilterChain fallback = context.getBean(FALLBACK_CHAIN, SecurityFilterChain.class);
			assertThat(fallback.matches(request("GET", "/api/orders"))).isTrue();
			assertThat(fallback.matches(request("GET", "/"))).isTrue();
		});
	}

	@Test
	void myUserChainFollowsTheBasePath() {
		this.contextRunner.withPropertyValues("myuser.web.base-path=/auth").run((context) -> {
			SecurityFilterChain chain = context.getBean(CHAIN, SecurityFilterChain.class);
			assertThat(chain.matches(request("POST", "/auth/token"))).isTrue();
			assertThat(chain.matches(request("POST", "/api/auth/token"))).isFalse();
		});
	}

	@Test
	void myUserChainsAcceptAccessTokens() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(CHAIN, SecurityFilterChain.class).getFilters())
				.hasAtLeastOneElementOfType(AccessTokenAuthenticationFilter.class);
			assertThat(context.getBean(FALLBACK_CHAIN, SecurityFilterChain.class).getFilters())
				.hasAtLeastOneElementOfType(AccessTokenAuthenticationFilter.class);
		});
	}

	@Test
	void fallbackChainBacksOffWhenHostDefinesAChain() {
		this.contextRunner.withUserConfiguration(HostSecurityConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(CHAIN,
					"hostSecurityFilterChain");
			assertThat(context).doesNotHaveBean(FALLBACK_CHAIN).doesNotHaveBean(BOOT_DEFAULT_CHAIN);
			assertThat(filterChains(context)).containsExactly(context.getBean(CHAIN, SecurityFilterChain.class),
					context.getBean("hostSecurityFilterChain", SecurityFilterChain.class));
		});
	}

	@Test
	void myUserSecurityFilterChainBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(HostMyUserChainConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(CHAIN)).isSameAs(context.getBean(HostMyUserChainConfiguration.class).chain);
			assertThat(context).doesNotHaveBean(BOOT_DEFAULT_CHAIN);
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(CHAIN, FALLBACK_CHAIN);
		});
	}

	@Test
	void myUserSecurityFilterChainBacksOffWhenUserDefinesOneWithoutOrder() {
		this.contextRunner.withUserConfiguration(UnorderedHostMyUserChainConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().hasBean(CHAIN));
	}

	@Test
	void securityBacksOffWithoutSpringSecurityWeb() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(CHAIN).doesNotHaveBean(FALLBACK_CHAIN).hasSingleBean(TokenService.class);
		});
	}

	@Test
	void bootDefaultChainTakesOverWhenTokensAreDisabled() {
		this.contextRunner.withPropertyValues("myuser.token.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(TokenService.class);
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(BOOT_DEFAULT_CHAIN);
		});
	}

	private static List<SecurityFilterChain> filterChains(AssertableWebApplicationContext context) {
		assertThat(context).getBean("springSecurityFilterChain").isInstanceOf(FilterChainProxy.class);
		return context.getBean("springSecurityFilterChain", FilterChainProxy.class).getFilterChains();
	}

	private static MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		return request;
	}

	@Configuration(proxyBeanMethods = false)
	static class HostSecurityConfiguration {

		@Bean
		SecurityFilterChain hostSecurityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.with(MyUserHttpConfigurer.myUser(), Customizer.withDefaults());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostMyUserChainConfiguration {

		private SecurityFilterChain chain;

		@Bean(CHAIN)
		@Order(MyUserSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_ORDER)
		SecurityFilterChain hostReplacementOfMyUserChain(HttpSecurity http) throws Exception {
			http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/auth/**"))
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			this.chain = http.build();
			return this.chain;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnorderedHostMyUserChainConfiguration {

		@Bean(CHAIN)
		SecurityFilterChain hostReplacementOfMyUserChain(HttpSecurity http) throws Exception {
			http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/auth/**"))
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}

	}

}
