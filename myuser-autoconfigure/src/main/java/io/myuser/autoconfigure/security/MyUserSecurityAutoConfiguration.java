package io.myuser.autoconfigure.security;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import io.myuser.autoconfigure.MyUserProperties;
import io.myuser.autoconfigure.token.MyUserTokenAutoConfiguration;
import io.myuser.security.AccessTokenVerifier;
import io.myuser.security.AuthenticatedOrRefusedAuthorizationManager;
import io.myuser.security.MyUserHttpConfigurer;
import io.myuser.security.MyUserRoutes;
import io.myuser.support.web.HandlerLookup;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Security for MyUser's endpoints: a filter chain scoped to {@code myuser.web.base-path} that accepts MyUser access
 * tokens and coexists with the host's own chains. It lists no feature's paths: every feature's auto-configuration
 * contributes a {@link MyUserRoutes} bean with the routes it opens or guards, and everything else under the base
 * path needs a token. When the host declares no {@link SecurityFilterChain} at all, a
 * fallback chain protects the rest of the application with MyUser access tokens too (instead of Spring Boot's
 * form-login default).
 */
@AutoConfiguration(before = ServletWebSecurityAutoConfiguration.class, after = MyUserTokenAutoConfiguration.class,
		beforeName = "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration")
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.token.enabled" }, matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnBean(AccessTokenVerifier.class)
public final class MyUserSecurityAutoConfiguration {

	/** Order of {@code myUserSecurityFilterChain}: ahead of host chains, which it never overlaps. */
	public static final int SECURITY_FILTER_CHAIN_ORDER = org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 100;

	/** Name of MyUser's path-scoped chain; a host bean of this name replaces it. */
	public static final String SECURITY_FILTER_CHAIN_BEAN_NAME = "myUserSecurityFilterChain";

	/** Name of the fallback chain for the rest of the application. */
	public static final String DEFAULT_SECURITY_FILTER_CHAIN_BEAN_NAME = "myUserDefaultSecurityFilterChain";

	@Bean(SECURITY_FILTER_CHAIN_BEAN_NAME)
	@ConditionalOnMissingBean(name = SECURITY_FILTER_CHAIN_BEAN_NAME)
	@Order(SECURITY_FILTER_CHAIN_ORDER)
	SecurityFilterChain myUserSecurityFilterChain(HttpSecurity http, MyUserProperties properties,
			ObjectProvider<HandlerMappingIntrospector> introspector, ObjectProvider<MyUserRoutes> routes)
			throws Exception {
		String basePath = properties.getWeb().getBasePath();
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults().basePath(basePath);
		// Every handler mapping, in the dispatcher's order: controllers, router functions, resources, endpoints.
		SingletonSupplier<List<HandlerMapping>> handlerMappings = SingletonSupplier.of(() -> {
			HandlerMappingIntrospector mappings = introspector.getIfAvailable();
			return (mappings != null) ? mappings.getHandlerMappings() : List.<HandlerMapping>of();
		});
		HandlerLookup lookup = new HandlerLookup(handlerMappings::obtain);
		Predicate<HttpServletRequest> refusedWithoutHandler = (request) -> lookup
			.lookup(request) == HandlerLookup.Outcome.REFUSED;
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(basePath + "/**"))
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.with(MyUserCorsConfigurer.myUserCors(properties.getWeb().getCors()), Customizer.withDefaults())
			.authorizeHttpRequests((requests) -> {
				// Each feature's own routes (a switched-off feature has none), the authority-guarded ones first.
				List<MyUserRoutes.Route> contributed = routes.orderedStream()
					.flatMap((feature) -> feature.routes().stream())
					.sorted(Comparator.comparing((MyUserRoutes.Route route) -> route.access() != MyUserRoutes.Access.AUTHORITY))
					.toList();
				for (MyUserRoutes.Route route : contributed) {
					var matched = requests.requestMatchers(paths.matcher(route.method(), route.path()));
					switch (route.access()) {
						case PUBLIC -> matched.permitAll();
						case AUTHENTICATED -> matched.authenticated();
						case AUTHORITY -> matched.hasAuthority(route.authority());
					}
				}
				requests.anyRequest().access(new AuthenticatedOrRefusedAuthorizationManager(refusedWithoutHandler));
			})
			.with(MyUserHttpConfigurer.myUser(), Customizer.withDefaults());
		return http.build();
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnNoHostSecurityFilterChainCondition.class)
	static class DefaultSecurityFilterChainConfiguration {

		/**
		 * The fallback matches every request, so it must sort last: lowest precedence, and registered after any
		 * host bean of equal order (a host replacement of {@code myUserSecurityFilterChain} without {@code @Order}
		 * still comes first).
		 */
		@Bean(DEFAULT_SECURITY_FILTER_CHAIN_BEAN_NAME)
		@Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
		SecurityFilterChain myUserDefaultSecurityFilterChain(HttpSecurity http) throws Exception {
			http.csrf(AbstractHttpConfigurer::disable)
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/error").permitAll()
					.anyRequest()
					.authenticated())
				.with(MyUserHttpConfigurer.myUser(), Customizer.withDefaults());
			return http.build();
		}

	}

}
