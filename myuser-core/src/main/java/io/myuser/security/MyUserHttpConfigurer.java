package io.myuser.security;

import io.myuser.support.web.ProblemResponseWriter;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Lets a chain accept MyUser access tokens: a host that declares its own {@code SecurityFilterChain} applies it
 * with {@code http.with(MyUserHttpConfigurer.myUser(), Customizer.withDefaults())}. It adds the bearer-token
 * filter, answers 401 and 403 as problem JSON, and makes the chain stateless. Authorization rules stay the host's.
 */
public final class MyUserHttpConfigurer extends AbstractHttpConfigurer<MyUserHttpConfigurer, HttpSecurity> {

	private MyUserHttpConfigurer() {
	}

	/**
	 * Create the configurer.
	 * @return a new configurer
	 */
	public static MyUserHttpConfigurer myUser() {
		return new MyUserHttpConfigurer();
	}

	/**
	 * Make the chain stateless as soon as this configurer is added, before the other configurers initialise and
	 * pick session-backed defaults: no security context, saved request or session id ever creates an HTTP
	 * session.
	 */
	@Override
	public void setBuilder(HttpSecurity http) {
		super.setBuilder(http);
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.requestCache((cache) -> cache.requestCache(new NullRequestCache()));
	}

	@Override
	public void init(HttpSecurity http) {
		ProblemResponseWriter writer = context(http).getBean(ProblemResponseWriter.class);
		http.exceptionHandling((exceptions) -> exceptions
			.authenticationEntryPoint(new ProblemAuthenticationEntryPoint(writer))
			.accessDeniedHandler(new ProblemAccessDeniedHandler(writer)));
	}

	@Override
	public void configure(HttpSecurity http) {
		ApplicationContext context = context(http);
		ProblemResponseWriter writer = context.getBean(ProblemResponseWriter.class);
		AccessTokenAuthenticationFilter filter = new AccessTokenAuthenticationFilter(
				context.getBean(AccessTokenVerifier.class), new ProblemAuthenticationEntryPoint(writer));
		http.addFilterBefore(postProcess(filter), AnonymousAuthenticationFilter.class);
	}

	private static ApplicationContext context(HttpSecurity http) {
		return http.getSharedObject(ApplicationContext.class);
	}

}
