package io.myuser.autoconfigure.security;

import java.util.Arrays;
import java.util.List;

import io.myuser.autoconfigure.MyUserProperties;
import io.myuser.security.ProblemCorsProcessor;
import io.myuser.support.web.ProblemResponseWriter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.util.Assert;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * CORS on MyUser's filter chain, and only there. Which settings apply, in this order:
 * <ol>
 * <li>a {@link CorsConfigurationSource} bean of the host: the one named {@value #HOST_SOURCE_BEAN_NAME} (the name
 * Spring Security's {@code http.cors()} looks for), or else the only one there is (Spring MVC's
 * {@link HandlerMappingIntrospector}, which every MVC application has, does not count);
 * {@code myuser.web.cors.*} is then ignored, with a warning if it is set;</li>
 * <li>{@code myuser.web.cors.*}, once it allows an origin or an origin pattern;</li>
 * <li>otherwise no CORS processing at all: cross-origin preflights go through authorization like any request.</li>
 * </ol>
 * Spring Security 7 on its own applies {@code http.cors()} to every chain as soon as the context holds a
 * {@code UrlBasedCorsConfigurationSource} bean, and {@code http.cors()} then takes a bean named
 * {@code corsFilter} or {@code corsConfigurationSource}, or else Spring MVC's CORS mappings; this configurer
 * replaces that on MyUser's chain so that the rules above hold whatever the host's beans are called. MyUser never
 * publishes a CORS bean itself, so the host's other chains are untouched. A refused cross-origin request is
 * answered with 403 problem JSON ({@link ProblemCorsProcessor}).
 */
final class MyUserCorsConfigurer extends AbstractHttpConfigurer<MyUserCorsConfigurer, HttpSecurity> {

	/** The bean name Spring Security's {@code http.cors()} looks for, preferred when the host has several. */
	static final String HOST_SOURCE_BEAN_NAME = "corsConfigurationSource";

	private static final Logger logger = LoggerFactory.getLogger(MyUserCorsConfigurer.class);

	private final MyUserProperties.Web.Cors properties;

	private MyUserCorsConfigurer(MyUserProperties.Web.Cors properties) {
		Assert.notNull(properties, "properties cannot be null");
		this.properties = properties;
	}

	/**
	 * Create the configurer.
	 * @param properties {@code myuser.web.cors.*}
	 * @return a new configurer
	 */
	static MyUserCorsConfigurer myUserCors(MyUserProperties.Web.Cors properties) {
		return new MyUserCorsConfigurer(properties);
	}

	@Override
	public void setBuilder(HttpSecurity http) {
		super.setBuilder(http);
		// Undo the http.cors() Spring Security applies when it sees a UrlBasedCorsConfigurationSource bean.
		http.cors(AbstractHttpConfigurer::disable);
	}

	@Override
	public void configure(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		CorsConfigurationSource source = corsConfigurationSource(context);
		if (source == null) {
			return;
		}
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new ProblemCorsProcessor(context.getBean(ProblemResponseWriter.class)));
		http.addFilter(postProcess(filter));
	}

	private @Nullable CorsConfigurationSource corsConfigurationSource(ApplicationContext context) {
		String hostSource = hostSourceBeanName(context);
		if (hostSource != null) {
			if (this.properties.hasOrigins()) {
				logger.warn("myuser.web.cors.* is ignored: MyUser's endpoints follow the application's "
						+ "CorsConfigurationSource bean '{}'", hostSource);
			}
			return context.getBean(hostSource, CorsConfigurationSource.class);
		}
		if (!this.properties.hasOrigins()) {
			return null;
		}
		CorsConfiguration configuration = corsConfiguration(this.properties);
		return (request) -> configuration;
	}

	/**
	 * The name of the host's {@link CorsConfigurationSource} bean that MyUser's chain follows.
	 * @param context the application context
	 * @return the bean name, or {@code null} when the host has none
	 * @throws IllegalStateException when the host has several and none is named {@value #HOST_SOURCE_BEAN_NAME}
	 */
	static @Nullable String hostSourceBeanName(ApplicationContext context) {
		List<String> names = Arrays.stream(context.getBeanNamesForType(CorsConfigurationSource.class))
			.filter((name) -> !isSpringMvcIntrospector(context, name))
			.toList();
		if (names.isEmpty()) {
			return null;
		}
		if (names.contains(HOST_SOURCE_BEAN_NAME)) {
			return HOST_SOURCE_BEAN_NAME;
		}
		if (names.size() == 1) {
			return names.get(0);
		}
		throw new IllegalStateException("MyUser found several CorsConfigurationSource beans " + names
				+ " and cannot tell which one applies to its endpoints: name that one '" + HOST_SOURCE_BEAN_NAME
				+ "', the name Spring Security's http.cors() looks for");
	}

	private static boolean isSpringMvcIntrospector(ApplicationContext context, String name) {
		Class<?> type = context.getType(name);
		return type != null && HandlerMappingIntrospector.class.isAssignableFrom(type);
	}

	/**
	 * The CORS settings {@code myuser.web.cors.*} describes.
	 * @param properties the properties, which allow at least one origin or origin pattern
	 * @return the settings
	 */
	static CorsConfiguration corsConfiguration(MyUserProperties.Web.Cors properties) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(properties.getAllowedOrigins().stream().map(String::trim).toList());
		configuration.setAllowedOriginPatterns(
				properties.getAllowedOriginPatterns().stream().map(String::trim).toList());
		configuration.setAllowedMethods(properties.getAllowedMethods());
		configuration.setAllowedHeaders(properties.getAllowedHeaders());
		configuration.setExposedHeaders(properties.getExposedHeaders());
		configuration.setAllowCredentials(properties.isAllowCredentials());
		configuration.setMaxAge(properties.getMaxAge());
		return configuration;
	}

}
