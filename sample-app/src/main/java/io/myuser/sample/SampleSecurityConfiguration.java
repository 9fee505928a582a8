package io.myuser.sample;

import io.myuser.security.MyUserHttpConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The host's own security: its API under {@code /api/**} accepts MyUser access tokens through
 * {@link MyUserHttpConfigurer}; the home page (the demo page, {@code static/index.html}), its script and style
 * under {@code /demo/}, {@code /public/**}, and springdoc's OpenAPI documents and Swagger UI are open. MyUser's
 * own chain, scoped to {@code /api/auth/**}, sits beside this one and takes precedence on its paths; the dev
 * mailbox has a chain of its own ({@code io.myuser.sample.devmail}).
 */
@Configuration(proxyBeanMethods = false)
class SampleSecurityConfiguration {

	@Bean
	SecurityFilterChain sampleSecurityFilterChain(HttpSecurity http) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/", "/public/**", "/error")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/index.html", "/demo/**")
				.permitAll()
				// springdoc's documents (MyUser's group at /v3/api-docs/myuser) and Swagger UI.
				.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
						"/swagger-ui/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.with(MyUserHttpConfigurer.myUser(), Customizer.withDefaults());
		return http.build();
	}

}
